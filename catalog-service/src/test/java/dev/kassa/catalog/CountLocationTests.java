package dev.kassa.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kassa.platform.test.Api;
import dev.kassa.platform.test.KassaIntegrationTest;
import dev.kassa.platform.test.TestStores;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static dev.kassa.platform.test.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 86 point 1, counts by location: a stock-take of the back room expects only what lies there, and its apply takes
 * a shortfall from the batches there (earliest expiry first) and puts a surplus there, the sales floor's stock
 * untouched; its ledger movements, its list and its sheet say where; a count of the whole store counts every location
 * as before; an unknown or switched-off location and a cashier are refused, nothing opened.
 */
@KassaIntegrationTest
class CountLocationTests {

    @LocalServerPort
    int port;

    Api as(String store, long user, String role) {
        return Api.member(port, store, user, "user" + user, role);
    }

    static BigDecimal number(JsonNode node) {
        return new BigDecimal(node.asText());
    }

    /** A store's milk: 1000 on the sales floor (the default location), 14 and 9 (expiring sooner) in the back room. */
    record Shop(Api owner, long main, long back, long milk, long later, long sooner) {}

    Shop shop(String store) {
        Api owner = as(store, 1, "owner");
        long main = owner.get("/api/products/locations/").at("/results/0/id").asLong();
        long back = LocationTests.id(
                owner.post("/api/products/locations/", json("code", "BACK", "name", "Подсобка", "type", "back_room")));
        long milk = StockCountTests.product(owner, "Молоко", null, null, 1000, 50);
        long later = LocationStockTests.receive(owner, milk, 14, LocalDate.now().plusDays(10), back);
        long sooner = LocationStockTests.receive(owner, milk, 9, LocalDate.now().plusDays(3), back);
        return new Shop(owner, main, back, milk, later, sooner);
    }

    BigDecimal lying(Api api, long location) {
        return number(api.get("/api/products/locations/" + location + "/").at("/stock_quantity"));
    }

    @Test
    void aCountOfTheBackRoomExpectsWhatLiesThereAndChangesTheStockThereOnly() throws IOException {
        String store = TestStores.newKey("cloc");
        Shop shop = shop(store);
        Api owner = shop.owner();
        long bread = StockCountTests.product(owner, "Хлеб", null, null, 6, 30);
        assertThat(lying(owner, shop.back())).isEqualByComparingTo("23");
        assertThat(lying(owner, shop.main())).isEqualByComparingTo("1006");

        Api.Response opened = as(store, 2, "stockkeeper")
                .post(
                        "/api/products/counts/",
                        json("name", "Подсобка", "products", List.of(shop.milk(), bread), "location", shop.back()));
        long count = StockCountTests.id(opened);
        assertThat(opened.at("/location").asLong()).isEqualTo(shop.back());
        assertThat(opened.text("/location_code")).isEqualTo("BACK");
        assertThat(StockCountTests.item(owner, count, shop.milk())
                        .path("expected")
                        .asText())
                .as("what lies in the back room, not the store's 1023")
                .isEqualTo("23.000");
        assertThat(StockCountTests.item(owner, count, bread).path("expected").asText())
                .as("no bread lies there")
                .isEqualTo("0.000");
        String sheet = text(owner.get("/api/products/counts/" + count + "/sheet"));
        assertThat(sheet).contains("Место хранения: BACK", "Молоко", "23");
        assertThat(sheet).doesNotContainPattern("(?<!\\d)1023(?!\\d)").doesNotContain("MAIN");

        // 12 milk short (the 9 expiring sooner all go, then 3 of the 14), 2 bread found there
        Api.Response counted = as(store, 3, "cashier")
                .post(
                        "/api/products/counts/" + count + "/lines/",
                        json(
                                "lines",
                                List.of(
                                        json("product", shop.milk(), "counted", 11),
                                        json("product", bread, "counted", 2))));
        assertThat(counted.status()).as(counted.toString()).isEqualTo(201);
        Api.Response applied = owner.post("/api/products/counts/" + count + "/apply", null);
        assertThat(applied.status()).as(applied.toString()).isEqualTo(200);
        assertThat(applied.text("/status")).isEqualTo("applied");
        assertThat(StockCountTests.item(owner, count, shop.milk())
                        .path("applied")
                        .asText())
                .isEqualTo("-12.000");
        assertThat(StockCountTests.item(owner, count, bread).path("applied").asText())
                .isEqualTo("2.000");

        assertThat(lying(owner, shop.back())).isEqualByComparingTo("13");
        assertThat(lying(owner, shop.main()))
                .as("the sales floor is not touched")
                .isEqualByComparingTo("1006");
        assertThat(number(owner.get("/api/products/batches/" + shop.sooner() + "/")
                        .at("/quantity")))
                .isEqualByComparingTo("0");
        assertThat(number(
                        owner.get("/api/products/batches/" + shop.later() + "/").at("/quantity")))
                .isEqualByComparingTo("11");
        List<String> breadLies = new ArrayList<>();
        LocationTests.batches(owner, bread)
                .forEach(b -> breadLies.add((b.path("location").asLong() == shop.back() ? "BACK" : "MAIN") + "="
                        + number(b.path("quantity")).stripTrailingZeros().toPlainString()));
        assertThat(breadLies)
                .as("the surplus is put in the back room; the floor's bread stays as it was")
                .containsExactlyInAnyOrder("MAIN=6", "BACK=2");
        assertThat(number(
                        owner.get("/api/products/products/" + shop.milk() + "/").at("/quantity")))
                .isEqualByComparingTo("1011");

        Api.Response ledger = owner.get("/api/products/stock-movements/?reason=count&location=" + shop.back());
        assertThat(ledger.at("/count").asInt()).as(ledger.toString()).isEqualTo(3);
        ledger.at("/results").forEach(m -> {
            assertThat(m.path("location").asLong()).isEqualTo(shop.back());
            assertThat(m.path("reference").asText()).isEqualTo("COUNT-" + count);
        });
        assertThat(owner.get("/api/products/stock-movements/?reason=count&location=" + shop.main())
                        .at("/count")
                        .asInt())
                .isZero();

        Api.Response listed = owner.get("/api/products/counts/?location=" + shop.back());
        assertThat(listed.at("/count").asInt()).as(listed.toString()).isEqualTo(1);
        assertThat(listed.text("/results/0/location_code")).isEqualTo("BACK");
        assertThat(owner.get("/api/products/counts/?location=" + shop.main())
                        .at("/count")
                        .asInt())
                .isZero();
    }

    @Test
    void aCountOfTheWholeStoreCountsEveryLocationAsBefore() {
        String store = TestStores.newKey("cloc");
        Shop shop = shop(store);
        Api owner = shop.owner();
        Api.Response opened =
                owner.post("/api/products/counts/", json("name", "Весь магазин", "products", List.of(shop.milk())));
        long count = StockCountTests.id(opened);
        assertThat(opened.body().path("location").isNull()
                        || opened.body().path("location").isMissingNode())
                .as(opened.toString())
                .isTrue();
        assertThat(StockCountTests.item(owner, count, shop.milk())
                        .path("expected")
                        .asText())
                .isEqualTo("1023.000");

        owner.post("/api/products/counts/" + count + "/lines/", json("product", shop.milk(), "counted", 1020));
        assertThat(owner.post("/api/products/counts/" + count + "/apply", null).text("/status"))
                .isEqualTo("applied");
        assertThat(number(
                        owner.get("/api/products/products/" + shop.milk() + "/").at("/quantity")))
                .isEqualByComparingTo("1020");
        assertThat(number(owner.get("/api/products/batches/" + shop.sooner() + "/")
                        .at("/quantity")))
                .as("taken where a store-wide shortfall always was: the earliest expiry, wherever it lies")
                .isEqualByComparingTo("6");
        assertThat(owner.get("/api/products/counts/?location=" + shop.back())
                        .at("/count")
                        .asInt())
                .isZero();
        assertThat(owner.get("/api/products/counts/").at("/count").asInt()).isEqualTo(1);
    }

    @Test
    void anUnknownOrSwitchedOffLocationAndACashierAreRefusedAndOpenNothing() {
        String store = TestStores.newKey("cloc");
        Shop shop = shop(store);
        Api owner = shop.owner();
        long off = LocationTests.id(owner.post(
                "/api/products/locations/",
                json("code", "OLD", "name", "Старый склад", "type", "back_room", "is_active", false)));

        Api.Response unknown = owner.post("/api/products/counts/", json("name", "x", "location", 999999));
        assertThat(unknown.status()).as(unknown.toString()).isEqualTo(400);
        assertThat(unknown.at("/errors/location/0").asText()).isNotBlank();
        Api.Response switchedOff = owner.post("/api/products/counts/", json("name", "x", "location", off));
        assertThat(switchedOff.status()).as(switchedOff.toString()).isEqualTo(400);
        assertThat(switchedOff.at("/errors/location/0").asText()).isNotBlank();
        Api.Response cashier =
                as(store, 3, "cashier").post("/api/products/counts/", json("name", "x", "location", shop.back()));
        assertThat(cashier.status()).isEqualTo(403);
        assertThat(cashier.text("/code")).isEqualTo("permission_denied");
        assertThat(owner.get("/api/products/counts/").at("/count").asInt())
                .as("nothing opened by the refusals")
                .isZero();
    }

    private static String text(Api.Response pdf) throws IOException {
        assertThat(pdf.header("Content-Type")).as(pdf.toString()).startsWith("application/pdf");
        try (PDDocument doc = Loader.loadPDF(pdf.bytes())) {
            return new PDFTextStripper().getText(doc);
        }
    }
}
