/** Units of measure; uses no other feature. */
package dev.kassa.catalog.catalogue.unit;
