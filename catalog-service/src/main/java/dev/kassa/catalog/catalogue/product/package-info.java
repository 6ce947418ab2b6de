/** Products, barcodes, prices and their history, product search and the products' change feed; uses category, image, modifier, stock and unit. */
package dev.kassa.catalog.catalogue.product;
