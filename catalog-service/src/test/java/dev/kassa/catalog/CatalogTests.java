package dev.kassa.catalog;

import dev.kassa.platform.events.Topics;
import dev.kassa.platform.tenancy.TenantProvisioner;
import dev.kassa.platform.test.Api;
import dev.kassa.platform.test.EventSamples;
import dev.kassa.platform.test.KassaIntegrationTest;
import dev.kassa.platform.test.SeedExamples;
import dev.kassa.platform.test.TestKafka;
import dev.kassa.platform.test.TestStores;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.kassa.platform.test.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@KassaIntegrationTest
class CatalogTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    TenantProvisioner provisioner;

    Api as(String store, String role) {
        return Api.member(port, store, 7, role, role);
    }

    /** A new product with its price and the quantity of its first batch; answers its id. */
    static long stocked(Api owner, String name, int price, int quantity) {
        Api.Response created = owner.post(
                "/api/products/products/", json("name", name, "sale_price", price, "initial_quantity", quantity));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.at("/id").asLong();
    }

    @Test
    void theApiDocumentsProductIsCreatedWithItsOwnSkuAndBarcode() {
        String store = TestStores.newKey("cat");
        Api.Response r = as(store, "owner").post("/api/products/products/", SeedExamples.product());
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        assertThat(r.text("/sku")).isEqualTo("IPHONE-14-PRO");
        assertThat(r.text("/barcode")).isEqualTo("1234567890123");
        assertThat(r.text("/unit_short")).isEqualTo("шт");
        assertThat(r.text("/sale_price")).isEqualTo("75000.00");
        assertThat(r.text("/pricing/tax_rate")).isEqualTo("12.00");
        assertThat(r.text("/pricing/margin")).isEqualTo("50.00");
        assertThat(r.text("/stock_status")).isEqualTo("out_of_stock");

        Api.Response duplicate = as(store, "owner").post("/api/products/products/", SeedExamples.product());
        assertThat(duplicate.status()).isEqualTo(400);
        assertThat(duplicate.at("/errors/sku").isArray()).isTrue();
        assertThat(duplicate.text("/errors/barcode/0")).isEqualTo("Штрих-код уже используется другим товаром");

        Api.Response list = as(store, "cashier").get("/api/products/products/?search=iphone");
        assertThat(list.at("/count").asInt()).isEqualTo(1);
        assertThat(list.text("/results/0/name")).isEqualTo("iPhone 14 Pro");
        assertThat(as(store, "cashier")
                        .get("/api/products/products/?search=1234567890123")
                        .at("/count")
                        .asInt())
                .isEqualTo(1);
    }

    @Test
    void generatedCodesAreValidAndTheFirstBatchHoldsTheInitialQuantity() {
        String store = TestStores.newKey("cat");
        Api.Response r = as(store, "stockkeeper")
                .post(
                        "/api/products/products",
                        json(
                                "name",
                                "Кока-Кола 1.5л",
                                "cost_price",
                                "8000",
                                "sale_price",
                                "12000",
                                "unit",
                                "1",
                                "category",
                                "2",
                                "initial_quantity",
                                "100",
                                "min_quantity",
                                10));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        String barcode = r.text("/barcode");
        assertThat(barcode).matches("487\\d{10}");
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += (barcode.charAt(i) - '0') * (i % 2 == 0 ? 1 : 3);
        }
        assertThat((10 - sum % 10) % 10).isEqualTo(barcode.charAt(12) - '0');
        assertThat(r.text("/sku")).startsWith("KOKA_KOLA_1_5L_");
        assertThat(r.text("/category_name")).isEqualTo("Напитки");
        assertThat(r.text("/quantity")).isEqualTo("100.000");
        assertThat(r.text("/stock_status")).isEqualTo("in_stock");
        assertThat(r.at("/batches").size()).isEqualTo(1);
        assertThat(r.text("/batches/0/purchase_price")).isEqualTo("8000.00");
        Api.Response detail = as(store, "cashier").get("/api/products/products/" + r.text("/id") + "/");
        assertThat(detail.text("/inventory/available_quantity")).isEqualTo("100.000");
    }

    @Test
    void lowStockListsTrackedProductsAboveZeroAndAtMostTheirMinimum() {
        String store = TestStores.newKey("cat");
        Api owner = as(store, "owner");
        owner.post(
                "/api/products/products/",
                json("name", "Low", "sale_price", 1, "initial_quantity", 3, "min_quantity", 5));
        owner.post(
                "/api/products/products/",
                json("name", "Plenty", "sale_price", 1, "initial_quantity", 50, "min_quantity", 5));
        owner.post("/api/products/products/", json("name", "None", "sale_price", 1, "min_quantity", 5));
        owner.post("/api/products/products/", json("name", "Untracked", "sale_price", 1, "track_inventory", false));
        // erp-v2-api.md 2.3
        Api.Response low = as(store, "cashier").get("/api/products/products/low-stock/");
        assertThat(low.status()).as(low.toString()).isEqualTo(200);
        assertThat(low.at("/count").asInt()).isEqualTo(1);
        assertThat(low.text("/results/0/name")).isEqualTo("Low");
        assertThat(low.text("/results/0/stock_status")).isEqualTo("low_stock");
        assertThat(owner.get("/api/products/products/low_stock/?min_quantity=60")
                        .at("/count")
                        .asInt())
                .isEqualTo(2);
        assertThat(owner.get("/api/products/products/low-stock/?min_quantity=-1")
                        .status())
                .isEqualTo(400);
        assertThat(owner.get("/api/products/products/low-stock/?min_quantity=abc")
                        .status())
                .isEqualTo(400);
    }

    @Test
    void badInputIsRefusedPerField() {
        String store = TestStores.newKey("cat");
        Api owner = as(store, "owner");
        Api.Response r = owner.post(
                "/api/products/products/",
                json(
                        "name",
                        "",
                        "unit",
                        "parsec",
                        "category",
                        "999999",
                        "cost_price",
                        100,
                        "sale_price",
                        50,
                        "initial_quantity",
                        -1));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.at("/errors").fieldNames())
                .toIterable()
                .contains("name", "unit", "category", "sale_price", "initial_quantity");
        assertThat(owner.get("/api/products/products/987654").status()).isEqualTo(404);
        assertThat(owner.get("/api/products/products/").at("/count").asInt()).isZero();
    }

    @Test
    void everyNewStoreHasTheDefaultUnitsAndCategories() {
        String store = TestStores.newKey("cat");
        Api.Response categories = as(store, "cashier").get("/api/products/categories/?page_size=100");
        assertThat(categories.at("/count").asInt()).isEqualTo(16);
        Api.Response created = as(store, "manager").post("/api/products/categories/", json("name", "Сухофрукты"));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.text("/slug")).isEqualTo("sukhofrukty");
        assertThat(as(store, "manager")
                        .post("/api/products/categories/", json("name", "x", "parent", 999999))
                        .at("/errors/parent")
                        .isArray())
                .isTrue();
    }

    @Test
    void twoTillsNeverReserveTheSameLastUnit() throws Exception {
        String store = TestStores.newKey("cat");
        Api owner = as(store, "owner");
        long product = stocked(owner, "Last units", 100, 5);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Callable<Api.Response>> tills = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            tills.add(() -> as(store, "cashier")
                    .asService()
                    .post(
                            "/internal/reservations",
                            json("request_ref", UUID.randomUUID().toString(), "product_id", product, "quantity", 1)));
        }
        List<Api.Response> results = new ArrayList<>();
        for (Future<Api.Response> f : pool.invokeAll(tills)) {
            results.add(f.get());
        }
        pool.shutdown();
        assertThat(results.stream().filter(r -> r.status() == 200)).hasSize(5);
        assertThat(results.stream().filter(r -> r.status() == 400)).allSatisfy(r -> {
            assertThat(r.text("/code")).isEqualTo("insufficient_stock");
            assertThat(r.text("/available")).isEqualTo("0.000");
            assertThat(r.text("/requested")).isEqualTo("1.000");
        });
        assertThat(results.stream().filter(r -> r.status() == 400)).hasSize(7);
    }

    @Test
    void salesSentWholeAreHeldAllOrNoneAndEightOfThemForFourUnitsSellExactlyFour() throws Exception {
        String store = TestStores.newKey("cat");
        Api owner = as(store, "owner");
        long scarce = stocked(owner, "Last units", 100, 4);
        long plenty = stocked(owner, "Bread", 50, 100);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Callable<Api.Response>> tills = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            // half the tills list the scarce product first: the products are still locked in one order
            List<Object> lines = new ArrayList<>(List.of(
                    json("request_ref", UUID.randomUUID().toString(), "product_id", plenty, "quantity", 2),
                    json("request_ref", UUID.randomUUID().toString(), "product_id", scarce, "quantity", 1)));
            if (i % 2 == 0) {
                Collections.reverse(lines);
            }
            tills.add(
                    () -> as(store, "cashier").asService().post("/internal/reservations/lines", json("lines", lines)));
        }
        List<Api.Response> results = new ArrayList<>();
        for (Future<Api.Response> f : pool.invokeAll(tills)) {
            results.add(f.get());
        }
        pool.shutdown();
        assertThat(results.stream().filter(r -> r.status() == 200)).hasSize(4).allSatisfy(r -> {
            assertThat(r.at("/holds").size()).isEqualTo(2);
            assertThat(r.at("/holds/0/allocations/0/quantity").asText())
                    .isEqualTo(r.at("/holds/0/product/id").asLong() == plenty ? "2.000" : "1.000");
        });
        assertThat(results.stream().filter(r -> r.status() == 400)).hasSize(4).allSatisfy(r -> {
            assertThat(r.text("/code")).isEqualTo("insufficient_stock");
            assertThat(r.at("/product_id").asLong()).isEqualTo(scarce);
        });
        // a refused sale held nothing, not even its other line
        assertThat(owner.get("/api/products/products/" + scarce).text("/inventory/reserved_quantity"))
                .isEqualTo("4.000");
        assertThat(owner.get("/api/products/products/" + plenty).text("/inventory/reserved_quantity"))
                .isEqualTo("8.000");

        // the same lines again answer the same holds; nothing more is held
        Api.Response held =
                results.stream().filter(r -> r.status() == 200).findFirst().orElseThrow();
        List<Object> again = new ArrayList<>();
        held.at("/holds")
                .forEach(h -> again.add(json(
                        "request_ref",
                        h.path("request_ref").asText(),
                        "product_id",
                        h.at("/product/id").asLong(),
                        "quantity",
                        h.at("/allocations/0/quantity").asText())));
        Api.Response repeated =
                as(store, "cashier").asService().post("/internal/reservations/lines", json("lines", again));
        assertThat(repeated.status()).as(repeated.toString()).isEqualTo(200);
        assertThat(repeated.at("/holds")).isEqualTo(held.at("/holds"));
        assertThat(owner.get("/api/products/products/" + plenty).text("/inventory/reserved_quantity"))
                .isEqualTo("8.000");

        // bad calls: no lines, a reference twice, a line without a quantity, a role that may not sell, no service token
        Api service = as(store, "cashier").asService();
        assertThat(service.post("/internal/reservations/lines", json("lines", List.of()))
                        .text("/code"))
                .isEqualTo("invalid");
        String ref = UUID.randomUUID().toString();
        Api.Response twice = service.post(
                "/internal/reservations/lines",
                json(
                        "lines",
                        List.of(
                                json("request_ref", ref, "product_id", plenty, "quantity", 1),
                                json("request_ref", ref, "product_id", scarce, "quantity", 1))));
        assertThat(twice.status()).isEqualTo(400);
        assertThat(twice.at("/errors/lines.1.request_ref").isArray()).isTrue();
        Api.Response noQuantity = service.post(
                "/internal/reservations/lines",
                json("lines", List.of(json("request_ref", UUID.randomUUID().toString(), "product_id", plenty))));
        assertThat(noQuantity.status()).isEqualTo(400);
        assertThat(noQuantity.at("/errors/lines.0.quantity").isArray())
                .as(noQuantity.toString())
                .isTrue();
        // a release that overtook one line's hold refuses the whole sale: its other line holds nothing either
        String overtaken = UUID.randomUUID().toString();
        assertThat(service.post("/internal/reservations/release", json("request_refs", List.of(overtaken)))
                        .status())
                .isEqualTo(200);
        Api.Response released = service.post(
                "/internal/reservations/lines",
                json(
                        "lines",
                        List.of(
                                json("request_ref", UUID.randomUUID().toString(), "product_id", plenty, "quantity", 1),
                                json("request_ref", overtaken, "product_id", plenty, "quantity", 1))));
        assertThat(released.status()).as(released.toString()).isEqualTo(409);
        assertThat(released.text("/code")).isEqualTo("hold_released");
        Api.Response byCode = service.post(
                "/internal/reservations/lines",
                json(
                        "lines",
                        List.of(json(
                                "request_ref",
                                UUID.randomUUID().toString(),
                                "barcode",
                                "4870000000011",
                                "quantity",
                                1))));
        assertThat(byCode.at("/errors/lines.0.product_id").isArray())
                .as(byCode.toString())
                .isTrue();
        Api.Response unknown = service.post(
                "/internal/reservations/lines",
                json(
                        "lines",
                        List.of(
                                json("request_ref", UUID.randomUUID().toString(), "product_id", plenty, "quantity", 1),
                                json(
                                        "request_ref",
                                        UUID.randomUUID().toString(),
                                        "product_id",
                                        999999,
                                        "quantity",
                                        1))));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.text("/code")).isEqualTo("product_not_found");
        Object one = json(
                "lines",
                List.of(json("request_ref", UUID.randomUUID().toString(), "product_id", plenty, "quantity", 1)));
        assertThat(as(store, "stockkeeper")
                        .asService()
                        .post("/internal/reservations/lines", one)
                        .text("/code"))
                .isEqualTo("permission_denied");
        assertThat(as(store, "cashier")
                        .post("/internal/reservations/lines", one)
                        .text("/code"))
                .isEqualTo("internal_only");
        assertThat(as(TestStores.newKey("cat"), "cashier")
                        .in(store)
                        .asService()
                        .post("/internal/reservations/lines", one)
                        .text("/code"))
                .isEqualTo("not_a_member");
        assertThat(owner.get("/api/products/products/" + plenty).text("/inventory/reserved_quantity"))
                .isEqualTo("8.000");
    }

    @Test
    void fefoSkipsExpiredBatchesSplitsAcrossBatchesAndIsIdempotent() {
        String store = TestStores.newKey("cat");
        Api owner = as(store, "owner");
        long product = owner.post("/api/products/products/", json("name", "Milk", "cost_price", 5, "sale_price", 10))
                .at("/id")
                .asLong();
        String schema = TestStores.schema(store);
        jdbc.update(
                "insert into " + schema
                        + ".batches (product_id, batch_number, barcode, quantity, purchase_price, expiry_date) values "
                        + "(?, 'EXPIRED', 'B1', 10, 4, current_date - 1), (?, 'LATER', 'B2', 10, 6, current_date + 30), "
                        + "(?, 'SOON', 'B3', 2, 5, current_date + 2), (?, 'NOEXP', 'B4', 10, 7, null)",
                product,
                product,
                product,
                product);
        String ref = UUID.randomUUID().toString();
        Api.Response r = as(store, "cashier")
                .asService()
                .post("/internal/reservations", json("request_ref", ref, "product_id", product, "quantity", "5"));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.text("/allocations/0/batch_number")).isEqualTo("SOON");
        assertThat(r.text("/allocations/0/quantity")).isEqualTo("2.000");
        assertThat(r.text("/allocations/1/batch_number")).isEqualTo("LATER");
        assertThat(r.text("/allocations/1/quantity")).isEqualTo("3.000");
        assertThat(r.text("/product/sale_price")).isEqualTo("10.00");
        Api.Response again = as(store, "cashier")
                .asService()
                .post("/internal/reservations", json("request_ref", ref, "product_id", product, "quantity", "5"));
        assertThat(again.at("/allocations")).isEqualTo(r.at("/allocations"));
        Api.Response tooMuch = hold(store, product, 18);
        assertThat(tooMuch.text("/code")).isEqualTo("insufficient_stock");
        assertThat(tooMuch.text("/available")).isEqualTo("17.000");
        assertThat(as(store, "cashier")
                        .asService()
                        .post("/internal/reservations", json("request_ref", "x", "product_id", product, "quantity", 0))
                        .text("/code"))
                .isEqualTo("invalid");
        assertThat(as(store, "stockkeeper")
                        .asService()
                        .post("/internal/reservations", json("request_ref", "y", "product_id", product, "quantity", 1))
                        .text("/code"))
                .isEqualTo("permission_denied");
    }

    /** A till's hold of {@code quantity} of the product, as sales asks catalog for it (a new request each time). */
    Api.Response hold(String store, long product, Object quantity) {
        return as(store, "cashier")
                .asService()
                .post(
                        "/internal/reservations",
                        json("request_ref", UUID.randomUUID().toString(), "product_id", product, "quantity", quantity));
    }

    @Test
    void aBatchIsExpiredByTheStoresDateNotTheDatabasesClock() {
        // a store whose date is not the database's (UTC) today: a day ahead in the afternoon, a day behind in the
        // morning
        ZoneId zone = ZoneId.of(
                java.time.OffsetDateTime.now(ZoneOffset.UTC).getHour() >= 11 ? "Pacific/Kiritimati" : "Etc/GMT+12");
        String store = TestStores.newKey("cat");
        provisioner.provision(store, zone.getId());
        LocalDate today = LocalDate.now(zone);
        Api owner = as(store, "owner");
        long product = owner.post("/api/products/products/", json("name", "Kefir", "cost_price", 5, "sale_price", 10))
                .at("/id")
                .asLong();
        jdbc.update(
                "insert into " + TestStores.schema(store)
                        + ".batches (product_id, batch_number, barcode, quantity, purchase_price, expiry_date) values "
                        + "(?, 'YESTERDAY', 'K1', 10, 4, ?), (?, 'TODAY', 'K2', 2, 5, ?), (?, 'LATER', 'K3', 10, 6, ?)",
                product,
                today.minusDays(1),
                product,
                today,
                product,
                today.plusDays(30));
        Api.Response held = hold(store, product, "5");
        assertThat(held.status()).as(held.toString()).isEqualTo(200);
        assertThat(held.text("/allocations/0/batch_number"))
                .as("the batch that expires today in the store is still sold, first")
                .isEqualTo("TODAY");
        assertThat(held.text("/allocations/1/batch_number")).isEqualTo("LATER");
        assertThat(held.at("/allocations").size())
                .as("nothing from yesterday's batch")
                .isEqualTo(2);
        Api.Response tooMuch = hold(store, product, 18);
        assertThat(tooMuch.text("/code")).isEqualTo("insufficient_stock");
        assertThat(tooMuch.text("/available")).as("12 fresh, 5 held").isEqualTo("7.000");
        assertThat(owner.get("/api/products/products/low-stock/?min_quantity=7")
                        .body()
                        .toString())
                .as("available 7 by the store's date")
                .contains("\"id\":" + product);
        assertThat(owner.get("/api/products/products/low-stock/?min_quantity=6")
                        .body()
                        .toString())
                .doesNotContain("\"id\":" + product);
        Api.Response outOfStock = owner.get("/api/products/products/?stock_status=out_of_stock");
        assertThat(outOfStock.status()).isEqualTo(200);
        assertThat(outOfStock.body().toString()).doesNotContain("\"id\":" + product);
    }

    @Test
    void stockHoldsAreOnlyForKassasOwnServicesNeverForATillsToken() {
        String store = TestStores.newKey("cat");
        long product = as(store, "owner")
                .post("/api/products/products/", json("name", "Rice", "sale_price", 9000, "initial_quantity", 10))
                .at("/id")
                .asLong();
        Object hold = json("request_ref", UUID.randomUUID().toString(), "product_id", product, "quantity", 10);
        // a cashier's own token (password or PIN login) sent straight to catalog's port
        Api.Response own = as(store, "cashier").post("/internal/reservations", hold);
        assertThat(own.status()).as(own.toString()).isEqualTo(403);
        assertThat(own.text("/code")).isEqualTo("internal_only");
        assertThat(as(store, "cashier")
                        .post("/internal/reservations/release", json("request_refs", List.of("x")))
                        .text("/code"))
                .isEqualTo("internal_only");
        assertThat(as(store, "cashier")
                        .header("X-Kassa-Service-Token", "eyJhbGciOiJub25lIn0.eyJzY29wZSI6ImludGVybmFsIn0.")
                        .post("/internal/reservations", hold)
                        .text("/code"))
                .isEqualTo("internal_only");
        assertThat(new Api("http://localhost:" + port)
                        .post("/internal/reservations", hold)
                        .text("/code"))
                .isEqualTo("internal_only");
        // nothing was held: the whole stock is still for sale
        assertThat(as(store, "owner").get("/api/products/products/" + product).text("/inventory/reserved_quantity"))
                .isEqualTo("0.000");
        // a service call still carries the user's token and store: another store's cashier is refused
        assertThat(as(TestStores.newKey("cat"), "cashier")
                        .in(store)
                        .asService()
                        .post("/internal/reservations", hold)
                        .text("/code"))
                .isEqualTo("not_a_member");
    }

    @Test
    void aReleaseThatOvertakesItsHoldCancelsTheHoldInsteadOfOrphaningIt() {
        String store = TestStores.newKey("cat");
        Api owner = as(store, "owner");
        long product = stocked(owner, "Tea", 9000, 10);
        Api till = as(store, "cashier").asService();
        // the till gave up on a slow hold and released it before catalog ever saw the hold
        String late = UUID.randomUUID().toString();
        assertThat(till.post("/internal/reservations/release", json("request_refs", List.of(late)))
                        .status())
                .isEqualTo(200);
        Api.Response overtaken =
                till.post("/internal/reservations", json("request_ref", late, "product_id", product, "quantity", 4));
        assertThat(overtaken.status()).as(overtaken.toString()).isEqualTo(409);
        assertThat(overtaken.text("/code")).isEqualTo("hold_released");
        // a hold released after it was made is cancelled, and the same reference cannot hold again
        String ref = UUID.randomUUID().toString();
        assertThat(till.post("/internal/reservations", json("request_ref", ref, "product_id", product, "quantity", 4))
                        .status())
                .isEqualTo(200);
        assertThat(owner.get("/api/products/products/" + product).text("/inventory/reserved_quantity"))
                .isEqualTo("4.000");
        assertThat(till.post("/internal/reservations/release", json("request_refs", List.of(ref)))
                        .status())
                .isEqualTo(200);
        assertThat(owner.get("/api/products/products/" + product).text("/inventory/reserved_quantity"))
                .isEqualTo("0.000");
        assertThat(till.post("/internal/reservations", json("request_ref", ref, "product_id", product, "quantity", 4))
                        .text("/code"))
                .isEqualTo("hold_released");
        assertThat(owner.get("/api/products/products/" + product).text("/inventory/reserved_quantity"))
                .isEqualTo("0.000");
    }

    @Test
    void holdsThatSalesCouldNotReleaseByCallingAreReleasedByItsEvent() throws Exception {
        String store = TestStores.newKey("cat");
        Api owner = as(store, "owner");
        long product = stocked(owner, "Salt", 2000, 10);
        String ref = UUID.randomUUID().toString();
        assertThat(as(store, "cashier")
                        .asService()
                        .post("/internal/reservations", json("request_ref", ref, "product_id", product, "quantity", 3))
                        .status())
                .isEqualTo(200);
        assertThat(owner.get("/api/products/products/" + product).text("/inventory/reserved_quantity"))
                .isEqualTo("3.000");
        EventSamples.Sample released = EventSamples.of("HoldsReleased");
        released.assertConsumedBy("catalog-service");
        kafka.send(Topics.SALES, store, released.message(store, e -> e.set("/request_refs", List.of(ref))))
                .get();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                        owner.get("/api/products/products/" + product).text("/inventory/reserved_quantity"))
                .isEqualTo("0.000"));
    }

    @Test
    void aCompletedSaleBecomesStockMovementsExactlyOnce() throws Exception {
        String store = TestStores.newKey("cat");
        Api owner = as(store, "owner");
        long product = stocked(owner, "Bread", 3000, 10);
        String ref = UUID.randomUUID().toString();
        assertThat(as(store, "cashier")
                        .asService()
                        .post("/internal/reservations", json("request_ref", ref, "product_id", product, "quantity", 4))
                        .status())
                .isEqualTo(200);
        EventSamples.Sample completed = EventSamples.of("SaleCompleted");
        completed.assertConsumedBy("catalog-service");
        String message = completed.message(store, e -> e.set("/sale_id", "42")
                .set("/receipt_number", "MAIN-20260101-0001")
                .set("/lines/0/product_id", product)
                .set("/lines/0/quantity", "4.000")
                .set("/lines/0/reservation_ref", ref));
        kafka.send(Topics.SALES, store, message).get();
        kafka.send(Topics.SALES, store, message).get();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                        owner.get("/api/products/products/" + product).text("/quantity"))
                .isEqualTo("6.000"));
        String schema = TestStores.schema(store);
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(
                        jdbc.queryForObject(
                                "select sum(quantity) from " + schema + ".stock_movements where product_id = ?",
                                BigDecimal.class,
                                product))
                .isEqualByComparingTo("6"));
        assertThat(owner.get("/api/products/products/" + product).text("/inventory/reserved_quantity"))
                .isEqualTo("0.000");

        // a refund of 3 puts them back into the batch they were sold from, once
        long batch = owner.get("/api/products/products/" + product)
                .at("/batches/0/id")
                .asLong();
        EventSamples.Sample refunded = EventSamples.of("SaleRefunded");
        refunded.assertConsumedBy("catalog-service");
        String refundMessage = refunded.message(store, e -> e.set("/sale_id", "42")
                .set("/refund_id", "7")
                .set("/receipt_number", "MAIN-20260101-0001")
                .set("/lines/0/product_id", product)
                .set("/lines/0/batch_id", batch)
                .set("/lines/0/quantity", "3.000")
                .set("/lines/0/amount", "9000.00")
                .set("/lines/0/reservation_ref", ref));
        kafka.send(Topics.SALES, store, refundMessage).get();
        kafka.send(Topics.SALES, store, refundMessage).get();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                        owner.get("/api/products/products/" + product).text("/quantity"))
                .isEqualTo("9.000"));
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(
                        owner.get("/api/products/products/" + product).text("/quantity"))
                .isEqualTo("9.000"));
    }

    @Test
    void anOfflineSaleBeyondTheStockHoldsTheRestWithoutABatchAndNeverTakesATillsHeldUnits() throws Exception {
        String store = TestStores.newKey("cat");
        Api owner = as(store, "owner");
        long product = stocked(owner, "Kefir", 8000, 3);
        Api till = as(store, "cashier").asService();
        // another till holds one of the three
        assertThat(till.post(
                                "/internal/reservations",
                                json("request_ref", UUID.randomUUID().toString(), "product_id", product, "quantity", 1))
                        .status())
                .isEqualTo(200);
        String ref = UUID.randomUUID().toString();
        Api.Response online =
                till.post("/internal/reservations", json("request_ref", ref, "product_id", product, "quantity", 5));
        assertThat(online.text("/code")).isEqualTo("insufficient_stock");
        // an offline till sold five: the two that are free come from the batch, three without one
        String offlineRef = UUID.randomUUID().toString();
        Map<String, Object> offline =
                json("request_ref", offlineRef, "product_id", product, "quantity", 5, "allow_short", true);
        Api.Response held = till.post("/internal/reservations", offline);
        assertThat(held.status()).as(held.toString()).isEqualTo(200);
        assertThat(held.text("/shortfall")).isEqualTo("3.000");
        assertThat(held.at("/allocations").findValuesAsText("quantity")).containsExactly("2.000", "3.000");
        assertThat(held.at("/allocations/1/batch_id").isNull()).isTrue();
        assertThat(till.post("/internal/reservations", offline).text("/shortfall"))
                .as("repeated, the same answer")
                .isEqualTo("3.000");
        // a till's ordinary hold reports nothing short
        assertThat(till.post(
                                "/internal/reservations",
                                json(
                                        "request_ref",
                                        UUID.randomUUID().toString(),
                                        "product_id",
                                        stocked(owner, "Tea", 1000, 2),
                                        "quantity",
                                        1))
                        .text("/shortfall"))
                .isEqualTo("0.000");

        EventSamples.Sample completed = EventSamples.of("SaleCompleted");
        kafka.send(Topics.SALES, store, completed.message(store, e -> e.set("/sale_id", "43")
                        .set("/receipt_number", "MAIN-20260101-0002")
                        .set("/lines/0/product_id", product)
                        .set("/lines/0/quantity", "5.000")
                        .set("/lines/0/reservation_ref", offlineRef)))
                .get();
        // the batch gave the two it had free; the till's held unit is still there, and nothing went below zero
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                        owner.get("/api/products/products/" + product).text("/quantity"))
                .isEqualTo("1.000"));
        assertThat(owner.get("/api/products/products/" + product).text("/inventory/reserved_quantity"))
                .isEqualTo("1.000");
    }

    @Test
    void aSaleOfSeveralLinesTakesEachBatchOnceAndClampsOneThatWasCountedDownMeanwhile() throws Exception {
        String store = TestStores.newKey("cat");
        Api owner = as(store, "owner");
        long bread = stocked(owner, "Bread", 3000, 10);
        long salt = stocked(owner, "Salt", 2000, 5);
        List<String> refs = List.of(
                UUID.randomUUID().toString(),
                UUID.randomUUID().toString(),
                UUID.randomUUID().toString());
        long[] products = {bread, salt, bread};
        String[] quantities = {"4.000", "2.000", "3.000"};
        for (int i = 0; i < 3; i++) {
            assertThat(as(store, "cashier")
                            .asService()
                            .post(
                                    "/internal/reservations",
                                    json(
                                            "request_ref",
                                            refs.get(i),
                                            "product_id",
                                            products[i],
                                            "quantity",
                                            quantities[i]))
                            .status())
                    .isEqualTo(200);
        }
        // a stock count found only one salt while the sale was open: it sold two, so its batch ends at zero
        String schema = TestStores.schema(store);
        jdbc.update("update " + schema + ".batches set quantity = 1 where product_id = ?", salt);
        EventSamples.Sample completed = EventSamples.of("SaleCompleted");
        String message = completed.message(store, e -> {
            e.addElement("/lines")
                    .addElement("/lines")
                    .set("/sale_id", "43")
                    .set("/receipt_number", "MAIN-20260101-0002");
            for (int i = 0; i < 3; i++) {
                e.set("/lines/" + i + "/product_id", products[i])
                        .set("/lines/" + i + "/quantity", quantities[i])
                        .set("/lines/" + i + "/reservation_ref", refs.get(i));
            }
        });
        Map<String, String> stockChanges = new java.util.concurrent.ConcurrentHashMap<>();
        try (KafkaConsumer<String, String> consumer = TestKafka.consumer()) {
            consumer.subscribe(List.of(Topics.CATALOG));
            kafka.send(Topics.SALES, store, message).get();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                TestKafka.poll(consumer, store).forEach(e -> {
                    if (e.path("type").asText().equals("StockChanged")
                            && e.at("/payload/reference").asText().equals("MAIN-20260101-0002")) {
                        stockChanges.put(
                                e.at("/payload/product_id").asText(),
                                e.at("/payload/change").asText() + " → "
                                        + e.at("/payload/on_hand").asText());
                    }
                });
                // what left each product: all seven loaves, and the one salt the batch still had (not the two sold)
                assertThat(stockChanges)
                        .containsEntry(String.valueOf(bread), "-7.000 → 3.000")
                        .containsEntry(String.valueOf(salt), "-1.000 → 0.000");
            });
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(owner.get("/api/products/products/" + bread).text("/quantity"))
                    .isEqualTo("3.000");
            assertThat(owner.get("/api/products/products/" + salt).text("/quantity"))
                    .isEqualTo("0.000");
        });
        assertThat(jdbc.queryForList("select product_id, quantity from " + schema
                        + ".stock_movements where reference = 'MAIN-20260101-0002' order by id"))
                .extracting(r -> ((Number) r.get("product_id")).longValue() + ":"
                        + ((BigDecimal) r.get("quantity")).stripTrailingZeros().toPlainString())
                .containsExactly(bread + ":-4", salt + ":-2", bread + ":-3");
        assertThat(jdbc.queryForObject(
                        "select count(*) from " + schema
                                + ".reservations where request_ref in (?, ?, ?) and status = 'completed' "
                                + "and sale_ref = '43'",
                        Long.class,
                        refs.get(0),
                        refs.get(1),
                        refs.get(2)))
                .isEqualTo(3);
        assertThat(owner.get("/api/products/products/" + bread).text("/inventory/reserved_quantity"))
                .isEqualTo("0.000");
    }
}
