/** Products, barcodes, prices and their history, product search and the products' change feed; uses category, image, modifier and unit, and the stock through the catalogue's StockFigures and OpeningStock. */
package dev.kassa.catalog.catalogue.product;
