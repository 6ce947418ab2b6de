package dev.kassa.sales.print;

import dev.kassa.platform.print.PdfText;
import dev.kassa.platform.print.QrCodes;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A printout as a PDF of one page as wide as the paper and as long as its content (a till printer's roll): DejaVu Sans
 * embedded (PDFBox), the QR code of its link drawn as vector squares (ZXing's encoder).
 */
final class PdfPrintout {

    private PdfPrintout() {}

    /** A line laid out: its entry, the text it shows on the left, and its font size. */
    private record Laid(Printout.Entry entry, String left, float size) {}

    static byte[] render(Printout printout, Paper paper) {
        float size = paper == Paper.MM58 ? 7.5f : 8.5f;
        float leading = size * 1.4f;
        float margin = paper.marginPoints();
        float width = paper.widthPoints() - 2 * margin;
        float qr = printout.link() == null ? 0 : Math.min(width, 34 * Paper.POINTS_PER_MM);
        try (PdfText.Lease parsed = PdfText.lease();
                PDDocument doc = new PDDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDType0Font font = parsed.embedIn(doc);
            List<Laid> lines = layout(printout, font, size, width);
            float height = 2 * margin + lines.size() * leading + qr + (qr > 0 ? leading * 2 : 0);
            PDPage page = new PDPage(new PDRectangle(paper.widthPoints(), height));
            doc.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                float y = height - margin;
                for (Laid line : lines) {
                    y -= leading;
                    draw(content, font, line, margin, width, y);
                }
                if (qr > 0) {
                    y -= qr + leading / 2;
                    QrCodes.draw(content, QrCodes.matrix(printout.link()), margin + (width - qr) / 2, y, qr);
                    float linkSize = size * 0.8f;
                    String link = PdfText.fit(font, printout.link(), linkSize, width);
                    PdfText.show(
                            content,
                            font,
                            linkSize,
                            link,
                            margin + (width - PdfText.width(font, link, linkSize)) / 2,
                            y - leading);
                }
            }
            doc.getDocumentInformation().setTitle(printout.title());
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Each entry as the lines it takes: text wrapped to the width (at most three lines), headings larger. */
    private static List<Laid> layout(Printout printout, PDType0Font font, float size, float width) throws IOException {
        List<Laid> lines = new ArrayList<>();
        for (Printout.Entry e : printout.entries()) {
            switch (e.kind()) {
                case HEADING -> {
                    for (String l : PdfText.lines(font, e.left(), size + 2, width, 2)) {
                        lines.add(new Laid(e, l, size + 2));
                    }
                }
                case CENTER, TEXT -> {
                    for (String l : PdfText.lines(font, e.left(), size, width, 3)) {
                        lines.add(new Laid(e, l, size));
                    }
                }
                case ROW, STRONG_ROW -> {
                    float s = e.kind() == Printout.Kind.STRONG_ROW ? size + 1 : size;
                    float room = width - PdfText.width(font, e.right(), s) - s;
                    lines.add(new Laid(e, PdfText.fit(font, e.left(), s, Math.max(room, s)), s));
                }
                case RULE -> lines.add(new Laid(e, "", size));
            }
        }
        return lines;
    }

    private static void draw(PDPageContentStream content, PDType0Font font, Laid line, float x, float width, float y)
            throws IOException {
        switch (line.entry().kind()) {
            case HEADING, CENTER -> PdfText.show(
                    content,
                    font,
                    line.size(),
                    line.left(),
                    x + (width - PdfText.width(font, line.left(), line.size())) / 2,
                    y);
            case TEXT -> PdfText.show(content, font, line.size(), line.left(), x, y);
            case ROW, STRONG_ROW -> {
                PdfText.show(content, font, line.size(), line.left(), x, y);
                PdfText.showRight(content, font, line.size(), line.entry().right(), x + width, y);
            }
            case RULE -> {
                content.setLineDashPattern(new float[] {2, 2}, 0);
                content.moveTo(x, y + line.size() / 3);
                content.lineTo(x + width, y + line.size() / 3);
                content.stroke();
            }
        }
    }
}
