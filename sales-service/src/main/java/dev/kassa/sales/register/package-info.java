/** Cash registers; uses no other feature. */
package dev.kassa.sales.register;
