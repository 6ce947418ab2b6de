/**
 * What a service prints: text on PDF pages in an embedded Cyrillic font ({@link dev.kassa.platform.print.PdfText}), QR
 * codes from ZXing's encoder drawn into a PDF or an image ({@link dev.kassa.platform.print.QrCodes}) and Code 128
 * barcodes drawn into a PDF ({@link dev.kassa.platform.print.Barcodes}). PDFBox and ZXing are optional dependencies of
 * the platform: a service that prints declares them.
 */
package dev.kassa.platform.print;
