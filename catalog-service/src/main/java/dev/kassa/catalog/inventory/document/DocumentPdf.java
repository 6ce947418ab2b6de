package dev.kassa.catalog.inventory.document;

import dev.kassa.platform.error.Messages;
import dev.kassa.platform.print.Barcodes;
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
 * The one layout of the warehouse documents (PDFBox, A4 in landscape, DejaVu Sans embedded so Cyrillic prints
 * anywhere): the store's details at the top left, the document's number as a Code 128 barcode at the top right with
 * the number under it, the title and the document's header lines, a table of its lines over as many pages as it takes
 * (its head again on each), the totals and lines to sign; each page ends with the number and the page's number. What
 * each document shows is its own renderer's ({@link GoodsReceiptNote}, {@link TransferWaybill}, {@link MoveNote},
 * {@link CountSheet}).
 */
final class DocumentPdf {

    /** How a column shows its cells: text from the left, figures to the right, or an empty box to write in. */
    enum Align {
        TEXT,
        FIGURE,
        WRITE_IN
    }

    /** A column of the table: its heading and its share of the table's width (its points, were they the width). */
    record Column(String heading, float weight, Align align) {

        /** A column headed by the message {@code key} in the caller's language. */
        static Column of(String key, float weight, Align align) {
            return new Column(Messages.get(key), weight, align);
        }
    }

    /**
     * A document as the layout draws it.
     *
     * @param code       the number the barcode carries (and the footer shows)
     * @param rows       the table's rows, a cell per column
     * @param signatures who signs, one line each
     */
    record Sheet(
            String title,
            String code,
            List<String> store,
            List<String> header,
            List<Column> columns,
            List<List<String>> rows,
            List<String> totals,
            List<String> signatures) {}

    /** A4 in landscape: a table of goods wants the width (as the forms of the trade do). */
    private static final PDRectangle PAGE = new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth());

    private static final float MARGIN = 36;
    private static final float RIGHT = PAGE.getWidth() - MARGIN;
    private static final float TOP = PAGE.getHeight() - MARGIN;
    private static final float SIZE = 8;
    private static final float LEADING = SIZE * 1.6f;
    private static final float CODE_WIDTH = 230;
    private static final float CODE_HEIGHT = 36;

    private final PDDocument doc;
    private final PDType0Font font;
    private final Sheet sheet;
    private final float[] left;
    private final float[] width;
    /** A row's height: more where the table has a box to write in by hand. */
    private final float row;

    private PDPageContentStream content;
    private int pages;
    private float y;

    private DocumentPdf(PDDocument doc, PDType0Font font, Sheet sheet) {
        this.doc = doc;
        this.font = font;
        this.sheet = sheet;
        int n = sheet.columns().size();
        this.left = new float[n];
        this.width = new float[n];
        float total =
                (float) sheet.columns().stream().mapToDouble(Column::weight).sum();
        this.row = sheet.columns().stream().anyMatch(c -> c.align() == Align.WRITE_IN) ? LEADING * 1.6f : LEADING;
        float x = MARGIN;
        for (int i = 0; i < n; i++) {
            width[i] = (RIGHT - MARGIN) * sheet.columns().get(i).weight() / total;
            left[i] = x;
            x += width[i];
        }
    }

    /** The document as a PDF. */
    static byte[] render(Sheet sheet) {
        try (PdfText.Lease lease = PdfText.lease();
                PDDocument doc = new PDDocument();
                ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
            DocumentPdf pdf = new DocumentPdf(doc, lease.embedIn(doc), sheet);
            try {
                pdf.head();
                pdf.table();
                pdf.end();
            } finally {
                if (pdf.content != null) {
                    pdf.content.close();
                }
            }
            doc.getDocumentInformation().setTitle(sheet.title());
            doc.save(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first page's head: the store, the barcode, the title and the document's header lines. */
    private void head() throws IOException {
        newPage();
        float storeBottom = y;
        float storeWidth = RIGHT - CODE_WIDTH - MARGIN - 16;
        for (int i = 0; i < sheet.store().size(); i++) {
            float size = i == 0 ? SIZE + 3 : SIZE;
            for (String line : PdfText.lines(font, sheet.store().get(i), size, storeWidth, 2)) {
                storeBottom -= size * 1.35f;
                PdfText.show(content, font, size, line, MARGIN, storeBottom);
            }
        }
        float codeBottom = TOP - CODE_HEIGHT;
        Barcodes.drawCode128(content, sheet.code(), RIGHT - CODE_WIDTH, codeBottom, CODE_WIDTH, CODE_HEIGHT, 1.2f);
        codeBottom -= SIZE + 3;
        float codeText = PdfText.width(font, sheet.code(), SIZE + 1);
        PdfText.show(content, font, SIZE + 1, sheet.code(), RIGHT - (CODE_WIDTH + codeText) / 2, codeBottom);
        y = Math.min(storeBottom, codeBottom) - LEADING * 2.2f;
        PdfText.show(content, font, SIZE + 6, PdfText.fit(font, sheet.title(), SIZE + 6, RIGHT - MARGIN), MARGIN, y);
        y -= LEADING * 1.8f;
        for (String h : sheet.header()) {
            for (String line : PdfText.lines(font, h, SIZE + 1, RIGHT - MARGIN, 3)) {
                PdfText.show(content, font, SIZE + 1, line, MARGIN, y);
                y -= LEADING;
            }
        }
        y -= LEADING / 2;
    }

    /** The table: its head, then its rows, a new page (with the head again) where one is full. */
    private void table() throws IOException {
        columnHeads();
        for (List<String> cells : sheet.rows()) {
            if (!fits(row)) {
                newPage();
                columnHeads();
            }
            for (int i = 0; i < cells.size() && i < left.length; i++) {
                cell(i, cells.get(i), SIZE);
            }
            y -= row;
        }
        y -= LEADING / 2;
    }

    private void columnHeads() throws IOException {
        for (int i = 0; i < left.length; i++) {
            cell(i, sheet.columns().get(i).heading(), SIZE);
        }
        rule(MARGIN, RIGHT, y - 3, 0.5f);
        y -= Math.max(LEADING + 2, row);
    }

    /** A cell of column {@code i} on this line: text cut to fit, a figure to the right, a line to write on. */
    private void cell(int i, String text, float size) throws IOException {
        Align align = sheet.columns().get(i).align();
        float room = width[i] - 6;
        if (align == Align.FIGURE) {
            PdfText.showRight(content, font, size, PdfText.fit(font, text, size, room), left[i] + width[i] - 2, y);
        } else if (align == Align.TEXT || !Letterhead.blank(text)) {
            PdfText.show(content, font, size, PdfText.fit(font, text, size, room), left[i] + 2, y);
        } else {
            rule(left[i] + 4, left[i] + width[i] - 2, y - 2, 0.4f);
        }
    }

    /** The totals to the right under the table, then a line to sign for each who signs. */
    private void end() throws IOException {
        for (String total : sheet.totals()) {
            if (!fits(LEADING)) {
                newPage();
            }
            PdfText.showRight(content, font, SIZE + 1, total, RIGHT, y);
            y -= LEADING;
        }
        y -= LEADING;
        for (String who : sheet.signatures()) {
            if (!fits(LEADING * 2.5f)) {
                newPage();
            }
            y -= LEADING * 1.5f;
            PdfText.show(content, font, SIZE + 1, who, MARGIN, y);
            float from = MARGIN + Math.max(160, PdfText.width(font, who, SIZE + 1) + 10);
            rule(from, from + 200, y - 2, 0.5f);
            y -= LEADING;
        }
    }

    /** A line across from {@code from} to {@code to} at height {@code at}. */
    private void rule(float from, float to, float at, float lineWidth) throws IOException {
        content.setLineWidth(lineWidth);
        content.moveTo(from, at);
        content.lineTo(to, at);
        content.stroke();
    }

    /** Whether {@code needed} more fits above the footer. */
    private boolean fits(float needed) {
        return y - needed >= MARGIN + LEADING;
    }

    /** A new page, its footer written: the number and the page's number. */
    private void newPage() throws IOException {
        if (content != null) {
            content.close();
        }
        PDPage next = new PDPage(PAGE);
        doc.addPage(next);
        content = new PDPageContentStream(doc, next);
        pages++;
        String footer = sheet.code() + "  ·  " + Messages.get("document.page", pages);
        PdfText.show(content, font, SIZE - 1, footer, MARGIN, MARGIN / 2);
        y = TOP;
    }
}
