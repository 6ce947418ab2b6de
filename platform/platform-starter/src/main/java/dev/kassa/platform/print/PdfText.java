package dev.kassa.platform.print;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Text on PDF pages (PDFBox) in DejaVu Sans, embedded in each document (the glyphs used), so that Cyrillic prints on any
 * printer: a line at a place, its width, a text cut to fit, a text wrapped word by word.
 */
public final class PdfText {

    /** DejaVu Sans (Bitstream Vera licence, see {@code kassa/fonts/LICENSE-DejaVu.txt}), read once. */
    private static final byte[] FONT = read();

    private PdfText() {}

    /** The font, embedded into {@code doc} (only the glyphs the document uses are kept when it is saved). */
    public static PDType0Font font(PDDocument doc) throws IOException {
        return PDType0Font.load(doc, new ByteArrayInputStream(FONT));
    }

    /** One line of text with its baseline starting at ({@code x}, {@code y}). */
    public static void show(PDPageContentStream page, PDType0Font font, float size, String text, float x, float y)
            throws IOException {
        page.beginText();
        page.setFont(font, size);
        page.newLineAtOffset(x, y);
        page.showText(text);
        page.endText();
    }

    /** One line of text ending at {@code right}. */
    public static void showRight(
            PDPageContentStream page, PDType0Font font, float size, String text, float right, float y)
            throws IOException {
        show(page, font, size, text, right - width(font, text, size), y);
    }

    public static float width(PDType0Font font, String text, float size) throws IOException {
        return font.getStringWidth(text) / 1000 * size;
    }

    /** The text, cut with an ellipsis to fit {@code width}. */
    public static String fit(PDType0Font font, String text, float size, float width) throws IOException {
        if (width(font, text, size) <= width) {
            return text;
        }
        String cut = text;
        while (cut.length() > 1 && width(font, cut + "…", size) > width) {
            cut = cut.substring(0, cut.length() - 1);
        }
        return cut.strip() + "…";
    }

    /** The text in at most {@code max} lines of {@code width}, word by word; what does not fit ends with an ellipsis. */
    public static List<String> lines(PDType0Font font, String text, float size, float width, int max)
            throws IOException {
        List<String> lines = new ArrayList<>();
        String[] words = text.trim().split("\\s+");
        int start = 0;
        String line = "";
        for (int i = 0; i < words.length; i++) {
            String candidate = line.isEmpty() ? words[i] : line + " " + words[i];
            if (line.isEmpty() || width(font, candidate, size) <= width) {
                line = candidate;
            } else if (lines.size() == max - 1) {
                break;
            } else {
                lines.add(line);
                line = words[i];
                start = i;
            }
        }
        lines.add(fit(font, String.join(" ", List.of(words).subList(start, words.length)), size, width));
        return lines;
    }

    private static byte[] read() {
        try (InputStream in = PdfText.class.getResourceAsStream("/kassa/fonts/DejaVuSans.ttf")) {
            if (in == null) {
                throw new IllegalStateException("kassa/fonts/DejaVuSans.ttf is not on the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
