/** Routings: the operations making a product takes, in order, each on a kind of line or one line; uses line and catalog. */
package dev.kassa.production.routing;
