/** The shifts open now, as sales' events tell them; uses no other feature. */
package dev.kassa.analytics.shift;
