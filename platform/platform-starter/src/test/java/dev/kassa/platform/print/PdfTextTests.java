package dev.kassa.platform.print;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Documents embed DejaVu Sans parsed once and lent to one document at a time: what each document shows is its own text,
 * in a subset of the font embedded in it, however many documents are made at once.
 */
class PdfTextTests {

    @BeforeEach
    void noParsedFontWaits() throws IOException {
        PdfText.closeIdle();
    }

    @Test
    void documentsSavedOneAfterAnotherWithTheSameParsedFontEachShowTheirText() throws Exception {
        for (int i = 0; i < 3; i++) {
            String text = "Кассир Иванова, документ " + i + " " + "щ".repeat(i + 1);
            try (PDDocument read = Loader.loadPDF(document(text))) {
                assertThat(new PDFTextStripper().getText(read).strip()).isEqualTo(text);
            }
            assertThat(PdfText.idle())
                    .as("the one parsed font, back after each document (the next one takes it)")
                    .isEqualTo(1);
        }
    }

    @Test
    void aParsedFontGoesBackForTheNextDocumentAndAtMostAFewAreKept() throws Exception {
        List<PdfText.Lease> leases = new ArrayList<>();
        for (int i = 0; i < PdfText.KEPT + 2; i++) {
            leases.add(PdfText.lease());
        }
        assertThat(PdfText.idle()).as("every idle font lent").isZero();
        for (PdfText.Lease lease : leases) {
            lease.close();
        }
        assertThat(PdfText.idle()).as("the rest closed").isEqualTo(PdfText.KEPT);

        try (PdfText.Lease next = PdfText.lease()) {
            assertThat(PdfText.idle()).as("the next document takes a kept one").isEqualTo(PdfText.KEPT - 1);
            next.close();
            assertThat(PdfText.idle())
                    .as("given back once, however often closed")
                    .isEqualTo(PdfText.KEPT);
        }
        assertThat(PdfText.idle()).isEqualTo(PdfText.KEPT);
    }

    @Test
    void documentsMadeAtOnceEachShowTheirOwnCyrillicTextInTheirOwnSubset() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<String>> made = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                String text = "Чек №" + i + " Молоко 3,2% — " + "ёжик".repeat(1 + i % 5);
                made.add(pool.submit(() -> {
                    byte[] pdf = document(text);
                    try (PDDocument read = Loader.loadPDF(pdf)) {
                        PDFont font = read.getPage(0)
                                .getResources()
                                .getFont(read.getPage(0)
                                        .getResources()
                                        .getFontNames()
                                        .iterator()
                                        .next());
                        assertThat(font.getName()).as("a subset embedded").matches("[A-Z]{6}\\+DejaVuSans");
                        assertThat(font.isEmbedded()).isTrue();
                        return new PDFTextStripper().getText(read).strip() + "|" + text;
                    }
                }));
            }
            for (Future<String> document : made) {
                String[] shownAndWritten = document.get().split("\\|");
                assertThat(shownAndWritten[0]).isEqualTo(shownAndWritten[1]);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aNameWithAnEmojiTheFontLacksOrAControlCharacterIsDrawnMeasuredCutAndWrappedWithoutFailing() throws Exception {
        String name = "Пицца 🍕";
        try (PdfText.Lease parsed = PdfText.lease();
                PDDocument doc = new PDDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDType0Font font = parsed.embedIn(doc);
            PDPage page = new PDPage(PDRectangle.A6);
            doc.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                PdfText.show(content, font, 10, name, 10, 380);
                PdfText.showRight(content, font, 10, name + " \u001Bp\u0000", 290, 360);
                assertThat(PdfText.width(font, name, 10))
                        .as("measured as drawn: the emoji as the replacement")
                        .isEqualTo(PdfText.width(font, "Пицца " + PdfText.REPLACEMENT, 10))
                        .isPositive();
                // a cut never leaves half of a character the font has (😀 is in DejaVu Sans, two chars in Java)
                String cut = PdfText.fit(font, "Пицца " + "😀".repeat(30), 10, 80);
                assertThat(cut).endsWith("…").contains("Пицца 😀");
                PdfText.show(content, font, 10, cut, 10, 340);
                float y = 320;
                for (String line : PdfText.lines(font, name + "\nс сыром\tи \u0007соусом 🍕🍕🍕", 10, 60, 3)) {
                    PdfText.show(content, font, 10, line, 10, y);
                    y -= 12;
                }
            }
            doc.save(out);
            try (PDDocument read = Loader.loadPDF(out.toByteArray())) {
                String text = new PDFTextStripper().getText(read);
                assertThat(text)
                        .contains("Пицца " + PdfText.REPLACEMENT, "Пицца 😀", "сыром", "соусом")
                        .doesNotContain("\u001B", "\u0000", "\u0007");
            }
        }
    }

    private static byte[] document(String text) throws IOException {
        try (PdfText.Lease parsed = PdfText.lease();
                PDDocument doc = new PDDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDType0Font font = parsed.embedIn(doc);
            PDPage page = new PDPage(PDRectangle.A6);
            doc.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                PdfText.show(content, font, 10, text, 10, 200);
            }
            doc.save(out);
            return out.toByteArray();
        }
    }
}
