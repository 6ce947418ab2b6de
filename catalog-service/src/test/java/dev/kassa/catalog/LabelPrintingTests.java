package dev.kassa.catalog;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.NotFoundException;
import com.google.zxing.Result;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import dev.kassa.platform.test.Api;
import dev.kassa.platform.test.KassaIntegrationTest;
import dev.kassa.platform.test.TestStores;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.List;
import java.util.Map;

import static dev.kassa.platform.test.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

/** Shelf labels as a shop prints them: a PDF whose barcodes a scanner reads back as the products' codes. */
@KassaIntegrationTest
class LabelPrintingTests {

    @LocalServerPort
    int port;

    Api as(String store, String role) {
        return Api.member(port, store, 7, role, role);
    }

    @Test
    void labelsPrintTheNamePriceAndABarcodeAScannerReadsAsTheProductsCode() throws Exception {
        String store = TestStores.newKey("lbl");
        Api owner = as(store, "owner");
        long milk = product(owner, "Молоко «Простоквашино» 3,2% 930 мл", 14500, "4780000000120");
        long bread = product(owner, "Хлеб", 5000, "HB-000123");

        Api.Response roll = as(store, "cashier")
                .post(
                        "/api/products/labels/",
                        json("items", List.of(json("product", milk), json("product", bread)), "template", "58x40"));
        assertThat(roll.status()).as(roll.toString()).isEqualTo(200);
        assertThat(roll.header("Content-Type")).startsWith("application/pdf");
        assertThat(roll.header("Content-Disposition")).contains("labels-58x40.pdf");
        try (PDDocument pdf = Loader.loadPDF(roll.bytes())) {
            assertThat(pdf.getNumberOfPages()).as("one label a page on a roll").isEqualTo(2);
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("Молоко", "14 500,00", "Хлеб", "5 000,00");
            for (var name : pdf.getPage(0).getResources().getFontNames()) {
                PDFont font = pdf.getPage(0).getResources().getFont(name);
                assertThat(font.isEmbedded())
                        .as("the font travels with the file")
                        .isTrue();
            }
            Result ean = scan(pdf, 0);
            assertThat(ean.getBarcodeFormat()).isEqualTo(BarcodeFormat.EAN_13);
            assertThat(ean.getText()).isEqualTo("4780000000120");
            Result code128 = scan(pdf, 1);
            assertThat(code128.getBarcodeFormat()).isEqualTo(BarcodeFormat.CODE_128);
            assertThat(code128.getText()).isEqualTo("HB-000123");
        }

        Api.Response sheet =
                owner.post("/api/products/labels/", json("items", List.of(json("product", milk, "copies", 41))));
        assertThat(sheet.status()).as(sheet.toString()).isEqualTo(200);
        try (PDDocument pdf = Loader.loadPDF(sheet.bytes())) {
            assertThat(pdf.getNumberOfPages()).as("40 labels an A4 sheet").isEqualTo(2);
            assertThat(scan(pdf, 1).getText()).isEqualTo("4780000000120");
        }

        Api.Response small =
                owner.post("/api/products/labels/", json("items", List.of(json("product", milk)), "template", "30x20"));
        try (PDDocument pdf = Loader.loadPDF(small.bytes())) {
            assertThat(scan(pdf, 0).getText()).as("even on a 30 × 20 mm label").isEqualTo("4780000000120");
        }
    }

    @Test
    void oneProductsLabelsArePrintedFromItsPrintLabelAddressWhileItsJsonStaysAsItWas() throws Exception {
        String store = TestStores.newKey("lbl");
        Api owner = as(store, "owner");
        long milk = product(owner, "Молоко", 14500, "4780000000120");
        Api cashier = as(store, "cashier");

        Api.Response pdf =
                cashier.get("/api/products/products/" + milk + "/print-label/?format=pdf&quantity=3&template=58x40");
        assertThat(pdf.status()).as(pdf.toString()).isEqualTo(200);
        assertThat(pdf.header("Content-Type")).startsWith("application/pdf");
        assertThat(pdf.header("Content-Disposition")).contains("labels-58x40.pdf");
        try (PDDocument document = Loader.loadPDF(pdf.bytes())) {
            assertThat(document.getNumberOfPages()).as("three labels on a roll").isEqualTo(3);
            assertThat(new PDFTextStripper().getText(document)).contains("Молоко", "14 500,00");
            assertThat(scan(document, 2).getText()).isEqualTo("4780000000120");
        }
        try (PDDocument sheet = Loader.loadPDF(owner.get("/api/products/products/" + milk + "/print-label/?format=pdf")
                .bytes())) {
            assertThat(sheet.getNumberOfPages())
                    .as("one label on an A4 sheet by default")
                    .isEqualTo(1);
            assertThat(scan(sheet, 0).getText()).isEqualTo("4780000000120");
        }

        Api.Response json = cashier.get("/api/products/products/" + milk + "/print-label/?quantity=2");
        assertThat(json.header("Content-Type")).startsWith("application/json");
        assertThat(json.text("/data/quantity")).isEqualTo("2");
        assertThat(cashier.get("/api/products/products/" + milk + "/print-label/?format=json")
                        .status())
                .isEqualTo(200);

        assertThat(owner.get("/api/products/products/" + milk + "/print-label/?format=png")
                        .at("/errors/format")
                        .isArray())
                .isTrue();
        assertThat(owner.get("/api/products/products/" + milk + "/print-label/?format=pdf&template=a5")
                        .at("/errors/template")
                        .isArray())
                .isTrue();
        assertThat(owner.get("/api/products/products/" + milk + "/print-label/?format=pdf&quantity=1001")
                        .at("/errors/quantity")
                        .isArray())
                .isTrue();
        Api.Response missing = owner.get("/api/products/products/987654/print-label/?format=pdf");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.header("Content-Type")).startsWith("application/json");
        assertThat(Api.member(port, TestStores.newKey("lbl"), 7, "owner", "owner")
                        .get("/api/products/products/" + milk + "/print-label/?format=pdf")
                        .status())
                .as("another store's product")
                .isEqualTo(404);
    }

    @Test
    void badRequestsAreRefusedByFieldAndNothingIsPrinted() {
        String store = TestStores.newKey("lbl");
        Api owner = as(store, "owner");
        long milk = product(owner, "Кефир", 9000, "4780000000120");
        assertThat(owner.post("/api/products/labels/", json("items", List.of(json("product", milk, "copies", 0))))
                        .at("/errors/items.0.copies")
                        .isArray())
                .isTrue();
        assertThat(owner.post("/api/products/labels/", json("items", List.of(json("product", milk)), "template", "a5"))
                        .at("/errors/template")
                        .isArray())
                .isTrue();
        Api.Response unknown = owner.post(
                "/api/products/labels/", json("items", List.of(json("product", milk), json("product", 987654))));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.at("/errors/items.1.product").isArray()).isTrue();
        List<Map<String, Object>> many = List.of(
                json("product", milk, "copies", 1000),
                json("product", milk, "copies", 1000),
                json("product", milk, "copies", 1000),
                json("product", milk, "copies", 1000),
                json("product", milk, "copies", 1000),
                json("product", milk, "copies", 1000));
        assertThat(owner.post("/api/products/labels/", json("items", many))
                        .at("/errors/items/0")
                        .asText()
                        .replaceAll("\\D", ""))
                .as("the most labels a file holds")
                .isEqualTo("5000");
        assertThat(owner.post("/api/products/labels/", json("items", List.of()))
                        .at("/errors/items")
                        .isArray())
                .isTrue();
        assertThat(owner.post("/api/products/labels/", "{\"items\":").text("/code"))
                .isEqualTo("parse_error");
    }

    private static long product(Api owner, String name, int price, String barcode) {
        Api.Response created =
                owner.post("/api/products/products/", json("name", name, "sale_price", price, "barcode", barcode));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.at("/id").asLong();
    }

    /** What a scanner reads on the page, the page rendered as a 300 dpi grey image. */
    private static Result scan(PDDocument pdf, int page) throws IOException, NotFoundException {
        BufferedImage image = new PDFRenderer(pdf).renderImageWithDPI(page, 300, ImageType.GRAY);
        return new MultiFormatReader()
                .decode(
                        new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))),
                        Map.of(
                                DecodeHintType.TRY_HARDER,
                                true,
                                DecodeHintType.POSSIBLE_FORMATS,
                                List.of(BarcodeFormat.EAN_13, BarcodeFormat.CODE_128)));
    }
}
