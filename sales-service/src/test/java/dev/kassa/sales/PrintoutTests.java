package dev.kassa.sales;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import dev.kassa.platform.test.Api;
import dev.kassa.platform.test.KassaIntegrationTest;
import dev.kassa.platform.test.TestStores;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.kassa.platform.test.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Receipts and shift reports to print (issue 62, points 6–8): a web page, a PDF and a thermal printer's ESC/POS stream
 * of the same receipt, whose QR code (decoded back from the image, as a phone would) is the sale's digital receipt
 * link; the public page behind it (no login, refunds shown, withdrawn by a manager); X and Z reports of a shift.
 */
@KassaIntegrationTest
class PrintoutTests {

    static final FakeCatalog catalog = new FakeCatalog();

    static final FakeCustomers customers = new FakeCustomers();

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("kassa.sales.catalog-url", catalog::url);
        registry.add("kassa.sales.customer-url", customers::url);
    }

    @AfterAll
    static void stop() {
        catalog.close();
        customers.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    Api as(String store, long user, String role) {
        return Api.member(port, store, user, "user" + user, role);
    }

    long openShift(String store, long cashier) {
        return as(store, cashier, "cashier")
                .post("/api/sales/sessions/open/", json("opening_balance", 10000))
                .at("/data/id")
                .asLong();
    }

    Api.Response sell(String store, long session, Long customer) {
        Map<String, Object> sale = json(
                "client_id", UUID.randomUUID().toString(),
                "session", session,
                "sold_at", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
                "items", List.of(json("product", 18, "quantity", 2), json("product", 19)),
                "payments",
                        List.of(
                                json("payment_method", "cash", "amount", 20000, "received_amount", 25000),
                                json("payment_method", "card", "amount", 16000)));
        if (customer != null) {
            sale.put("customer_id", customer);
        }
        Api.Response answer = as(store, 5, "cashier").post("/api/sales/sales/", sale);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        return answer;
    }

    @Test
    void aSalesReceiptPrintsAsAPageAPdfAndAThermalStreamWhoseQrCodeIsItsDigitalReceipt() throws Exception {
        String store = TestStores.newKey("prn");
        customers.limits.put(71L, new BigDecimal("100000"));
        customers.points.put(71L, 120);
        long session = openShift(store, 5);
        // the store's details as auth's StoreUpdated leaves them
        jdbc.update(
                "update public.kassa_tenant set store_name = ?, address = 'ул. Навои, 1', tax_id = '301234567' where tenant_key = ?",
                "Кафе \"Ромашка\" & <Co>",
                store);
        Api.Response sold = sell(store, session, 71L);
        long sale = sold.at("/data/id").asLong();
        String number = sold.text("/data/receipt_number");
        Api cashier = as(store, 5, "cashier");

        // the web page: the store's name escaped, the lines, totals, change and the buyer's points, and a QR code
        Api.Response html = cashier.get("/api/sales/sales/" + sale + "/receipt/?format=html&width=58");
        assertThat(html.status()).as(html.toString()).isEqualTo(200);
        assertThat(html.header("Content-Type")).startsWith("text/html").contains("UTF-8");
        String page = html.raw();
        assertThat(page)
                .contains("Кафе &quot;Ромашка&quot; &amp; &lt;Co&gt;")
                .doesNotContain("<Co>")
                .contains("ул. Навои, 1", "ИНН 301234567", number, "user5")
                .contains("2 x 12 000,00", "24 000,00", "36 000,00", "Сдача", "5 000,00")
                .contains("Бонусный баланс", "120")
                .contains("max-width: 48mm");
        String link = qr(png(page));
        assertThat(link).matches("http://localhost:" + port + "/r/[A-Za-z0-9_-]{24}");
        assertThat(page).contains("href=\"" + link + "\"").as("the link is written out too");

        // the same link on every print and in the link's own call
        Api.Response made = cashier.post("/api/sales/sales/" + sale + "/receipt-link/", json());
        assertThat(made.status()).as(made.toString()).isEqualTo(200);
        assertThat(made.text("/url")).isEqualTo(link);

        // the PDF: as wide as the 58 mm roll, the text in Cyrillic, the same QR code once rendered
        Api.Response pdf = cashier.english().get("/api/sales/sales/" + sale + "/receipt/?format=pdf&width=58");
        assertThat(pdf.status()).as(pdf.toString()).isEqualTo(200);
        assertThat(pdf.header("Content-Type")).isEqualTo("application/pdf");
        try (PDDocument doc = Loader.loadPDF(pdf.bytes())) {
            assertThat(doc.getNumberOfPages()).isEqualTo(1);
            assertThat(doc.getPage(0).getMediaBox().getWidth())
                    .isCloseTo(164.4f, org.assertj.core.data.Offset.offset(0.5f));
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("Ромашка", "TOTAL", "36,000.00", "Change", "5,000.00", number);
            BufferedImage image = new PDFRenderer(doc).renderImageWithDPI(0, 300);
            assertThat(qr(image)).isEqualTo(link);
        }

        // the printer's stream: initialised, code page 17 (CP866) and the text in it, the printer's own QR code, a cut
        Api.Response escpos = cashier.get("/api/sales/sales/" + sale + "/receipt/?format=escpos");
        assertThat(escpos.status()).as(escpos.toString()).isEqualTo(200);
        byte[] stream = escpos.bytes();
        String hex = HexFormat.of().formatHex(stream);
        assertThat(hex).startsWith("1b40").contains("1b7411");
        assertThat(hex).contains(HexFormat.of().formatHex("Ромашка".getBytes(Charset.forName("cp866"))));
        assertThat(hex).contains(HexFormat.of().formatHex("ИТОГО".getBytes(Charset.forName("cp866"))));
        assertThat(hex)
                .as("the QR code's data, stored in the printer's symbol (GS ( k … 31 50 30)")
                .contains("1d286b")
                .contains("315030" + HexFormat.of().formatHex(link.getBytes(StandardCharsets.US_ASCII)));
        assertThat(hex).as("the paper fed and cut (partly: GS V 1) at the end").endsWith("0a0a0a0a1d5631");
        // a row of an 80 mm roll is 48 characters: the label on the left, the amount on the right
        assertThat(new String(stream, Charset.forName("cp866")))
                .contains("ИТОГО" + " ".repeat(48 - 5 - 9) + "36 000,00\n");

        // the public page: no login, the same receipt without the buyer's balance, never cached or indexed
        Api anyone = new Api("http://localhost:" + port);
        String token = link.substring(link.lastIndexOf('/') + 1);
        Api.Response open = anyone.get("/r/" + token);
        assertThat(open.status()).as(open.toString()).isEqualTo(200);
        assertThat(open.header("Content-Type")).startsWith("text/html");
        assertThat(open.header("Cache-Control")).contains("no-store");
        assertThat(open.header("Content-Security-Policy")).contains("default-src 'none'");
        assertThat(open.raw()).contains(number, "36 000,00").doesNotContain("Бонусный баланс");
        assertThat(qr(png(open.raw()))).as("the page's QR code is its own link").isEqualTo(link);

        // a refund shows on it
        long line = jdbc.queryForObject(
                "select id from " + TestStores.schema(store) + ".sale_items where sale_id = ? and product_id = 18",
                Long.class,
                sale);
        Api manager = as(store, 2, "manager");
        Api.Response refund = manager.post(
                "/api/sales/sales/" + sale + "/refund/", json("items", List.of(json("item_id", line, "quantity", 1))));
        assertThat(refund.status()).as(refund.toString()).isEqualTo(200);
        assertThat(anyone.get("/r/" + token).raw()).contains("Возвраты", "-12 000,00", "возвращено");

        // withdrawn by a manager (not a cashier): the link answers 410, the next print makes another
        assertThat(cashier.delete("/api/sales/sales/" + sale + "/receipt-link/").status())
                .isEqualTo(403);
        assertThat(manager.delete("/api/sales/sales/" + sale + "/receipt-link/").status())
                .isEqualTo(204);
        Api.Response gone = anyone.get("/r/" + token);
        assertThat(gone.status()).isEqualTo(410);
        assertThat(gone.text("/code")).isEqualTo("receipt_link_withdrawn");
        assertThat(manager.delete("/api/sales/sales/" + sale + "/receipt-link/").text("/code"))
                .isEqualTo("receipt_link_unknown");
        String again = cashier.post("/api/sales/sales/" + sale + "/receipt-link/", json())
                .text("/url");
        assertThat(again).isNotEqualTo(link);
        assertThat(anyone.get(again.substring(again.indexOf("/r/"))).status()).isEqualTo(200);

        // links that are not there tell nothing
        assertThat(anyone.get("/r/AAAAAAAAAAAAAAAAAAAAAAAA").text("/code")).isEqualTo("receipt_link_unknown");
        assertThat(anyone.get("/r/%27%20or%201=1").status()).isEqualTo(404);
    }

    @Test
    void printingRefusesWhatItCannotPrintAndWhoMayNotSeeIt() {
        String store = TestStores.newKey("prb");
        long session = openShift(store, 5);
        long sale = sell(store, session, null).at("/data/id").asLong();
        Api cashier = as(store, 5, "cashier");
        String path = "/api/sales/sales/" + sale + "/receipt/";

        assertThat(cashier.get(path + "?format=docx").text("/code")).isEqualTo("print_format_invalid");
        assertThat(cashier.get(path + "?format=pdf&width=70").text("/code")).isEqualTo("print_width_invalid");
        Api.Response notANumber = cashier.get(path + "?format=pdf&width=wide");
        assertThat(notANumber.status()).isEqualTo(400);
        assertThat(notANumber.header("Content-Type")).startsWith("application/json");
        assertThat(cashier.get(path + "?format=json")
                        .at("/receipt/receipt_number")
                        .asText())
                .as("format=json is the JSON receipt, as without format")
                .isNotBlank();
        assertThat(new Api("http://localhost:" + port).get(path + "?format=pdf").status())
                .isEqualTo(401);
        assertThat(as(TestStores.newKey("prx"), 5, "owner")
                        .get(path + "?format=pdf")
                        .text("/code"))
                .as("another store has no such sale")
                .isEqualTo("sale_not_found");
        assertThat(as(store, 9, "stockkeeper").get(path + "?format=pdf").status())
                .isEqualTo(403);

        long draft = Drafts.draft(jdbc, store, session, 5);
        Api.Response noReceipt = cashier.get("/api/sales/sales/" + draft + "/receipt/?format=html");
        assertThat(noReceipt.status()).as(noReceipt.toString()).isEqualTo(409);
        assertThat(noReceipt.text("/code")).isEqualTo("receipt_not_completed");
        assertThat(cashier.post("/api/sales/sales/" + draft + "/receipt-link/", json())
                        .text("/code"))
                .isEqualTo("receipt_not_completed");
    }

    @Test
    void aShiftPrintsItsXReportWhileOpenAndItsZReportOnceClosed() throws Exception {
        String store = TestStores.newKey("prz");
        long session = openShift(store, 5);
        sell(store, session, null);
        Api cashier = as(store, 5, "cashier");
        String path = "/api/sales/sessions/" + session + "/report/";

        Api.Response x = cashier.get(path + "?format=html");
        assertThat(x.status()).as(x.toString()).isEqualTo(200);
        assertThat(x.raw())
                .contains("X-отчёт", "Выручка", "36 000,00", "Наличные (1)", "20 000,00", "Банковская карта (1)")
                .contains("Размен на начало", "10 000,00", "Ожидается наличных", "30 000,00")
                .doesNotContain("Пересчитано");

        assertThat(cashier.post("/api/sales/sessions/" + session + "/close/", json("actual_cash", 29500))
                        .status())
                .isEqualTo(200);
        Api.Response z = cashier.english().get(path + "?format=pdf");
        assertThat(z.status()).as(z.toString()).isEqualTo(200);
        try (PDDocument doc = Loader.loadPDF(z.bytes())) {
            assertThat(doc.getPage(0).getMediaBox().getWidth())
                    .as("80 mm by default")
                    .isCloseTo(226.8f, org.assertj.core.data.Offset.offset(0.5f));
            assertThat(new PDFTextStripper().getText(doc))
                    .contains(
                            "Z report", "Expected cash", "30,000.00", "Counted", "29,500.00", "Difference", "-500.00");
        }
        assertThat(cashier.get(path + "?format=escpos").bytes()).startsWith(0x1b, 0x40);
        assertThat(as(store, 6, "cashier").get(path + "?format=html").status())
                .as("another cashier's shift")
                .isEqualTo(403);
        assertThat(cashier.get(path + "?format=xlsx").text("/code")).isEqualTo("print_format_invalid");
        assertThat(cashier.get(path).text("/expected_cash"))
                .as("the JSON report stays")
                .isEqualTo("30000.00");
    }

    @Test
    void namesWithAnEmojiOrAControlCharacterPrintInEveryFormatAndNeverOpenTheDrawer() throws Exception {
        String store = TestStores.newKey("pre");
        long session = openShift(store, 5);
        long sale = sell(store, session, null).at("/data/id").asLong();
        // what was stored before names were checked (or came from another writer): an emoji and an ESC p in the names
        String schema = TestStores.schema(store);
        jdbc.update(
                "update public.kassa_tenant set store_name = ?, address = ? where tenant_key = ?",
                "Кафе \u001Bp\u0019 🍕",
                "ул. Навои, 1\n\u0007",
                store);
        jdbc.update("update " + schema + ".sale_items set product_name = ? where sale_id = ?", "Пицца 🍕\u001Bp", sale);
        jdbc.update(
                "update " + schema + ".cash_registers set name = ? where id = (select cash_register_id from " + schema
                        + ".sessions where id = ?)",
                "Касса ☕🍕\u001Bp",
                session);
        Api cashier = as(store, 5, "cashier");

        for (String path : List.of(
                "/api/sales/sales/" + sale + "/receipt/?format=",
                "/api/sales/sessions/" + session + "/report/?format=")) {
            Api.Response pdf = cashier.get(path + "pdf&width=58");
            assertThat(pdf.status()).as(pdf.toString()).isEqualTo(200);
            try (PDDocument doc = Loader.loadPDF(pdf.bytes())) {
                assertThat(new PDFTextStripper().getText(doc)).contains("Кафе", "ул. Навои, 1");
            }
            Api.Response escpos = cashier.get(path + "escpos");
            assertThat(escpos.status()).as(escpos.toString()).isEqualTo(200);
            byte[] stream = escpos.bytes();
            for (int i = 0; i + 1 < stream.length; i++) {
                assertThat(stream[i] == 0x1b && stream[i + 1] == 'p')
                        .as("ESC p (the cash drawer's pulse) at byte " + i + " of " + path)
                        .isFalse();
            }
            assertThat(new String(stream, Charset.forName("cp866"))).contains("Кафе p ?");
        }
        try (PDDocument receipt = Loader.loadPDF(
                cashier.get("/api/sales/sales/" + sale + "/receipt/?format=pdf").bytes())) {
            assertThat(new PDFTextStripper().getText(receipt)).contains("Пицца");
        }
        assertThat(new String(
                        cashier.get("/api/sales/sessions/" + session + "/report/?format=escpos")
                                .bytes(),
                        Charset.forName("cp866")))
                .contains("Касса ??p");
    }

    @Test
    void theDigitalReceiptAnswersItsOwnPolicyWithAFreshNonceOnItsStyleAndLetsItsQrCodeIn() throws Exception {
        // issue 84 point 10: the page's style needed 'unsafe-inline', which the gateway replaced with its own policy
        String store = TestStores.newKey("prp");
        long session = openShift(store, 5);
        long sale = sell(store, session, null).at("/data/id").asLong();
        String link = as(store, 5, "cashier")
                .post("/api/sales/sales/" + sale + "/receipt-link/", json())
                .text("/url");
        Api anyone = new Api("http://localhost:" + port);
        Api.Response first = anyone.get(link.substring(link.indexOf("/r/")));
        Api.Response second = anyone.get(link.substring(link.indexOf("/r/")) + "?width=58");
        String nonce = PublicPages.nonce(first);
        assertThat(PublicPages.nonce(second))
                .as("a fresh nonce for every answer")
                .isNotEqualTo(nonce);
        assertThat(first.header("Content-Security-Policy"))
                .as("its QR code is an inline image, and nothing loads from anywhere")
                .contains("img-src data:")
                .doesNotContain("://", "'self'", "*");
        assertThat(qr(png(first.raw()))).isEqualTo(link);
        assertThat(first.raw()).doesNotContain("<script", "<link");
        assertThat(first.header("Cache-Control")).contains("no-store");
    }

    /** The PNG of the page's QR code. */
    private static BufferedImage png(String page) throws Exception {
        Matcher m = Pattern.compile("src=\"data:image/png;base64,([^\"]+)\"").matcher(page);
        assertThat(m.find()).as("an inline PNG in " + page).isTrue();
        // as a browser reads the attribute: the template escapes = as &#x3D;
        String base64 = m.group(1).replace("&#x3D;", "=");
        return ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(base64)));
    }

    /** What a phone reads from the image's QR code. */
    private static String qr(BufferedImage image) throws Exception {
        return new QRCodeReader()
                .decode(
                        new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))),
                        Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE))
                .getText();
    }
}
