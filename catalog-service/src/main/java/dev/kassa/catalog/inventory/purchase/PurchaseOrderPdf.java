package dev.kassa.catalog.inventory.purchase;

import dev.kassa.platform.error.Messages;
import dev.kassa.platform.print.PdfText;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * A purchase order as the supplier receives it (PDFBox, A4, DejaVu Sans embedded so Cyrillic prints anywhere): the
 * store, the order's number and dates, the supplier, a table of its lines (name, SKU, quantity, cost, sum) over as many
 * pages as it takes, and the total; headings in the caller's language.
 */
final class PurchaseOrderPdf {

    private static final float MARGIN = 40;
    private static final float SIZE = 9;
    private static final float LEADING = SIZE * 1.5f;

    /** The table's columns: where each starts and, for figures, where it ends (right-aligned). */
    private static final float[] X = {MARGIN, MARGIN + 24, MARGIN + 300, MARGIN + 400, MARGIN + 465, MARGIN + 515};

    private PurchaseOrderPdf() {}

    static byte[] render(
            String store,
            ZoneId zone,
            PurchaseOrderRepository.Row order,
            List<String> supplier,
            List<PurchaseOrderRepository.Line> lines) {
        try (PdfText.Lease parsed = PdfText.lease();
                PDDocument doc = new PDDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDType0Font font = parsed.embedIn(doc);
            List<String> header = header(store, zone, order, supplier);
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            PDPageContentStream content = new PDPageContentStream(doc, page);
            try {
                float top = PDRectangle.A4.getHeight() - MARGIN;
                float y = heading(content, font, order.number(), header, top);
                head(content, font, y);
                y -= LEADING;
                BigDecimal total = BigDecimal.ZERO;
                for (PurchaseOrderRepository.Line l : lines) {
                    if (y < MARGIN + LEADING * 2) {
                        content.close();
                        page = new PDPage(PDRectangle.A4);
                        doc.addPage(page);
                        content = new PDPageContentStream(doc, page);
                        y = top;
                        head(content, font, y);
                        y -= LEADING;
                    }
                    BigDecimal sum = l.quantity().multiply(l.costPrice()).setScale(2, RoundingMode.HALF_UP);
                    total = total.add(sum);
                    row(content, font, l, sum, y);
                    y -= LEADING;
                }
                y -= LEADING / 2;
                PdfText.showRight(
                        content,
                        font,
                        SIZE + 1,
                        Messages.get("purchase.pdf.total") + ": " + total.toPlainString(),
                        X[5],
                        y);
            } finally {
                content.close();
            }
            doc.getDocumentInformation().setTitle(order.number());
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the order's header says: the store, the supplier, the order's date, when it is expected and its notes. */
    private static List<String> header(
            String store, ZoneId zone, PurchaseOrderRepository.Row order, List<String> supplier) {
        List<String> header = new ArrayList<>();
        header.add(store);
        header.add(Messages.get("purchase.pdf.supplier") + ": " + String.join(", ", nonBlank(supplier)));
        header.add(Messages.get("purchase.pdf.date") + ": "
                + (order.orderedAt() != null ? order.orderedAt() : order.createdAt())
                        .atZone(zone)
                        .toLocalDate());
        if (order.expectedAt() != null) {
            header.add(Messages.get("purchase.pdf.expected") + ": " + order.expectedAt());
        }
        if (!order.notes().isBlank()) {
            header.add(order.notes());
        }
        return header;
    }

    /**
     * The title and the header's lines (each wrapped to at most three) from {@code top} down; where the table's head
     * goes below them.
     */
    private static float heading(
            PDPageContentStream content, PDType0Font font, String number, List<String> header, float top)
            throws IOException {
        float y = top;
        PdfText.show(content, font, SIZE + 5, Messages.get("purchase.pdf.title", number), MARGIN, y);
        y -= LEADING * 1.6f;
        for (String h : header) {
            for (String l : PdfText.lines(font, h, SIZE, X[5] - MARGIN, 3)) {
                PdfText.show(content, font, SIZE, l, MARGIN, y);
                y -= LEADING;
            }
        }
        y -= LEADING / 2;
        return y;
    }

    /** A line of the table at {@code y}: its number, name, SKU, quantity, cost and {@code sum}. */
    private static void row(
            PDPageContentStream content, PDType0Font font, PurchaseOrderRepository.Line l, BigDecimal sum, float y)
            throws IOException {
        PdfText.show(content, font, SIZE, String.valueOf(l.lineNo()), X[0], y);
        PdfText.show(content, font, SIZE, PdfText.fit(font, l.product().name(), SIZE, X[2] - X[1] - 6), X[1], y);
        PdfText.show(
                content,
                font,
                SIZE,
                PdfText.fit(font, l.product().sku() == null ? "" : l.product().sku(), SIZE, X[3] - X[2] - 40),
                X[2],
                y);
        PdfText.showRight(content, font, SIZE, l.quantity().stripTrailingZeros().toPlainString(), X[3], y);
        PdfText.showRight(content, font, SIZE, l.costPrice().toPlainString(), X[4], y);
        PdfText.showRight(content, font, SIZE, sum.toPlainString(), X[5], y);
    }

    private static void head(PDPageContentStream content, PDType0Font font, float y) throws IOException {
        PdfText.show(content, font, SIZE, "№", X[0], y);
        PdfText.show(content, font, SIZE, Messages.get("purchase.pdf.name"), X[1], y);
        PdfText.show(content, font, SIZE, Messages.get("purchase.pdf.sku"), X[2], y);
        PdfText.showRight(content, font, SIZE, Messages.get("purchase.pdf.quantity"), X[3], y);
        PdfText.showRight(content, font, SIZE, Messages.get("purchase.pdf.cost"), X[4], y);
        PdfText.showRight(content, font, SIZE, Messages.get("purchase.pdf.sum"), X[5], y);
    }

    private static List<String> nonBlank(List<String> values) {
        return values.stream().filter(v -> v != null && !v.isBlank()).toList();
    }
}
