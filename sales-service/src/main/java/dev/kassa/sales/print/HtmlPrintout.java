package dev.kassa.sales.print;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import dev.kassa.platform.print.QrCodes;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A printout as a web page (JMustache, every value HTML-escaped): as wide as the paper when printed from a browser, the
 * QR code of its link as an inline PNG (a page that loads nothing else, so that it also opens from an e-mail). A page
 * served with its own Content-Security-Policy ({@link PagePolicy}: the digital receipt) carries the answer's nonce on
 * its style.
 */
final class HtmlPrintout {

    private static final Template PAGE = Mustache.compiler().escapeHTML(true).compile(template());

    private HtmlPrintout() {}

    static String render(Printout printout, Paper paper, Locale locale) {
        return render(printout, paper, locale, null);
    }

    /** The page whose style carries {@code nonce}, the nonce of its Content-Security-Policy (null: none). */
    static String render(Printout printout, Paper paper, Locale locale, String nonce) {
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("lang", locale.getLanguage());
        page.put("nonced", nonce != null);
        page.put("nonce", nonce == null ? "" : nonce);
        page.put("title", printout.title());
        page.put("width", paper.width);
        page.put("printable", paper.printable);
        List<Map<String, Object>> entries = printout.entries().stream()
                .map(e -> {
                    Map<String, Object> entry = new LinkedHashMap<>();
                    entry.put("heading", e.kind() == Printout.Kind.HEADING);
                    entry.put("center", e.kind() == Printout.Kind.CENTER);
                    entry.put("text", e.kind() == Printout.Kind.TEXT);
                    entry.put("row", e.kind() == Printout.Kind.ROW || e.kind() == Printout.Kind.STRONG_ROW);
                    entry.put("strong", e.kind() == Printout.Kind.STRONG_ROW);
                    entry.put("rule", e.kind() == Printout.Kind.RULE);
                    entry.put("left", e.left());
                    entry.put("right", e.right());
                    return entry;
                })
                .toList();
        page.put("entries", entries);
        page.put("hasLink", printout.link() != null);
        page.put("link", printout.link() == null ? "" : printout.link());
        page.put("qr", printout.link() == null ? "" : QrCodes.pngDataUri(printout.link(), 4));
        return PAGE.execute(page);
    }

    private static String template() {
        try (InputStream in = HtmlPrintout.class.getResourceAsStream("/print/printout.mustache")) {
            if (in == null) {
                throw new IllegalStateException("print/printout.mustache is not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
