/** How sales calls other services; uses no other feature. */
package dev.kassa.sales.system;
