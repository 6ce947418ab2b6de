/**
 * Warehouse documents (issue 86 point 3): goods receipt notes, transfer waybills, move notes and stock-take sheets as
 * PDFs with the store's details and a Code 128 barcode of the document's number, which a scan resolves back to the
 * document; owns no table (it reads those of purchase, transfer, count, stock and location) and uses stock's reasons.
 */
package dev.kassa.catalog.inventory.document;
