package dev.kassa.platform.print;

import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDCIDFontType2;
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
 * printer: a line at a place, its width, a text cut to fit, a text wrapped word by word. Whatever a text holds, it is
 * drawn and measured as {@link #printable}: a control character left out, a character DejaVu Sans has no glyph for (most
 * emoji) drawn as U+FFFD, never an error (no font of emoji small enough to ship is embedded beside it).
 */
public final class PdfText {

    /** DejaVu Sans (Bitstream Vera licence, see {@code kassa/fonts/LICENSE-DejaVu.txt}), read once. */
    private static final byte[] FONT = read();

    /** What a character the font lacks is drawn as: U+FFFD (a question mark in a diamond), or {@code ?} without it. */
    static final String REPLACEMENT = "\uFFFD";

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

    /**
     * The text as {@code font} draws it, whatever a name holds: control characters left out (tab and line breaks as
     * spaces: one line is drawn), a lone half of a surrogate pair and a character the font has no glyph for (an emoji
     * DejaVu Sans lacks) as {@link #REPLACEMENT}. Every method here draws and measures this text, so that measuring and
     * drawing agree and neither fails on what a form let through; null is empty.
     */
    public static String printable(PDType0Font font, String text) throws IOException {
        if (text == null) {
            return "";
        }
        CmapLookup glyphs = glyphs(font);
        StringBuilder out = null;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            int next = i + Character.charCount(c);
            String instead = Character.isISOControl(c)
                    ? (Character.isWhitespace(c) || c == 0x85 ? " " : "")
                    : Character.getType(c) == Character.SURROGATE || !drawable(font, glyphs, c)
                            ? replacement(font, glyphs)
                            : null;
            if (instead != null && out == null) {
                out = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (out != null) {
                if (instead != null) {
                    out.append(instead);
                } else {
                    out.append(text, i, next);
                }
            }
            i = next;
        }
        return out == null ? text : out.toString();
    }

    private static String replacement(PDType0Font font, CmapLookup glyphs) throws IOException {
        return drawable(font, glyphs, REPLACEMENT.codePointAt(0)) ? REPLACEMENT : "?";
    }

    /** The embedded TrueType font's characters, as PDFBox encodes them; null for another kind of font. */
    private static CmapLookup glyphs(PDType0Font font) throws IOException {
        return font.getDescendantFont() instanceof PDCIDFontType2 cid && cid.getTrueTypeFont() != null
                ? cid.getTrueTypeFont().getUnicodeCmapLookup(false)
                : null;
    }

    /** Whether the font has a glyph for the code point (PDFBox refuses to encode one it has not, and so to draw it). */
    private static boolean drawable(PDType0Font font, CmapLookup glyphs, int codePoint) throws IOException {
        if (glyphs != null) {
            return glyphs.getGlyphId(codePoint) != 0;
        }
        try {
            font.encode(new String(Character.toChars(codePoint)));
            return true;
        } catch (IllegalArgumentException noGlyph) {
            return false;
        }
    }

    /** One line of text with its baseline starting at ({@code x}, {@code y}). */
    public static void show(PDPageContentStream page, PDType0Font font, float size, String text, float x, float y)
            throws IOException {
        page.beginText();
        page.setFont(font, size);
        page.newLineAtOffset(x, y);
        page.showText(printable(font, text));
        page.endText();
    }

    /** One line of text ending at {@code right}. */
    public static void showRight(
            PDPageContentStream page, PDType0Font font, float size, String text, float right, float y)
            throws IOException {
        show(page, font, size, text, right - width(font, text, size), y);
    }

    /** The width of the text as {@link #show} draws it. */
    public static float width(PDType0Font font, String text, float size) throws IOException {
        return measured(font, printable(font, text), size);
    }

    /** The text, cut with an ellipsis to fit {@code width}. */
    public static String fit(PDType0Font font, String text, float size, float width) throws IOException {
        return cut(font, printable(font, text), size, width);
    }

    /** The text in at most {@code max} lines of {@code width}, word by word; what does not fit ends with an ellipsis. */
    public static List<String> lines(PDType0Font font, String text, float size, float width, int max)
            throws IOException {
        List<String> lines = new ArrayList<>();
        String[] words = printable(font, text).trim().split("\\s+");
        int start = 0;
        String line = "";
        for (int i = 0; i < words.length; i++) {
            String candidate = line.isEmpty() ? words[i] : line + " " + words[i];
            if (line.isEmpty() || measured(font, candidate, size) <= width) {
                line = candidate;
            } else if (lines.size() == max - 1) {
                break;
            } else {
                lines.add(line);
                line = words[i];
                start = i;
            }
        }
        lines.add(cut(font, String.join(" ", List.of(words).subList(start, words.length)), size, width));
        return lines;
    }

    /** The width of a text already {@link #printable}. */
    private static float measured(PDType0Font font, String printable, float size) throws IOException {
        return font.getStringWidth(printable) / 1000 * size;
    }

    /** A text already {@link #printable} cut with an ellipsis to fit, a character (never half of one) at a time. */
    private static String cut(PDType0Font font, String printable, float size, float width) throws IOException {
        if (measured(font, printable, size) <= width) {
            return printable;
        }
        String cut = printable;
        while (cut.codePointCount(0, cut.length()) > 1 && measured(font, cut + "…", size) > width) {
            cut = cut.substring(0, cut.offsetByCodePoints(cut.length(), -1));
        }
        return cut.strip() + "…";
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
