/**
 * What the till prints and what the buyer keeps: a sale's receipt and a shift's X or Z report as a web page, a PDF or the
 * byte stream of a thermal printer (ESC/POS), all three drawn from one {@link dev.kassa.sales.print.Printout}; and the
 * digital receipt, a sale's receipt at a public link ({@code GET /r/{token}}) that a manager can withdraw.
 */
package dev.kassa.sales.print;
