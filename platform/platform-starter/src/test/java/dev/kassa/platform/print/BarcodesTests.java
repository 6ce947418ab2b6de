package dev.kassa.platform.print;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.Result;
import com.google.zxing.common.HybridBinarizer;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A Code 128 drawn on a PDF page is read back by a scanner (ZXing's reader on the page rendered at 300 dpi). */
class BarcodesTests {

    @Test
    void aDocumentNumberDrawnAsCode128IsReadBackAsItWasWritten() throws Exception {
        for (String number : List.of("TR-000042-AB12CD34", "MOVE-0A1B2C3D", "CNT-000007")) {
            byte[] pdf;
            try (PDDocument doc = new PDDocument();
                    ByteArrayOutputStream out = new ByteArrayOutputStream()) {
                PDPage page = new PDPage(new PDRectangle(320, 90));
                doc.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                    Barcodes.drawCode128(content, number, 10, 20, 300, 50, 1.2f);
                }
                doc.save(out);
                pdf = out.toByteArray();
            }
            assertThat(scanned(pdf)).isEqualTo(number);
        }
    }

    @Test
    void aTextCode128CannotHoldIsRefused() {
        assertThatThrownBy(() -> Barcodes.code128("Накладная")).isInstanceOf(IllegalArgumentException.class);
    }

    private static String scanned(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            BufferedImage image = new PDFRenderer(doc).renderImageWithDPI(0, 300, ImageType.RGB);
            int width = image.getWidth();
            int height = image.getHeight();
            int[] pixels = image.getRGB(0, 0, width, height, null, 0, width);
            Result result = new MultiFormatReader()
                    .decode(
                            new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(width, height, pixels))),
                            Map.of(DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.CODE_128)));
            assertThat(result.getBarcodeFormat()).isEqualTo(BarcodeFormat.CODE_128);
            return result.getText();
        }
    }
}
