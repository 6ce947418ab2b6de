/** Product tags; uses product. */
package dev.kassa.catalog.catalogue.tag;
