package dev.kassa.sales.print;

import dev.kassa.sales.SalesErrors;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** How a printout leaves: a web page, a PDF, or a thermal printer's ESC/POS byte stream. */
enum PrintFormat {
    HTML,
    PDF,
    ESCPOS;

    static final MediaType ESCPOS_TYPE = MediaType.parseMediaType("application/vnd.escpos");

    /** The format named ({@code html}, {@code pdf}, {@code escpos}); else 400 {@code print_format_invalid}. */
    static PrintFormat of(String format) {
        try {
            return valueOf(format.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw SalesErrors.PRINT_FORMAT_INVALID.exception();
        }
    }

    /** The printout in this format, a file named {@code name} (its extension added) for a PDF or a printer's stream. */
    ResponseEntity<byte[]> answer(Printout printout, Paper paper, String name) {
        return switch (this) {
            case HTML -> ResponseEntity.ok()
                    .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                    .body(HtmlPrintout.render(printout, paper, LocaleContextHolder.getLocale())
                            .getBytes(StandardCharsets.UTF_8));
            case PDF -> file(MediaType.APPLICATION_PDF, name + ".pdf", PdfPrintout.render(printout, paper), true);
            case ESCPOS -> file(ESCPOS_TYPE, name + ".bin", EscPosPrintout.render(printout, paper), false);
        };
    }

    private static ResponseEntity<byte[]> file(MediaType type, String filename, byte[] bytes, boolean inline) {
        ContentDisposition.Builder disposition = inline ? ContentDisposition.inline() : ContentDisposition.attachment();
        return ResponseEntity.ok()
                .contentType(type)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        disposition.filename(filename).build().toString())
                .body(bytes);
    }
}
