package dev.kassa.sales;

import dev.kassa.platform.test.Api;
import dev.kassa.platform.test.EventSamples;
import dev.kassa.platform.test.KassaIntegrationTest;
import dev.kassa.platform.test.TestStores;
import dev.kassa.sales.catalog.AbandonedHolds;
import dev.kassa.sales.catalog.HoldsReleased;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.kassa.platform.test.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a till sees when the sales instance serving it dies mid-request (a pod lost with its node): the retry of a keyed request
 * runs on another instance and gives the first run's result, never a second line or a second sale; and a hold whose scan died
 * before writing its line is released by whichever instance sweeps. Catalog is {@link FakeCatalog}.
 */
@KassaIntegrationTest
class LostInstanceTests {

    static final FakeCatalog catalog = new FakeCatalog();

    @DynamicPropertySource
    static void catalog(DynamicPropertyRegistry registry) {
        registry.add("kassa.sales.catalog-url", catalog::url);
    }

    @AfterAll
    static void stop() {
        catalog.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AbandonedHolds abandoned;

    /** The first attempt's instance died after its change and before it stored the answer: it has no connection left. */
    void instanceDiedBeforeAnswering(String key) {
        assertThat(jdbc.update(
                        "update public.kassa_idempotency set status = null, body = null, owner = 'sales-service/gone' where idem_key = ?",
                        key))
                .isEqualTo(1);
    }

    /** The cashier's new shift. */
    static long openShift(Api cashier) {
        return cashier.post("/api/sales/sessions/open/", json("opening_balance", 0))
                .at("/data/id")
                .asLong();
    }

    @Test
    void aScanRetriedAfterItsInstanceDiedAddsNoSecondLineAndHoldsNothingMore() {
        String store = TestStores.newKey("lost");
        Api cashier = Api.member(port, store, 5, "user5", "cashier");
        long session = openShift(cashier);
        String key = UUID.randomUUID().toString();
        Api.Response first = cashier.header("Idempotency-Key", key)
                .post("/api/sales/sales/scan-item/", json("session", session, "product", 18));
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        int holds = catalog.requests.get();
        instanceDiedBeforeAnswering(key);

        Api.Response retry = cashier.header("Idempotency-Key", key)
                .post("/api/sales/sales/scan-item/", json("session", session, "product", 18));
        assertThat(retry.status()).as(retry.toString()).isEqualTo(200);
        assertThat(retry.at("/data/id").asLong()).isEqualTo(first.at("/data/id").asLong());
        assertThat(retry.at("/data/items").size()).as("one scan, one line").isEqualTo(1);
        assertThat(catalog.requests.get()).as("nothing held again").isEqualTo(holds);
        assertThat(jdbc.queryForObject(
                        "select count(*) from public.till_hold_intents where tenant_key = ?", Integer.class, store))
                .as("the line owns its hold")
                .isZero();
    }

    @Test
    void scansWithoutAKeyHoldUnderIntentsRecordedAheadAndTheirLinesRemoveThem() {
        String store = TestStores.newKey("lost");
        Api cashier = Api.member(port, store, 5, "user5", "cashier");
        long session = openShift(cashier);
        long sale = 0;
        for (int i = 0; i < 5; i++) {
            Api.Response scan = cashier.post("/api/sales/sales/scan-item/", json("session", session, "product", 18));
            assertThat(scan.status()).as(scan.toString()).isEqualTo(200);
            sale = scan.at("/data/id").asLong();
        }

        List<String> lines = jdbc.queryForList(
                "select reservation_ref from " + TestStores.schema(store) + ".sale_items where sale_id = ?",
                String.class,
                sale);
        assertThat(lines).hasSize(5).doesNotHaveDuplicates();
        assertThat(catalog.holds)
                .as("each line held in catalog under its own reference")
                .containsKeys(lines.toArray(String[]::new));
        List<String> left = jdbc.queryForList(
                "select request_ref from public.till_hold_intents where tenant_key = ?", String.class, store);
        assertThat(left)
                .as("the lines removed their intents; the rest were recorded ahead for the next scans")
                .isNotEmpty()
                .doesNotContainAnyElementsOf(lines);
    }

    @Test
    void aCheckoutRetriedAfterItsInstanceDiedAnswersTheSaleItCompleted() {
        String store = TestStores.newKey("lost");
        Api cashier = Api.member(port, store, 5, "user5", "cashier");
        long session = openShift(cashier);
        long sale = cashier.post("/api/sales/sales/scan-item/", json("session", session, "product", 18))
                .at("/data/id")
                .asLong();
        String key = UUID.randomUUID().toString();
        var pay = json("payments", List.of(json("payment_method", "cash", "amount", 12000, "received_amount", 20000)));
        Api.Response first =
                cashier.header("Idempotency-Key", key).post("/api/sales/sales/" + sale + "/checkout/", pay);
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        instanceDiedBeforeAnswering(key);

        Api.Response retry =
                cashier.header("Idempotency-Key", key).post("/api/sales/sales/" + sale + "/checkout/", pay);
        assertThat(retry.status())
                .as("the till learns its sale went through, not 'sale not pending'")
                .isEqualTo(200);
        assertThat(retry.text("/data/status")).isEqualTo("completed");
        assertThat(retry.text("/data/change_amount")).isEqualTo("8000.00");
        assertThat(jdbc.queryForObject(
                        "select count(*) from " + TestStores.schema(store) + ".payments where sale_id = ?",
                        Integer.class,
                        sale))
                .isEqualTo(1);
        // another request (another key) for the same sale is still refused
        assertThat(cashier.header("Idempotency-Key", UUID.randomUUID().toString())
                        .post("/api/sales/sales/" + sale + "/checkout/", pay)
                        .text("/code"))
                .isEqualTo("sale_not_pending");
    }

    @Test
    void aSaleSentWholeRetriedAfterItsInstanceDiedIsRecordedOnce() {
        String store = TestStores.newKey("lost");
        Api cashier = Api.member(port, store, 5, "user5", "cashier");
        long session = openShift(cashier);
        String key = UUID.randomUUID().toString();
        // an online till's sale sent whole: no client_id, only the request's key guards it
        var sale = json(
                "session",
                session,
                "items",
                List.of(json("product", 18, "quantity", 2)),
                "payments",
                List.of(json("payment_method", "cash", "amount", 24000, "received_amount", 30000)));
        Api.Response first = cashier.header("Idempotency-Key", key).post("/api/sales/sales/", sale);
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        int holds = catalog.requests.get();
        instanceDiedBeforeAnswering(key);

        Api.Response retry = cashier.header("Idempotency-Key", key).post("/api/sales/sales/", sale);
        assertThat(retry.status())
                .as("the till hears what the first attempt would have said: " + retry)
                .isEqualTo(201);
        assertThat(retry.at("/data/id").asLong()).isEqualTo(first.at("/data/id").asLong());
        assertThat(retry.text("/data/change_amount")).isEqualTo("6000.00");
        assertThat(jdbc.queryForObject("select count(*) from " + TestStores.schema(store) + ".sales", Integer.class))
                .as("one sale (and so one SaleCompleted, written with it), not two")
                .isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from " + TestStores.schema(store) + ".payments", Integer.class))
                .isEqualTo(1);
        assertThat(catalog.requests.get()).as("no stock held again").isEqualTo(holds);
        // another key is another sale
        Api.Response next =
                cashier.header("Idempotency-Key", UUID.randomUUID().toString()).post("/api/sales/sales/", sale);
        assertThat(next.status()).as(next.toString()).isEqualTo(201);
        assertThat(next.at("/data/id").asLong())
                .isNotEqualTo(first.at("/data/id").asLong());
    }

    @Test
    void aRefundRetriedAfterItsInstanceDiedGivesTheMoneyBackOnce() {
        String store = TestStores.newKey("lost");
        Api cashier = Api.member(port, store, 5, "user5", "cashier");
        Api manager = Api.member(port, store, 6, "user6", "manager");
        long session = openShift(cashier);
        long sale = cashier.post("/api/sales/sales/scan-item/", json("session", session, "product", 18, "quantity", 3))
                .at("/data/id")
                .asLong();
        cashier.post(
                "/api/sales/sales/" + sale + "/checkout/",
                json("payments", List.of(json("payment_method", "cash", "amount", 36000, "received_amount", 36000))));
        long item = jdbc.queryForObject(
                "select id from " + TestStores.schema(store) + ".sale_items where sale_id = ?", Long.class, sale);
        String key = UUID.randomUUID().toString();
        var one = json("items", List.of(json("item_id", item, "quantity", 1)));
        Api.Response first = manager.header("Idempotency-Key", key).post("/api/sales/sales/" + sale + "/refund/", one);
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        instanceDiedBeforeAnswering(key);

        Api.Response retry = manager.header("Idempotency-Key", key).post("/api/sales/sales/" + sale + "/refund/", one);
        assertThat(retry.status()).as(retry.toString()).isEqualTo(200);
        assertThat(jdbc.queryForObject(
                        "select count(*) from " + TestStores.schema(store) + ".refunds where sale_id = ?",
                        Integer.class,
                        sale))
                .as("one of three refunded, once")
                .isEqualTo(1);
        assertThat(retry.text("/data/status")).isEqualTo("partially_refunded");
    }

    @Test
    void aHoldGivenUpAsAbandonedWhileItsScanWaitedForCatalogGetsNoLineAndGoesBack() {
        String store = TestStores.newKey("lost");
        Api cashier = Api.member(port, store, 5, "user5", "cashier");
        long session = openShift(cashier);
        List<String> held = new CopyOnWriteArrayList<>();
        List<String> swept = new CopyOnWriteArrayList<>();
        // catalog answered so late that another instance's sweep took the intent (and released the hold) meanwhile: the
        // scan's one intent, then only the first of a whole sale's two
        catalog.whileHolding = ref -> {
            held.add(ref);
            if (held.size() <= 2) {
                assertThat(jdbc.update("delete from public.till_hold_intents where request_ref = ?", ref))
                        .as("the intent was there until the sweep took it")
                        .isEqualTo(1);
                swept.add(ref);
            }
        };
        try {
            Api.Response scan = cashier.post("/api/sales/sales/scan-item/", json("session", session, "product", 18));
            assertThat(scan.status()).as(scan.toString()).isEqualTo(503);
            assertThat(scan.text("/code")).isEqualTo("catalog_unavailable");
            var whole = json(
                    "session",
                    session,
                    "items",
                    List.of(json("product", 18), json("product", 19)),
                    "payments",
                    List.of(json("payment_method", "cash", "amount", 24000)));
            Api.Response sale = cashier.post("/api/sales/sales/", whole);
            assertThat(sale.status()).as(sale.toString()).isEqualTo(503);
            assertThat(sale.text("/code")).isEqualTo("catalog_unavailable");
        } finally {
            catalog.whileHolding = ref -> {};
        }

        assertThat(held).as("the scan's hold and the sale's two").hasSize(3);
        assertThat(swept).hasSize(2);
        assertThat(jdbc.queryForObject(
                        "select count(*) from " + TestStores.schema(store) + ".sale_items", Integer.class))
                .as("no line without its hold, not even the line whose intent was still there")
                .isZero();
        assertThat(jdbc.queryForObject(
                        "select count(*) from " + TestStores.schema(store) + ".sales where status = 'completed'",
                        Integer.class))
                .isZero();
        assertThat(held).allSatisfy(ref -> assertThat(catalog.holds.get(ref))
                .as("given back at once")
                .isEqualTo("released"));

        // once catalog answers in time, the same scan sells
        Api.Response again = cashier.post("/api/sales/sales/scan-item/", json("session", session, "product", 18));
        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        assertThat(again.at("/data/items").size()).isEqualTo(1);
    }

    @Test
    void aHoldWhoseScanDiedBeforeWritingItsLineIsReleasedByAnotherInstance() {
        String store = TestStores.newKey("lost");
        String died = UUID.randomUUID().toString();
        String running = UUID.randomUUID().toString();
        // an instance recorded its scan's hold, got it from catalog and died before the line: only the intent is left
        jdbc.update(
                "insert into public.till_hold_intents (request_ref, tenant_key, created_at) values (?, ?, now() - interval '5 minutes')",
                died,
                store);
        // a scan still in flight on a live instance is left alone
        jdbc.update("insert into public.till_hold_intents (request_ref, tenant_key) values (?, ?)", running, store);

        assertThat(abandoned.sweep()).isGreaterThanOrEqualTo(1);

        assertThat(jdbc.queryForList(
                        "select request_ref from public.till_hold_intents where tenant_key = ?", String.class, store))
                .containsExactly(running);
        assertThat(EventSamples.awaitEmitted(HoldsReleased.class, store)
                        .at("/payload/request_refs/0")
                        .asText())
                .isEqualTo(died);
    }
}
