package dev.kassa.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.Result;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import dev.kassa.platform.tenancy.TenantRegistry;
import dev.kassa.platform.test.Api;
import dev.kassa.platform.test.KassaIntegrationTest;
import dev.kassa.platform.test.TestStores;
import dev.kassa.platform.test.TestTokens;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static dev.kassa.platform.test.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Warehouse documents (issue 86 point 3): a goods receipt note for an order's receipt and for a batch received by hand,
 * a shipped transfer's waybill, a move note and stock-take sheets (blind or not), each a PDF with the store's details,
 * its lines and its number as a Code 128 barcode that a scan resolves back to the document, at the receiving store too;
 * unknown numbers, other stores, no token and cashiers refused.
 */
@KassaIntegrationTest
class WarehouseDocumentsTests {

    @LocalServerPort
    int port;

    @Autowired
    TenantRegistry registry;

    Api as(String store, long user, String role) {
        return Api.member(port, store, user, "user" + user, role);
    }

    static long id(Api.Response created) {
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.at("/id").asLong();
    }

    static long product(Api api, String name, String sku, int initial) {
        return id(api.post(
                "/api/products/products/",
                json("name", name, "sku", sku, "cost_price", 9000, "sale_price", 14000, "initial_quantity", initial)));
    }

    /** The store's details as its documents print them (what auth's store events would have set). */
    void named(String store, String name) {
        registry.updateProfile(
                store,
                new TenantRegistry.Profile(
                        name, "Ташкент, ул. Навои, 1", "+998711234567", "ООО «" + name + "»", "301234567"));
    }

    @Test
    void aReceiptsNoteListsWhatCameAndItsScannedNumberOpensTheOrder() throws Exception {
        String store = TestStores.newKey("doc");
        Api owner = as(store, 1, "owner");
        long supplier =
                id(owner.post("/api/products/suppliers/", json("name", "ООО Молочный край", "phone", "+998901112233")));
        named(store, "Магазин Ромашка");
        long milk = product(owner, "Молоко 1 л", "MLK-1L", 0);
        long kefir = product(owner, "Кефир 0,5 л", "KEF-05", 0);
        Api.Response draft = owner.post(
                "/api/products/purchase-orders/",
                json(
                        "supplier",
                        supplier,
                        "lines",
                        List.of(
                                json("product", milk, "quantity", 20, "cost_price", 9000),
                                json("product", kefir, "quantity", 12, "cost_price", 4500))));
        long order = id(draft);
        String url = "/api/products/purchase-orders/" + order + "/";
        assertThat(owner.post(url + "order", null).status()).isEqualTo(200);
        String expiry = LocalDate.now().plusDays(30).toString();
        Api.Response received = owner.post(
                url + "receive",
                json(
                        "lines",
                        List.of(
                                json(
                                        "line",
                                        draft.at("/lines/0/id").asLong(),
                                        "quantity",
                                        17,
                                        "batch_number",
                                        "M-77",
                                        "expiry_date",
                                        expiry),
                                json("line", draft.at("/lines/1/id").asLong(), "quantity", 12, "batch_number", "K-5")),
                        "notes",
                        "Привезли к обеду"));
        assertThat(received.status()).as(received.toString()).isEqualTo(200);
        long receipt = received.at("/receipts/0/id").asLong();
        String number = draft.text("/number") + "-R1";

        Api.Response note = owner.get(url + "receipts/" + receipt + "/pdf");
        assertThat(note.status()).as(note.toString()).isEqualTo(200);
        assertThat(note.header("Content-Type")).startsWith("application/pdf");
        assertThat(note.header("Content-Disposition")).contains(number + ".pdf");
        assertThat(text(note))
                .contains("Приходная накладная", number, "Магазин Ромашка", "ИНН 301234567", "ООО Молочный край")
                .contains("Молоко 1 л", "MLK-1L", "M-77", expiry, "MAIN", "17", "9000.00", "153000.00")
                .contains("Кефир 0,5 л", "KEF-05", "K-5", "12", "4500.00", "54000.00", "207000.00")
                .contains("Привезли к обеду");
        assertThat(scan(note)).as("the barcode carries the number").isEqualTo(number);

        Api.Response opened = owner.get("/api/products/documents/" + scan(note));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(200);
        assertThat(opened.text("/type")).isEqualTo("goods_receipt");
        assertThat(opened.at("/id").asLong()).isEqualTo(order);
        assertThat(opened.text("/number")).isEqualTo(number);
        assertThat(opened.text("/links/self")).isEqualTo("/api/products/purchase-orders/" + order);
        Api.Response english = owner.english().get(opened.text("/links/pdf"));
        assertThat(english.status()).as(english.toString()).isEqualTo(200);
        assertThat(text(english)).contains("Goods receipt note " + number, "Received by", "Молоко 1 л", "153000.00");
        assertThat(owner.get("/api/products/documents/" + number.toLowerCase(Locale.ROOT))
                        .text("/number"))
                .as("a number typed in lower case")
                .isEqualTo(number);

        // goods received by hand have a note of their own; goods of an order have their order's
        long batch = id(owner.post(
                "/api/products/batches",
                json(
                        "product",
                        kefir,
                        "quantity",
                        7,
                        "purchase_price",
                        4700,
                        "batch_number",
                        "K-9",
                        "supplier",
                        supplier)));
        Api.Response byHand = owner.get("/api/products/batches/" + batch + "/receipt-note");
        assertThat(byHand.status()).as(byHand.toString()).isEqualTo(200);
        assertThat(text(byHand)).contains("Кефир 0,5 л", "K-9", "7", "4700.00", "32900.00", "ООО Молочный край");
        String batchNumber = scan(byHand);
        assertThat(batchNumber).isEqualTo(String.format(Locale.ROOT, "GR-%06d", batch));
        Api.Response batchOpened = owner.get("/api/products/documents/" + batchNumber);
        assertThat(batchOpened.text("/type")).isEqualTo("goods_receipt");
        assertThat(batchOpened.text("/links/self")).isEqualTo("/api/products/batches/" + batch);
        long ordered = owner.get(url).at("/receipts/0/lines/0/batch").asLong();
        Api.Response none = owner.get("/api/products/batches/" + ordered + "/receipt-note");
        assertThat(none.status()).isEqualTo(404);
        assertThat(none.text("/code")).isEqualTo("document_not_found");
    }

    @Test
    void aShippedTransfersWaybillListsItsBatchesAndTheReceivingStoreOpensItByScanning() throws Exception {
        String depot = TestStores.newKey("docw");
        String shop = TestStores.newKey("docw");
        String token = TestTokens.token(1, "owner", Map.of(depot, "owner", shop, "owner"));
        Api atDepot = new Api("http://localhost:" + port).as(token).in(depot);
        Api atShop = new Api("http://localhost:" + port).as(token).in(shop);
        long kefir = product(atDepot, "Кефир 1 л", "KEF-1L", 0);
        batch(atDepot, kefir, 10, 9500, "L-2", LocalDate.now().plusDays(40));
        batch(atDepot, kefir, 5, 9000, "L-1", LocalDate.now().plusDays(10));
        product(atShop, "Кефир 1 л", "KEF-1L", 0);
        named(depot, "Склад на Чиланзаре");
        named(shop, "Магазин на Юнусабаде");

        Api.Response draft = atDepot.post(
                "/api/products/transfers/",
                json(
                        "to_store",
                        shop,
                        "notes",
                        "На выходные",
                        "lines",
                        List.of(json("product", kefir, "quantity", 8))));
        long transfer = id(draft);
        String waybillUrl = "/api/products/transfers/" + transfer + "/waybill";
        Api.Response early = atDepot.get(waybillUrl);
        assertThat(early.status()).as("a draft has no waybill yet").isEqualTo(409);
        assertThat(early.text("/code")).isEqualTo("transfer_status");
        assertThat(atDepot.post("/api/products/transfers/" + transfer + "/ship", null)
                        .status())
                .isEqualTo(200);

        Api.Response waybill = atDepot.get(waybillUrl);
        assertThat(waybill.status()).as(waybill.toString()).isEqualTo(200);
        assertThat(text(waybill))
                .contains(
                        "Накладная на перемещение", draft.text("/number"), "Склад на Чиланзаре", "Магазин на Юнусабаде")
                .contains("Кефир 1 л", "KEF-1L", "L-1", "5", "45000.00", "L-2", "3", "28500.00", "73500.00")
                .contains("На выходные", "водитель");
        String code = scan(waybill);
        assertThat(code)
                .as("its number and the shipping store's: every store numbers its own transfers")
                .isEqualTo(draft.text("/number") + "-"
                        + depot.substring(depot.lastIndexOf('_') + 1).toUpperCase(Locale.ROOT));
        assertThat(atDepot.get("/api/products/documents/" + code).at("/id").asLong())
                .isEqualTo(transfer);

        // the receiving store scans the paper that came with the goods and opens its own copy of the transfer
        JsonNode incoming = await().atMost(Duration.ofSeconds(15))
                .until(
                        () -> atShop.get("/api/products/transfers/?direction=in")
                                .at("/results/0"),
                        n -> !n.isMissingNode());
        Api.Response opened = atShop.get("/api/products/documents/" + code);
        assertThat(opened.status()).as(opened.toString()).isEqualTo(200);
        assertThat(opened.text("/type")).isEqualTo("transfer_waybill");
        assertThat(opened.at("/id").asLong()).isEqualTo(incoming.path("id").asLong());
        assertThat(opened.text("/links/self"))
                .isEqualTo("/api/products/transfers/" + incoming.path("id").asLong());
        Api.Response there = atShop.get(opened.text("/links/pdf"));
        assertThat(there.status()).as(there.toString()).isEqualTo(200);
        assertThat(text(there)).contains("Склад на Чиланзаре", "Кефир 1 л", "L-1", "L-2", "73500.00");
        assertThat(scan(there)).isEqualTo(code);
    }

    @Test
    void aMoveNoteAndStockTakeSheetsListTheirLinesAndABlindSheetLeavesOutWhatIsExpected() throws Exception {
        String store = TestStores.newKey("docm");
        Api owner = as(store, 1, "owner");
        long milk = product(owner, "Молоко 3,2%", "MLK-32", 4321);
        named(store, "Магазин Ромашка");
        long back = id(owner.post(
                "/api/products/locations/", json("code", "BACK-1", "name", "Подсобка", "type", "back_room")));
        JsonNode batch = owner.get("/api/products/batches/?product=" + milk).at("/results/0");
        Api.Response moved = owner.post(
                "/api/products/stock-moves/",
                json(
                        "lines",
                        List.of(json("batch", batch.path("id").asLong(), "quantity", 21, "to", back)),
                        "note",
                        "на полку позже"));
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        String reference = moved.text("/reference");

        Api.Response note = owner.get("/api/products/documents/" + reference + "/pdf");
        assertThat(note.status()).as(note.toString()).isEqualTo(200);
        assertThat(text(note))
                .contains("Накладная на внутреннее перемещение", reference, "Молоко 3,2%", "MLK-32")
                .contains(batch.path("batch_number").asText(), "MAIN", "BACK-1", "21", "на полку позже");
        assertThat(scan(note)).isEqualTo(reference);
        Api.Response opened = owner.get("/api/products/documents/" + reference);
        assertThat(opened.text("/type")).isEqualTo("move_note");
        assertThat(opened.at("/id").isNumber()).as("a move is its movements").isFalse();
        assertThat(opened.text("/links/pdf")).isEqualTo("/api/products/documents/" + reference + "/pdf");

        long count = id(owner.post("/api/products/counts/", json("name", "Молочная полка", "products", List.of(milk))));
        Api.Response sheet = as(store, 3, "cashier").get("/api/products/counts/" + count + "/sheet");
        assertThat(sheet.status()).as("cashiers count the floor too: " + sheet).isEqualTo(200);
        assertThat(text(sheet))
                .contains("Инвентаризационная опись", "Молочная полка", "Молоко 3,2%", "MLK-32", "BACK-1, MAIN")
                .contains("Ожидается", "4321", "Фактически");
        String countNumber = scan(sheet);
        assertThat(countNumber).isEqualTo(String.format(Locale.ROOT, "CNT-%06d", count));
        Api.Response countOpened = owner.get("/api/products/documents/" + countNumber);
        assertThat(countOpened.text("/type")).isEqualTo("count_sheet");
        assertThat(countOpened.at("/id").asLong()).isEqualTo(count);

        long blind = id(owner.post(
                "/api/products/counts/", json("name", "Слепая проверка", "products", List.of(milk), "blind", true)));
        String blindText = text(owner.get("/api/products/counts/" + blind + "/sheet"));
        assertThat(blindText).contains("Слепая проверка", "Молоко 3,2%", "MLK-32", "Слепая инвентаризация");
        assertThat(blindText).as("the counters do not see what is expected").doesNotContain("Ожидается");
        assertThat(blindText).doesNotContainPattern("(?<!\\d)4321(?!\\d)");
    }

    @Test
    void unknownNumbersOtherStoresNoTokenAndCashiersAreRefused() {
        String store = TestStores.newKey("docr");
        Api owner = as(store, 1, "owner");
        long supplier = id(owner.post("/api/products/suppliers/", json("name", "Поставщик")));
        long sugar = product(owner, "Сахар", "SUG-1", 0);
        Api.Response draft = owner.post(
                "/api/products/purchase-orders/",
                json("supplier", supplier, "lines", List.of(json("product", sugar, "quantity", 5))));
        long order = id(draft);
        String url = "/api/products/purchase-orders/" + order + "/";
        owner.post(url + "order", null);
        Api.Response received = owner.post(
                url + "receive",
                json("lines", List.of(json("line", draft.at("/lines/0/id").asLong(), "quantity", 5))));
        long receipt = received.at("/receipts/0/id").asLong();
        String number = draft.text("/number") + "-R1";
        String noteUrl = url + "receipts/" + receipt + "/pdf";
        assertThat(owner.get("/api/products/documents/" + number).status()).isEqualTo(200);

        Api.Response unknown = owner.get("/api/products/documents/PO-999999-R1");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.text("/status")).isEqualTo("error");
        assertThat(unknown.text("/code")).isEqualTo("document_not_found");
        assertThat(unknown.text("/message")).isNotBlank();
        assertThat(owner.english()
                        .get("/api/products/documents/PO-999999-R1/pdf")
                        .text("/message"))
                .contains("document");
        assertThat(owner.get("/api/products/documents/" + draft.text("/number") + "-R2")
                        .text("/code"))
                .as("the order's second receipt has not come")
                .isEqualTo("document_not_found");
        assertThat(owner.get("/api/products/documents/not-a-number").text("/code"))
                .isEqualTo("document_not_found");
        assertThat(owner.get(url + "receipts/987654/pdf").text("/code")).isEqualTo("document_not_found");
        assertThat(owner.get("/api/products/transfers/987654/waybill").text("/code"))
                .isEqualTo("transfer_not_found");
        assertThat(owner.get("/api/products/counts/987654/sheet").text("/code")).isEqualTo("count_not_found");
        assertThat(owner.get("/api/products/batches/abc/receipt-note").status())
                .as("a word is no id: 404, never a 500")
                .isEqualTo(404);

        Api other = as(TestStores.newKey("docr"), 1, "owner");
        Api.Response elsewhere = other.get("/api/products/documents/" + number);
        assertThat(elsewhere.status()).as("another store's document").isEqualTo(404);
        assertThat(elsewhere.text("/code")).isEqualTo("document_not_found");
        assertThat(other.get(noteUrl).status()).isEqualTo(404);

        Api anonymous = new Api("http://localhost:" + port).in(store);
        assertThat(anonymous.get("/api/products/documents/" + number).status()).isEqualTo(401);
        assertThat(anonymous.get("/api/products/documents/" + number + "/pdf").status())
                .isEqualTo(401);
        assertThat(anonymous.get(noteUrl).status()).isEqualTo(401);

        // a goods receipt shows what the stock cost: not a cashier's paper
        Api cashier = as(store, 3, "cashier");
        Api.Response denied = cashier.get("/api/products/documents/" + number);
        assertThat(denied.status()).isEqualTo(403);
        assertThat(denied.text("/code")).isEqualTo("permission_denied");
        assertThat(cashier.get("/api/products/documents/" + number + "/pdf").status())
                .isEqualTo(403);
        assertThat(cashier.get(noteUrl).text("/code")).isEqualTo("permission_denied");
        assertThat(as(store, 4, "stockkeeper").get(noteUrl).status()).isEqualTo(200);
    }

    private static void batch(Api store, long product, int quantity, int cost, String number, LocalDate expiry) {
        id(store.post(
                "/api/products/batches",
                json(
                        "product",
                        product,
                        "quantity",
                        quantity,
                        "purchase_price",
                        cost,
                        "batch_number",
                        number,
                        "expiry_date",
                        expiry.toString())));
    }

    /** The text of the PDF answered. */
    private static String text(Api.Response pdf) throws IOException {
        assertThat(pdf.header("Content-Type")).as(pdf.toString()).startsWith("application/pdf");
        try (PDDocument doc = Loader.loadPDF(pdf.bytes())) {
            return new PDFTextStripper().getText(doc);
        }
    }

    /** What a scanner reads on the document's first page, rendered as a 300 dpi grey image. */
    private static String scan(Api.Response pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf.bytes())) {
            BufferedImage image = new PDFRenderer(doc).renderImageWithDPI(0, 300, ImageType.GRAY);
            Result result = new MultiFormatReader()
                    .decode(
                            new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))),
                            Map.of(
                                    DecodeHintType.TRY_HARDER,
                                    true,
                                    DecodeHintType.POSSIBLE_FORMATS,
                                    List.of(BarcodeFormat.CODE_128)));
            return result.getText();
        }
    }
}
