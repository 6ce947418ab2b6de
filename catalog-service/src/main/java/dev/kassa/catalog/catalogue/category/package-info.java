/** Categories and the change feed of categories and units for tills; uses unit. */
package dev.kassa.catalog.catalogue.category;
