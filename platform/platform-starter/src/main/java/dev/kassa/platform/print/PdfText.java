package dev.kassa.platform.print;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * Text on PDF pages (PDFBox) in DejaVu Sans, embedded in each document (the glyphs used), so that Cyrillic prints on any
 * printer: a line at a place, its width, a text cut to fit, a text wrapped word by word.
 */
public final class PdfText {

    /** DejaVu Sans (Bitstream Vera licence, see {@code kassa/fonts/LICENSE-DejaVu.txt}), read once. */
    private static final byte[] FONT = read();

    /** The most parsed fonts kept for the next documents (one is in use by each document being made). */
    static final int KEPT = 4;

    /** Parsed fonts no document is using, the most recently returned first. */
    private static final Deque<TrueTypeFont> IDLE = new ConcurrentLinkedDeque<>();

    private PdfText() {}

    /**
     * DejaVu Sans for one document, parsed already (parsing the 750 KB font took megabytes of garbage a receipt): the
     * document embeds it with {@link Lease#embedIn}; closed after the document is saved and closed (declared before it in
     * a {@code try}), it goes back for the next document. A parsed font is used by one document at a time (FontBox reads
     * its tables lazily and is not made for threads); the font a document embeds, {@link PDType0Font}, is the document's
     * own.
     * <p>
     * PDFBox 3.0 "closes" the font it subsets when a document is saved; a font parsed from bytes in memory (as this one)
     * only lets go of nothing there, and stays readable. {@code PdfTextTests} saves documents one after another with the
     * same parsed font: a PDFBox whose close did more would fail it.
     */
    public static Lease lease() throws IOException {
        TrueTypeFont idle = IDLE.pollFirst();
        return new Lease(idle != null ? idle : new TTFParser().parse(new RandomAccessReadBuffer(FONT)));
    }

    /** How many parsed fonts wait for a document (for tests). */
    static int idle() {
        return IDLE.size();
    }

    /** Closes the parsed fonts that wait for a document (for tests that count them). */
    static void closeIdle() throws IOException {
        for (TrueTypeFont idle = IDLE.pollFirst(); idle != null; idle = IDLE.pollFirst()) {
            idle.close();
        }
    }

    /** A parsed font lent to one document. */
    public static final class Lease implements AutoCloseable {

        private TrueTypeFont font;

        private Lease(TrueTypeFont font) {
            this.font = font;
        }

        /** The font, embedded into {@code doc} (only the glyphs the document uses are kept when it is saved). */
        public PDType0Font embedIn(PDDocument doc) throws IOException {
            if (font == null) {
                throw new IllegalStateException("the font was given back");
            }
            return PDType0Font.load(doc, font, true);
        }

        /** Gives the parsed font back for the next document, or closes it when enough are kept. */
        @Override
        public void close() throws IOException {
            TrueTypeFont returned = font;
            font = null;
            if (returned == null) {
                return;
            }
            if (IDLE.size() < KEPT) {
                IDLE.offerFirst(returned);
            } else {
                returned.close();
            }
        }
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
