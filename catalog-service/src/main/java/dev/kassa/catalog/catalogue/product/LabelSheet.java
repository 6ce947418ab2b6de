package dev.kassa.catalog.catalogue.product;

import com.google.zxing.oned.Code128Writer;
import com.google.zxing.oned.EAN13Writer;
import dev.kassa.platform.print.PdfText;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Shelf labels as a PDF (PDFBox): each label its product's name, price and unit, and its barcode drawn as vector bars from
 * ZXing's encoder (EAN-13 or Code 128, with the quiet zone a scanner needs) over the digits; the DejaVu Sans font is
 * embedded (the glyphs used), so Cyrillic prints on any printer.
 */
final class LabelSheet {

    /** Modules of white a scanner needs on each side of the bars. */
    private static final int QUIET_ZONE = 10;

    private LabelSheet() {}

    /** The labels in order, each as many times as asked, on the template's pages. */
    static byte[] render(LabelTemplate template, List<ShelfLabel> labels) {
        try (PdfText.Lease parsed = PdfText.lease();
                PDDocument doc = new PDDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDType0Font font = parsed.embedIn(doc);
            PDPageContentStream page = null;
            try {
                for (int i = 0; i < labels.size(); i++) {
                    int slot = i % template.perPage();
                    if (slot == 0) {
                        if (page != null) {
                            page.close();
                        }
                        PDPage next = new PDPage(new PDRectangle(template.pageWidth, template.pageHeight));
                        doc.addPage(next);
                        page = new PDPageContentStream(doc, next);
                    }
                    float x = (slot % template.columns) * template.labelWidth();
                    float y = template.pageHeight - (slot / template.columns + 1) * template.labelHeight();
                    draw(page, font, labels.get(i), x, y, template.labelWidth(), template.labelHeight());
                }
            } finally {
                if (page != null) {
                    page.close();
                }
            }
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void draw(
            PDPageContentStream page, PDType0Font font, ShelfLabel label, float x, float y, float w, float h)
            throws IOException {
        float pad = Math.min(w, h) * 0.06f;
        float nameSize = clamp(h * 0.1f, 5, 9);
        float priceSize = clamp(h * 0.19f, 8, 18);
        float digitsSize = clamp(h * 0.075f, 4, 7);
        float top = y + h - pad;
        List<String> name = PdfText.lines(font, label.name(), nameSize, w - 2 * pad, h > 60 ? 2 : 1);
        for (String line : name) {
            top -= nameSize;
            PdfText.show(page, font, nameSize, line, x + pad, top);
            top -= nameSize * 0.2f;
        }
        top -= priceSize;
        String price = label.formattedPrice() + " / " + label.unit();
        PdfText.show(page, font, priceSize, PdfText.fit(font, price, priceSize, w - 2 * pad), x + pad, top);
        boolean[] bars = bars(label);
        float barsTop = top - priceSize * 0.25f;
        float barsBottom = y + pad + digitsSize * 1.2f;
        if (bars.length == 0 || barsTop - barsBottom < 6) {
            String sku = label.sku() == null ? "" : label.sku();
            PdfText.show(page, font, digitsSize, PdfText.fit(font, sku, digitsSize, w - 2 * pad), x + pad, y + pad);
            return;
        }
        float module = Math.min(1.2f, (w - 2 * pad) / (bars.length + 2 * QUIET_ZONE));
        float left = x + (w - bars.length * module) / 2;
        for (int i = 0; i < bars.length; ) {
            if (!bars[i]) {
                i++;
                continue;
            }
            int run = i;
            while (run < bars.length && bars[run]) {
                run++;
            }
            page.addRect(left + i * module, barsBottom, (run - i) * module, barsTop - barsBottom);
            i = run;
        }
        page.fill();
        float digitsWidth = PdfText.width(font, label.barcode(), digitsSize);
        PdfText.show(page, font, digitsSize, label.barcode(), x + (w - digitsWidth) / 2, y + pad);
    }

    /** The barcode's modules (true: a bar), none when the code cannot be drawn in Code 128 (not printable ASCII). */
    static boolean[] bars(ShelfLabel label) {
        if (label.barcode() == null || label.barcode().isBlank()) {
            return new boolean[0];
        }
        try {
            return ShelfLabel.EAN13.equals(label.barcodeFormat())
                    ? new EAN13Writer().encode(label.barcode())
                    : new Code128Writer().encode(label.barcode());
        } catch (IllegalArgumentException notEncodable) {
            return new boolean[0];
        }
    }

    private static float clamp(float value, float min, float max) {
        return Math.max(min, Math.min(max, value));
    }
}
