package dev.kassa.platform.print;

import com.google.zxing.oned.Code128Writer;
import org.apache.pdfbox.pdmodel.PDPageContentStream;

import java.io.IOException;

/**
 * Linear barcodes on a PDF page: a text's Code 128 modules from ZXing's encoder, drawn as vector bars (one filled
 * rectangle a bar, so they print sharp at any resolution). Whoever draws them leaves {@link #QUIET_ZONE} modules of
 * white on each side, as a scanner needs; {@link #drawCode128} does so itself.
 */
public final class Barcodes {

    /** Modules of white a scanner needs on each side of the bars. */
    public static final int QUIET_ZONE = 10;

    private Barcodes() {}

    /**
     * The text's Code 128 modules, true where a bar is (without the quiet zone).
     *
     * @throws IllegalArgumentException when the text is not printable ASCII (or is empty or too long)
     */
    public static boolean[] code128(String text) {
        return new Code128Writer().encode(text);
    }

    /**
     * Draws the modules as bars of {@code module} points each, {@code height} high, the first module's left edge at
     * {@code x} and the bars' bottom at {@code y}.
     */
    public static void draw(PDPageContentStream page, boolean[] modules, float x, float y, float module, float height)
            throws IOException {
        boolean any = false;
        int barStart = -1;
        for (int i = 0; i <= modules.length; i++) {
            boolean dark = i < modules.length && modules[i];
            if (dark && barStart < 0) {
                barStart = i;
            } else if (!dark && barStart >= 0) {
                page.addRect(x + barStart * module, y, (i - barStart) * module, height);
                barStart = -1;
                any = true;
            }
        }
        if (any) {
            page.fill();
        }
    }

    /**
     * The text as a Code 128 barcode in a box of {@code width} × {@code height} points whose lower left corner is
     * ({@code x}, {@code y}): the quiet zone inside the box, the bars as wide as fit (at most {@code maxModule} points
     * a module) and centred; answers the width of the bars drawn.
     */
    public static float drawCode128(
            PDPageContentStream page, String text, float x, float y, float width, float height, float maxModule)
            throws IOException {
        boolean[] modules = code128(text);
        float module = Math.min(maxModule, width / (modules.length + 2 * QUIET_ZONE));
        float bars = modules.length * module;
        draw(page, modules, x + (width - bars) / 2, y, module, height);
        return bars;
    }
}
