/** Product tags; uses product. */
package dev.kassa.catalog.tag;
