package dev.kassa.sales;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kassa.platform.events.Topics;
import dev.kassa.platform.test.Api;
import dev.kassa.platform.test.EventSamples;
import dev.kassa.platform.test.KassaIntegrationTest;
import dev.kassa.platform.test.TestKafka;
import dev.kassa.platform.test.TestStores;
import dev.kassa.sales.till.SaleCompleted;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static dev.kassa.platform.test.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

/** The one-call sale of offline tills and discounts, with catalog's reservation API played by {@link FakeCatalog}. */
@KassaIntegrationTest
class OneCallSaleAndDiscountTests {

    static final FakeCatalog catalog = new FakeCatalog();

    static final FakeCustomers customers = new FakeCustomers();

    @DynamicPropertySource
    static void catalog(DynamicPropertyRegistry registry) {
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
                .post("/api/sales/sessions/open/", json("opening_balance", 0))
                .at("/data/id")
                .asLong();
    }

    /** The till opened its shift {@code hours} ago (and has been selling offline since). */
    void openedHoursAgo(String store, long session, int hours) {
        assertThat(jdbc.update(
                        "update " + TestStores.schema(store)
                                + ".sessions set opened_at = now() - make_interval(hours => ?)" + " where id = ?",
                        hours,
                        session))
                .isEqualTo(1);
    }

    @Test
    void anOfflineSaleMadeBeforeItsShiftOpenedIsRefusedNamingBothTimes() {
        String store = TestStores.newKey("ofs");
        long session = openShift(store, 5);
        openedHoursAgo(store, session, 3);
        Api cashier = as(store, 5, "cashier").english();
        Map<String, Object> threeDaysBack = json(
                "client_id",
                UUID.randomUUID().toString(),
                "session",
                session,
                "sold_at",
                Instant.now().minus(3, ChronoUnit.DAYS).toString(),
                "items",
                List.of(json("product", 18)),
                "payments",
                List.of(json("payment_method", "cash", "amount", 12000)));
        int holdsBefore = catalog.holds.size();
        Api.Response refused = cashier.post("/api/sales/sales/", threeDaysBack);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.text("/code")).isEqualTo("sold_before_shift");
        assertThat(refused.text("/message"))
                .startsWith("The sale was made at ")
                .contains("before this shift was opened");
        assertThat(catalog.holds).as("nothing held").hasSize(holdsBefore);
        // in a batch: that sale alone is refused; one made two hours ago, in this shift, is recorded
        Map<String, Object> inShift = new HashMap<>(threeDaysBack);
        inShift.put("client_id", UUID.randomUUID().toString());
        inShift.put("sold_at", Instant.now().minus(2, ChronoUnit.HOURS).toString());
        Api.Response batch = cashier.post("/api/sales/sales/upload/", json("sales", List.of(threeDaysBack, inShift)));
        assertThat(batch.at("/data/results").findValuesAsText("outcome")).containsExactly("refused", "recorded");
        assertThat(batch.at("/data/results/0/error/code").asText()).isEqualTo("sold_before_shift");
        assertThat(jdbc.queryForObject(
                        "select count(*) from " + TestStores.schema(store) + ".sales where session_id = ?",
                        Integer.class,
                        session))
                .as("only the sale of this shift is in it (its cash, its receipt)")
                .isEqualTo(1);
    }

    @Test
    void draftsAndOneCallSalesOfARegisterAreNumberedFromOneCounterADay() {
        String store = TestStores.newKey("num");
        long session = openShift(store, 5);
        Api cashier = as(store, 5, "cashier");
        var cash = json("payments", List.of(json("payment_method", "cash", "amount", 12000, "received_amount", 12000)));
        Api.Response first = cashier.post("/api/sales/sales/scan-item/", json("session", session, "product", 18));
        String number = first.text("/data/receipt_number");
        assertThat(number).matches("MAIN-\\d{8}-0001");
        String day = number.substring(0, number.length() - 4);
        assertThat(cashier.post("/api/sales/sales/" + first.at("/data/id").asLong() + "/checkout/", cash)
                        .status())
                .isEqualTo(200);

        Api.Response second = cashier.post("/api/sales/sales/scan-item/", json("session", session, "product", 18));
        assertThat(second.text("/data/receipt_number")).isEqualTo(day + "0002");
        Api.Response upload = cashier.post(
                "/api/sales/sales/",
                json(
                        "client_id",
                        UUID.randomUUID().toString(),
                        "session",
                        session,
                        "sold_at",
                        Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
                        "items",
                        List.of(json("product", 18)),
                        "payments",
                        List.of(json("payment_method", "cash", "amount", 12000, "received_amount", 12000))));
        assertThat(upload.status()).as(upload.toString()).isEqualTo(201);
        assertThat(upload.text("/data/receipt_number")).isEqualTo(day + "0003");
    }

    @Test
    void anOfflineSaleIsRecordedOnceHowEverOftenItIsUploaded() {
        String store = TestStores.newKey("off");
        long session = openShift(store, 5);
        Api cashier = as(store, 5, "cashier");
        String clientId = UUID.randomUUID().toString();
        openedHoursAgo(store, session, 3);
        Instant soldAt = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        Map<String, Object> sale = json(
                "client_id",
                clientId,
                "session",
                session,
                "sold_at",
                soldAt.toString(),
                "items",
                List.of(
                        json("product", 18, "quantity", 2, "unit_price", 12000),
                        json("product", 19, "discount_amount", 1000)),
                "payments",
                List.of(json("payment_method", "cash", "amount", 35000, "received_amount", 40000)));
        long holdsBefore = catalog.holds.size();
        Api.Response first = cashier.post("/api/sales/sales/", sale);
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(first.text("/data/status")).isEqualTo("completed");
        assertThat(first.text("/data/subtotal")).isEqualTo("35000.00");
        assertThat(first.text("/data/total_amount")).isEqualTo("35000.00");
        assertThat(first.text("/data/change_amount")).isEqualTo("5000.00");
        assertThat(first.text("/data/items/1/discount_amount")).isEqualTo("1000.00");
        // VAT 12% included in what is paid: 35000 × 12/112
        assertThat(first.text("/data/tax_amount")).isEqualTo("3750.00");
        assertThat(Instant.parse(first.text("/data/completed_at"))).isEqualTo(soldAt);
        assertThat(first.text("/data/receipt_number")).startsWith("MAIN-");

        Api.Response again = cashier.post("/api/sales/sales/", sale);
        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        assertThat(again.at("/data/id").asLong()).isEqualTo(first.at("/data/id").asLong());
        assertThat(jdbc.queryForObject("select count(*) from " + TestStores.schema(store) + ".sales", Integer.class))
                .isEqualTo(1);
        assertThat(catalog.holds.size() - holdsBefore)
                .as("the second upload holds nothing")
                .isEqualTo(2);

        // its shift closed meanwhile: uploaded again, the sale is still the answer (the earlier upload is looked at
        // first)
        assertThat(cashier.post("/api/sales/sessions/" + session + "/close/", json("actual_cash", 35000))
                        .status())
                .isEqualTo(200);
        Api.Response afterClose = cashier.post("/api/sales/sales/", sale);
        assertThat(afterClose.status()).as(afterClose.toString()).isEqualTo(200);
        assertThat(afterClose.at("/data/id").asLong())
                .isEqualTo(first.at("/data/id").asLong());
        // another sale for a shift that does not exist: refused before catalog is asked
        Map<String, Object> nowhere = new HashMap<>(sale);
        nowhere.put("client_id", UUID.randomUUID().toString());
        nowhere.put("session", 987654);
        Api.Response unknown = cashier.post("/api/sales/sales/", nowhere);
        assertThat(unknown.status()).as(unknown.toString()).isEqualTo(404);
        assertThat(unknown.text("/code")).isEqualTo("session_not_found");
        assertThat(catalog.holds.size() - holdsBefore).isEqualTo(2);
        assertThat(EventSamples.awaitEmitted(SaleCompleted.class, store)
                        .at("/payload/sale_id")
                        .asText())
                .isEqualTo(first.text("/data/id"));
        // the cashier's token went to catalog with the holds
        assertThat(catalog.authorizations).allMatch(a -> a.startsWith("Bearer "));
    }

    @Test
    void theTillScansByBarcodeAndABatchCodePicksItsBatch() {
        String store = TestStores.newKey("bar");
        long session = openShift(store, 5);
        Api cashier = as(store, 5, "cashier");
        Api.Response scanned = cashier.post(
                "/api/sales/sales/scan-item/", json("session", session, "barcode", "4870000000011", "quantity", 2));
        assertThat(scanned.status()).as(scanned.toString()).isEqualTo(200);
        assertThat(scanned.text("/data/items/0/product")).isEqualTo("18");
        assertThat(scanned.text("/data/total_amount")).isEqualTo("24000.00");
        Api.Response byBatch =
                cashier.post("/api/sales/sales/scan-item/", json("session", session, "barcode", "BATCH-31"));
        assertThat(byBatch.status()).as(byBatch.toString()).isEqualTo(200);
        Api.Response unknown = cashier.post("/api/sales/sales/scan-item/", json("session", session, "barcode", "999"));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.text("/code")).isEqualTo("product_not_found");
        assertThat(cashier.post("/api/sales/sales/scan-item/", json("session", session))
                        .at("/errors/product")
                        .isArray())
                .isTrue();
        assertThat(cashier.get("/api/sales/sales/current/?session=" + session)
                        .at("/data/items")
                        .size())
                .as("the unknown code added nothing")
                .isEqualTo(2);
    }

    @Test
    void aSaleSentWholeIsHeldInOneCallToCatalogAndLineByLineByACatalogThatDoesNotKnowTheCall() {
        String store = TestStores.newKey("one");
        long session = openShift(store, 5);
        Api cashier = as(store, 5, "cashier");
        Map<String, Object> sale = json(
                "session",
                session,
                "items",
                List.of(json("product", 18), json("product", 19, "quantity", 2), json("product", 20)),
                "payments",
                List.of(json("payment_method", "card", "amount", 48000)));
        int before = catalog.requests.get();
        Api.Response sold = cashier.post("/api/sales/sales/", sale);
        assertThat(sold.status()).as(sold.toString()).isEqualTo(201);
        assertThat(sold.at("/data/items").size()).isEqualTo(3);
        assertThat(catalog.requests.get() - before).as("three lines, one call").isEqualTo(1);
        List<String> refs = jdbc.queryForList(
                "select reservation_ref from " + TestStores.schema(store) + ".sale_items order by id", String.class);
        assertThat(refs).hasSize(3).doesNotHaveDuplicates();
        assertThat(refs).allMatch(ref -> "active".equals(catalog.holds.get(ref)));

        // an older catalog (a rolling upgrade) answers the call 404: the lines are held one by one instead
        catalog.linesUnknown = true;
        try {
            before = catalog.requests.get();
            Api.Response again = cashier.post("/api/sales/sales/", sale);
            assertThat(again.status()).as(again.toString()).isEqualTo(201);
            assertThat(catalog.requests.get() - before)
                    .as("the refused call, then a call a line")
                    .isEqualTo(4);
        } finally {
            catalog.linesUnknown = false;
        }
        assertThat(jdbc.queryForObject(
                        "select count(*) from " + TestStores.schema(store) + ".sales where status = 'completed'",
                        Integer.class))
                .isEqualTo(2);

        // a buyer customer-service does not know: refused before catalog is asked, and no hold intent is left behind
        before = catalog.requests.get();
        Map<String, Object> unknownBuyer = new HashMap<>(sale);
        unknownBuyer.put("customer_id", 999);
        Api.Response refused = cashier.post("/api/sales/sales/", unknownBuyer);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.at("/errors/customer_id").isArray()).isTrue();
        assertThat(catalog.requests.get()).isEqualTo(before);
        assertThat(jdbc.queryForObject(
                        "select count(*) from public.till_hold_intents where tenant_key = ?", Integer.class, store))
                .isZero();
    }

    @Test
    void aHoldThatFailsOnceIsRetriedWithTheSameReference() {
        String store = TestStores.newKey("rty");
        long session = openShift(store, 5);
        int before = catalog.requests.get();
        int holdsBefore = catalog.holds.size();
        catalog.failNext.set(1);
        Api.Response sold = as(store, 5, "cashier")
                .post(
                        "/api/sales/sales/",
                        json(
                                "session",
                                session,
                                "items",
                                List.of(json("product", 18)),
                                "payments",
                                List.of(json("payment_method", "card", "amount", 12000))));
        assertThat(sold.status()).as(sold.toString()).isEqualTo(201);
        assertThat(catalog.requests.get() - before)
                .as("one failed attempt, one retry")
                .isEqualTo(2);
        assertThat(catalog.holds.size() - holdsBefore).isEqualTo(1);
    }

    @Test
    void aScanWhoseHoldGaveUpReleasesItsReferenceThroughEventsSoALateHoldCannotLinger() throws Exception {
        String store = TestStores.newKey("late");
        long session = openShift(store, 5);
        try (KafkaConsumer<String, String> consumer = TestKafka.consumer()) {
            consumer.subscribe(List.of(Topics.SALES));
            catalog.failNext.set(2);
            Api.Response scan = as(store, 5, "cashier")
                    .post("/api/sales/sales/scan-item/", json("session", session, "product", 18));
            assertThat(scan.status()).as(scan.toString()).isEqualTo(503);
            assertThat(scan.text("/code")).isEqualTo("catalog_unavailable");
            // catalog may still commit the hold after sales gave up on it: the reference goes to catalog as
            // HoldsReleased
            // through the outbox, so catalog cancels the hold, or refuses it if it arrives later still
            JsonNode released = TestKafka.awaitEvent(consumer, store, "HoldsReleased");
            assertThat(released.at("/payload/request_refs").size()).isEqualTo(1);
            assertThat(released.at("/payload/request_refs/0").asText()).isNotBlank();
        }
    }

    @Test
    void anOfflineSaleMadeInAShiftClosedSinceGoesIntoThatShiftAndSetsItsCashRight() {
        String store = TestStores.newKey("ofc");
        Api cashier = as(store, 5, "cashier").english();
        // yesterday's shift: the till sold 12 000 in cash offline, the cashier counted 12 000 at closing (a "surplus")
        long yesterday = openShift(store, 5);
        assertThat(cashier.post("/api/sales/sessions/" + yesterday + "/close/", json("actual_cash", 12000))
                        .text("/data/cash_difference"))
                .isEqualTo("12000.00");
        jdbc.update(
                "update " + TestStores.schema(store) + ".sessions set opened_at = now() - interval '30 hours',"
                        + " closed_at = now() - interval '20 hours' where id = ?",
                yesterday);
        long today = openShift(store, 5);
        Instant soldAt = Instant.now().minus(25, ChronoUnit.HOURS);
        Map<String, Object> late = json(
                "client_id",
                UUID.randomUUID().toString(),
                "session",
                today,
                "sold_at",
                soldAt.toString(),
                "items",
                List.of(json("product", 18)),
                "payments",
                List.of(json("payment_method", "cash", "amount", 12000)));
        try (KafkaConsumer<String, String> consumer = TestKafka.consumer()) {
            consumer.subscribe(List.of(Topics.SALES));
            Api.Response recorded = cashier.post("/api/sales/sales/", late);
            assertThat(recorded.status()).as(recorded.toString()).isEqualTo(201);
            assertThat(recorded.at("/data/session").asLong())
                    .as("in the shift open then")
                    .isEqualTo(yesterday);
            assertThat(recorded.text("/data/decisions/0/code")).isEqualTo("shift_closed");
            assertThat(recorded.at("/data/decisions/0/session").asLong()).isEqualTo(yesterday);
            assertThat(recorded.text("/data/decisions/0/message")).contains("shift " + yesterday, "recomputed");
            String day = LocalDate.ofInstant(soldAt, ZoneId.of("Asia/Tashkent"))
                    .toString()
                    .replace("-", "");
            assertThat(recorded.text("/data/receipt_number"))
                    .as("numbered on its own day")
                    .contains("-" + day + "-");
            // the closed shift's expected cash now holds the sale: the counted cash is explained, the difference gone
            Api manager = as(store, 2, "manager");
            JsonNode closed =
                    manager.get("/api/sales/sessions/" + yesterday + "/").at("");
            assertThat(closed.at("/status").asText()).isEqualTo("closed");
            assertThat(closed.at("/expected_cash").asText()).isEqualTo("12000.00");
            assertThat(closed.at("/cash_difference").asText()).isEqualTo("0.00");
            assertThat(manager.get("/api/sales/sessions/" + today + "/").text("/expected_cash"))
                    .as("today's drawer is untouched")
                    .isEqualTo("0.00");
            // reports and receivers keep the last figures: SessionClosed is announced again, with them
            List<JsonNode> announced = new ArrayList<>();
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
                TestKafka.poll(consumer, store).stream()
                        .filter(e -> e.path("type").asText().equals("SessionClosed"))
                        .forEach(announced::add);
                return announced.size() >= 2;
            });
            assertThat(announced).allMatch(e -> e.at("/payload/session_id").asLong() == yesterday);
            assertThat(new BigDecimal(
                            announced.get(1).at("/payload/cash_difference").asText()))
                    .isEqualByComparingTo("0");
            assertThat(new BigDecimal(
                            announced.get(1).at("/payload/expected_cash").asText()))
                    .isEqualByComparingTo("12000");
        }
        // uploaded again: the same sale, the shift's figures unchanged
        Api.Response again = cashier.post("/api/sales/sales/", late);
        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        assertThat(as(store, 2, "manager")
                        .get("/api/sales/sessions/" + yesterday + "/")
                        .text("/expected_cash"))
                .isEqualTo("12000.00");
        // a sale made between the two shifts, when no shift of the register was open, is refused
        Map<String, Object> between = new HashMap<>(late);
        between.put("client_id", UUID.randomUUID().toString());
        between.put("sold_at", Instant.now().minus(10, ChronoUnit.HOURS).toString());
        openedHoursAgo(store, today, 2);
        Api.Response refused = cashier.post("/api/sales/sales/", between);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.text("/code")).isEqualTo("sold_before_shift");
        assertThat(refused.text("/message")).contains("no shift of this register was open then");
        // an online sale (no sold_at) naming the closed shift is still refused
        Map<String, Object> online = new HashMap<>(late);
        online.remove("sold_at");
        online.put("client_id", UUID.randomUUID().toString());
        online.put("session", yesterday);
        assertThat(cashier.post("/api/sales/sales/", online).text("/code")).isEqualTo("session_not_open");
    }

    /**
     * Issue 84, point 2: cashier B, with no shift of his own, cannot record a sale in cashier A's shift by saying it was
     * made then: refused in its place, nothing recorded, A's cash untouched; A, the owner and a manager may.
     */
    @Test
    void aLateSaleGoesOnlyIntoTheUploadersOwnShiftOrAnyForWhoManagesTheStore() {
        String store = TestStores.newKey("ofy");
        long closed = openShift(store, 5);
        assertThat(as(store, 5, "cashier")
                        .post("/api/sales/sessions/" + closed + "/close/", json("actual_cash", 0))
                        .status())
                .isEqualTo(200);
        jdbc.update(
                "update " + TestStores.schema(store) + ".sessions set opened_at = now() - interval '30 hours',"
                        + " closed_at = now() - interval '20 hours' where id = ?",
                closed);
        long open = openShift(store, 5);
        openedHoursAgo(store, open, 2);
        Map<String, Object> intoClosed = offlineSale(closed, json("product", 18), 12000);
        intoClosed.put("sold_at", Instant.now().minus(25, ChronoUnit.HOURS).toString());
        Map<String, Object> intoOpen = offlineSale(open, json("product", 18), 12000);
        intoOpen.put("sold_at", Instant.now().minus(1, ChronoUnit.HOURS).toString());
        int holdsBefore = catalog.holds.size();

        Api colleague = as(store, 8, "cashier").english();
        for (Map<String, Object> sale : List.of(intoClosed, intoOpen)) {
            Api.Response refused = colleague.post("/api/sales/sales/", sale);
            assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
            assertThat(refused.text("/code")).isEqualTo("not_your_shift");
            assertThat(refused.text("/message")).contains("another cashier");
        }
        Api.Response batch = colleague.post("/api/sales/sales/upload/", json("sales", List.of(intoClosed)));
        assertThat(batch.at("/data/results").findValuesAsText("outcome")).containsExactly("refused");
        assertThat(batch.at("/data/results/0/error/code").asText()).isEqualTo("not_your_shift");
        assertThat(jdbc.queryForObject("select count(*) from " + TestStores.schema(store) + ".sales", Integer.class))
                .as("nothing recorded")
                .isZero();
        assertThat(catalog.holds.size()).as("no stock held").isEqualTo(holdsBefore);
        Api manager = as(store, 2, "manager");
        assertThat(manager.get("/api/sales/sessions/" + closed + "/").text("/expected_cash"))
                .as("the closed shift's cash untouched")
                .isEqualTo("0.00");

        // the shift's own cashier, and whoever manages the store, may
        assertThat(as(store, 5, "cashier").post("/api/sales/sales/", intoOpen).status())
                .isEqualTo(201);
        Api.Response byManager = manager.post("/api/sales/sales/", intoClosed);
        assertThat(byManager.status()).as(byManager.toString()).isEqualTo(201);
        assertThat(byManager.at("/data/session").asLong()).isEqualTo(closed);
        assertThat(manager.get("/api/sales/sessions/" + closed + "/").text("/expected_cash"))
                .isEqualTo("12000.00");
    }

    /** Issue 84, point 2: an offline price is looked for no further back than the opening of the sale's shift. */
    @Test
    void aBackDatedSalesPriceIsNotLookedForBeforeItsShiftOpened() {
        String store = TestStores.newKey("ofw");
        long session = openShift(store, 5);
        openedHoursAgo(store, session, 1);
        Instant opened = jdbc.queryForObject(
                        "select opened_at from " + TestStores.schema(store) + ".sessions where id = ?",
                        java.sql.Timestamp.class,
                        session)
                .toInstant();
        Map<String, Object> sale = offlineSale(session, json("product", 18, "unit_price", 11000), 11000);
        sale.put("sold_at", Instant.now().minus(20, ChronoUnit.MINUTES).toString());
        int asked = catalog.pricesAsked.size();
        assertThat(as(store, 5, "cashier").post("/api/sales/sales/", sale).status())
                .isEqualTo(201);
        String uri = catalog.pricesAsked.get(asked);
        String since = java.net.URLDecoder.decode(
                uri.substring(uri.indexOf("since=") + 6), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(Instant.parse(since))
                .as("the price window starts when the shift opened, not a week before the sale")
                .isEqualTo(opened);
    }

    @Test
    void anOnlineTillsChangedPriceOrMissingStockRecordsNothingAndReleasesTheHolds() {
        String store = TestStores.newKey("ofp");
        long session = openShift(store, 5);
        Api cashier = as(store, 5, "cashier");
        Set<String> earlier = Set.copyOf(catalog.holds.keySet());
        Api.Response price = cashier.post(
                "/api/sales/sales/",
                json(
                        "session",
                        session,
                        "items",
                        List.of(json("product", 18, "unit_price", 11000)),
                        "payments",
                        List.of(json("payment_method", "cash", "amount", 11000))));
        assertThat(price.status()).as(price.toString()).isEqualTo(400);
        assertThat(price.text("/errors/items.0.unit_price/0")).contains("12000.00");
        Api.Response stock = cashier.post(
                "/api/sales/sales/",
                json(
                        "session",
                        session,
                        "items",
                        List.of(json("product", 18), json("product", 19, "quantity", 11)),
                        "payments",
                        List.of(json("payment_method", "cash", "amount", 1))));
        assertThat(stock.status()).as(stock.toString()).isEqualTo(400);
        assertThat(stock.text("/code")).isEqualTo("insufficient_stock");
        assertThat(stock.at("/product_id").asLong()).as("the line refused").isEqualTo(19);
        Api.Response unpaid = cashier.post(
                "/api/sales/sales/",
                json(
                        "session",
                        session,
                        "items",
                        List.of(json("product", 18)),
                        "payments",
                        List.of(json("payment_method", "cash", "amount", 100))));
        assertThat(unpaid.text("/code")).isEqualTo("insufficient_payment");
        assertThat(jdbc.queryForObject("select count(*) from " + TestStores.schema(store) + ".sales", Integer.class))
                .isZero();
        assertThat(catalog.holds.keySet()).hasSizeGreaterThan(earlier.size());
        assertThat(catalog.holds.entrySet())
                .filteredOn(h -> !earlier.contains(h.getKey()))
                .as("every hold of a refused sale is given back")
                .allMatch(h -> h.getValue().equals("released"));
    }

    @Test
    void anOfflineSaleIsRecordedAsItHappenedAndSaysWhatKassaHadToDecide() {
        String store = TestStores.newKey("ofd");
        long session = openShift(store, 5);
        openedHoursAgo(store, session, 1);
        Api cashier = as(store, 5, "cashier");
        customers.limits.put(71L, new BigDecimal("10000"));
        String clientId = UUID.randomUUID().toString();
        // sold offline at yesterday's price 11000, 12 units of a product the batches have 10 of, 20000 of it on credit
        // for
        // a customer who may owe 10000 more
        Map<String, Object> sale = json(
                "client_id",
                clientId,
                "session",
                session,
                "customer_id",
                71,
                "sold_at",
                Instant.now().minus(10, ChronoUnit.MINUTES).toString(),
                "items",
                List.of(
                        json("product", 18, "quantity", 2, "unit_price", 11000),
                        json("product", 19, "quantity", 12, "unit_price", 12000)),
                "payments",
                List.of(
                        json("payment_method", "cash", "amount", 146000),
                        json("payment_method", "credit", "amount", 20000)));
        Api.Response first = cashier.header("Accept-Language", "en").post("/api/sales/sales/", sale);
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(first.text("/data/status")).isEqualTo("completed");
        assertThat(first.text("/data/total_amount")).isEqualTo("166000.00");
        assertThat(first.text("/data/items/0/unit_price")).isEqualTo("11000.00");
        assertThat(first.at("/data/items").findValuesAsText("batch_number")).contains("B-31");
        assertThat(first.at("/data/items").size())
                .as("the 2 units beyond the batch are a line of their own, with no batch")
                .isEqualTo(3);
        JsonNode decisions = first.at("/data/decisions");
        assertThat(decisions.findValuesAsText("code"))
                .containsExactly("price_changed", "stock_short", "credit_over_limit");
        assertThat(decisions.get(0).path("field").asText()).isEqualTo("items.0.unit_price");
        assertThat(decisions.get(0).path("till_price").asText()).isEqualTo("11000.00");
        assertThat(decisions.get(0).path("catalog_price").asText()).isEqualTo("12000.00");
        assertThat(decisions.get(0).path("message").asText()).contains("11000.00", "12000.00");
        assertThat(decisions.get(1).path("field").asText()).isEqualTo("items.1.quantity");
        assertThat(decisions.get(1).path("shortfall").asText()).isEqualTo("2.000");
        assertThat(decisions.get(2).path("over_limit").asText()).isEqualTo("10000.00");
        assertThat(customers.available(71)).isEqualByComparingTo("-10000");

        // uploaded again (the till did not hear the answer): the same sale and the same decisions, nothing held again
        int holdsBefore = catalog.holds.size();
        Api.Response again = cashier.post("/api/sales/sales/", sale);
        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        assertThat(again.at("/data/id").asLong()).isEqualTo(first.at("/data/id").asLong());
        assertThat(again.at("/data/decisions").findValuesAsText("code"))
                .containsExactly("price_changed", "stock_short", "credit_over_limit");
        assertThat(again.at("/data/decisions/0/message").asText())
                .as("in the caller's language")
                .contains("цене");
        assertThat(catalog.holds).hasSize(holdsBefore);

        // a sale Kassa had nothing to decide about says so
        Api.Response plain = cashier.post(
                "/api/sales/sales/",
                json(
                        "client_id",
                        UUID.randomUUID().toString(),
                        "session",
                        session,
                        "items",
                        List.of(json("product", 18, "unit_price", 12000)),
                        "payments",
                        List.of(json("payment_method", "card", "amount", 12000))));
        assertThat(plain.status()).as(plain.toString()).isEqualTo(201);
        assertThat(plain.at("/data/decisions").isArray()).isTrue();
        assertThat(plain.at("/data/decisions")).isEmpty();
        // a negative or over-precise price is bad input, not a decision
        Api.Response negative = cashier.post(
                "/api/sales/sales/",
                json(
                        "client_id",
                        UUID.randomUUID().toString(),
                        "session",
                        session,
                        "items",
                        List.of(json("product", 18, "unit_price", -1), json("product", 18, "unit_price", "1.234"))));
        assertThat(negative.status()).isEqualTo(400);
        assertThat(negative.at("/errors").fieldNames())
                .toIterable()
                .contains("items.0.unit_price", "items.1.unit_price");
    }

    @Test
    void anOfflineTillKeepsOnlyAPriceTheProductHadOrOneItsUploaderMayDiscountTo() {
        String store = TestStores.newKey("ofp");
        long session = openShift(store, 5);
        openedHoursAgo(store, session, 1);
        Api cashier = as(store, 5, "cashier").english();
        Instant soldAt = Instant.now().minus(20, ChronoUnit.MINUTES);
        // product 18 sold at 11 000 until lately and at 12 000 now (FakeCatalog's history)
        Map<String, Object> yesterdays = offlineSale(session, json("product", 18, "unit_price", 11000), 11000);
        yesterdays.put("sold_at", soldAt.toString());
        Api.Response kept = cashier.post("/api/sales/sales/", yesterdays);
        assertThat(kept.status()).as(kept.toString()).isEqualTo(201);
        assertThat(kept.at("/data/decisions").findValuesAsText("code")).containsExactly("price_changed");
        // the prices it had from when its shift opened on (aBackDatedSalesPriceIsNotLookedForBeforeItsShiftOpened)

        // a cashier's price a cent above nothing: a discount far beyond a cashier's 10 %
        Map<String, Object> cent = offlineSale(session, json("product", 18, "unit_price", "0.01"), 1);
        cent.put("sold_at", soldAt.toString());
        Api.Response refused = cashier.post("/api/sales/sales/", cent);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
        assertThat(refused.text("/code")).isEqualTo("discount_needs_manager");
        // within the cap of the nearest price it had (10 500 is 4.5 % off 11 000): kept
        Map<String, Object> small = offlineSale(session, json("product", 18, "unit_price", 10500), 10500);
        small.put("sold_at", soldAt.toString());
        assertThat(cashier.post("/api/sales/sales/", small).status()).isEqualTo(201);
        // above every price it had: refused, naming them
        Map<String, Object> dearer = offlineSale(session, json("product", 18, "unit_price", 15000), 15000);
        dearer.put("sold_at", soldAt.toString());
        Api.Response unknown = cashier.post("/api/sales/sales/", dearer);
        assertThat(unknown.status()).as(unknown.toString()).isEqualTo(400);
        assertThat(unknown.text("/errors/items.0.unit_price/0"))
                .isEqualTo(
                        "The product did not sell at 15000.00 then: its prices from then on were 11000.00, 12000.00");
        // a manager may take off what they like (their cap)
        Map<String, Object> managers = offlineSale(session, json("product", 18, "unit_price", "0.01"), 1);
        managers.put("sold_at", soldAt.toString());
        assertThat(as(store, 6, "manager").post("/api/sales/sales/", managers).status())
                .isEqualTo(201);
        assertThat(jdbc.queryForObject("select count(*) from " + TestStores.schema(store) + ".sales", Integer.class))
                .isEqualTo(3);

        // credit over the buyer's limit only for a sale made more than a minute before it arrived (customer-service
        // then holds it up to the owner's bound)
        customers.limits.put(72L, new BigDecimal("1000"));
        Map<String, Object> justNow = offlineSale(session, json("product", 18), 0);
        justNow.put("customer_id", 72);
        justNow.put("sold_at", Instant.now().minusSeconds(5).toString());
        justNow.put("payments", List.of(json("payment_method", "credit", "amount", 12000)));
        Api.Response online = cashier.post("/api/sales/sales/", justNow);
        assertThat(online.status()).as(online.toString()).isEqualTo(400);
        assertThat(online.text("/code")).isEqualTo("credit_limit_exceeded");
        justNow.put("client_id", UUID.randomUUID().toString());
        justNow.put("sold_at", soldAt.toString());
        Api.Response offline = cashier.post("/api/sales/sales/", justNow);
        assertThat(offline.status()).as(offline.toString()).isEqualTo(201);
        assertThat(offline.at("/data/decisions").findValuesAsText("code")).containsExactly("credit_over_limit");
    }

    @Test
    void anOfflineTillUploadsItsSalesInOneBatchEachRecordedOrRefusedOnItsOwn() {
        String store = TestStores.newKey("ofu");
        long session = openShift(store, 5);
        Api cashier = as(store, 5, "cashier");
        String first = UUID.randomUUID().toString();
        String unpaid = UUID.randomUUID().toString();
        String third = UUID.randomUUID().toString();
        Map<String, Object> batch = json(
                "sales",
                List.of(
                        json(
                                "client_id",
                                first,
                                "session",
                                session,
                                "items",
                                List.of(json("product", 18, "unit_price", 11500)),
                                "payments",
                                List.of(json("payment_method", "cash", "amount", 11500))),
                        json(
                                "client_id",
                                unpaid,
                                "session",
                                session,
                                "items",
                                List.of(json("product", 18)),
                                "payments",
                                List.of(json("payment_method", "cash", "amount", 100))),
                        json("session", session, "items", List.of(json("product", 18))),
                        json(
                                "client_id",
                                third,
                                "session",
                                session,
                                "items",
                                List.of(json("product", 20)),
                                "payments",
                                List.of(json("payment_method", "card", "amount", 12000)))));
        Api.Response uploaded = cashier.post("/api/sales/sales/upload/", batch);
        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(200);
        JsonNode results = uploaded.at("/data/results");
        assertThat(results.findValuesAsText("outcome")).containsExactly("recorded", "refused", "refused", "recorded");
        assertThat(results.get(0).path("client_id").asText()).isEqualTo(first);
        assertThat(results.get(0).at("/sale/decisions/0/code").asText()).isEqualTo("price_changed");
        assertThat(results.get(1).at("/error/code").asText()).isEqualTo("insufficient_payment");
        assertThat(results.get(1).has("sale")).isFalse();
        assertThat(results.get(2).at("/error/errors/client_id").isArray()).isTrue();
        assertThat(results.get(3).at("/sale/receipt_number").asText()).startsWith("MAIN-");
        assertThat(jdbc.queryForObject("select count(*) from " + TestStores.schema(store) + ".sales", Integer.class))
                .isEqualTo(2);

        // sent again: nothing recorded twice
        Api.Response again = cashier.post("/api/sales/sales/upload/", batch);
        assertThat(again.at("/data/results").findValuesAsText("outcome"))
                .containsExactly("already_recorded", "refused", "refused", "already_recorded");
        assertThat(jdbc.queryForObject("select count(*) from " + TestStores.schema(store) + ".sales", Integer.class))
                .isEqualTo(2);

        // a batch that is not one: empty, too long, not JSON; no token, another store, a role that does not sell
        assertThat(cashier.post("/api/sales/sales/upload/", json("sales", List.of()))
                        .at("/errors/sales")
                        .isArray())
                .isTrue();
        List<Object> tooMany = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            tooMany.add(json("client_id", UUID.randomUUID().toString(), "session", session));
        }
        assertThat(cashier.post("/api/sales/sales/upload/", json("sales", tooMany))
                        .at("/errors/sales")
                        .isArray())
                .isTrue();
        assertThat(cashier.post("/api/sales/sales/upload/", "{\"sales\": [").status())
                .isEqualTo(400);
        assertThat(new Api("http://localhost:" + port)
                        .in(store)
                        .post("/api/sales/sales/upload/", batch)
                        .status())
                .isEqualTo(401);
        assertThat(as(TestStores.newKey("ofu"), 5, "owner")
                        .in(store)
                        .post("/api/sales/sales/upload/", batch)
                        .text("/code"))
                .isEqualTo("not_a_member");
        assertThat(as(store, 7, "stockkeeper")
                        .post("/api/sales/sales/upload/", batch)
                        .text("/code"))
                .isEqualTo("permission_denied");
        assertThat(jdbc.queryForObject("select count(*) from " + TestStores.schema(store) + ".sales", Integer.class))
                .isEqualTo(2);
    }

    @Test
    void anAbsurdSaleIsRefusedNamingTheBoundAndTheRestOfItsBatchIsRecorded() {
        String store = TestStores.newKey("ofx");
        long session = openShift(store, 5);
        Api cashier = as(store, 5, "cashier").english();
        List<Object> sales = new ArrayList<>();
        sales.add(offlineSale(session, json("product", 18), 12000));
        // 999 999 × 12 000 paid in full: the payment is more than Kassa stores
        sales.add(offlineSale(session, json("product", 18, "quantity", 999999), 11999988000L));
        // the same paid 1 000: the line comes to more than Kassa stores
        sales.add(offlineSale(session, json("product", 18, "quantity", 999999), 1000));
        // two lines that fit, a sale that does not (7.2 billion each)
        Map<String, Object> twoLines = offlineSale(session, json("product", 18, "quantity", 600000), 1000);
        twoLines.put(
                "items", List.of(json("product", 18, "quantity", 600000), json("product", 19, "quantity", 600000)));
        sales.add(twoLines);
        sales.add(offlineSale(session, json("product", 20), 12000));
        long releasedBefore = released();

        Api.Response uploaded = cashier.post("/api/sales/sales/upload/", json("sales", sales));
        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(200);
        JsonNode results = uploaded.at("/data/results");
        assertThat(results.findValuesAsText("outcome"))
                .containsExactly("recorded", "refused", "refused", "refused", "recorded");
        assertThat(results.get(1).at("/error/errors/payments.0.amount/0").asText())
                .as("the payment's bound, not 'must be greater than 0'")
                .isEqualTo("At most 9999999999.99.");
        assertThat(results.get(2).at("/error/errors/items.0.quantity/0").asText())
                .isEqualTo("The line comes to more than Kassa can store: at most 9999999999.99");
        assertThat(results.get(3).at("/error/errors/items/0").asText())
                .isEqualTo("The sale comes to more than Kassa can store: at most 9999999999.99");
        assertThat(jdbc.queryForObject("select count(*) from " + TestStores.schema(store) + ".sales", Integer.class))
                .isEqualTo(2);
        assertThat(released() - releasedBefore)
                .as("the holds of the sales refused after holding (one line, then two) went back")
                .isEqualTo(3);
        // a quantity beyond a line's bound says so too
        Api.Response huge =
                cashier.post("/api/sales/sales/", offlineSale(session, json("product", 18, "quantity", 1000000), 1000));
        assertThat(huge.at("/errors/items.0.quantity/0").asText()).isEqualTo("At most 999999.");

        // the web till: a line, then a sale, beyond the bound (a product at 5 000 000 000)
        Api.Response two = cashier.post(
                "/api/sales/sales/scan-item/", json("session", session, "product", FakeCatalog.COSTLY, "quantity", 2));
        assertThat(two.status()).as(two.toString()).isEqualTo(400);
        assertThat(two.at("/errors/quantity/0").asText())
                .isEqualTo("The line comes to more than Kassa can store: at most 9999999999.99");
        Api.Response one =
                cashier.post("/api/sales/sales/scan-item/", json("session", session, "product", FakeCatalog.COSTLY));
        assertThat(one.status()).as(one.toString()).isEqualTo(200);
        Api.Response another =
                cashier.post("/api/sales/sales/scan-item/", json("session", session, "product", FakeCatalog.COSTLY));
        assertThat(another.status()).as(another.toString()).isEqualTo(400);
        assertThat(another.at("/errors/quantity/0").asText())
                .isEqualTo("The sale comes to more than Kassa can store: at most 9999999999.99");
        assertThat(cashier.get("/api/sales/sales/" + one.at("/data/id").asLong() + "/")
                        .at("/items")
                        .size())
                .as("the draft keeps its one line")
                .isEqualTo(1);
    }

    /** How many holds were released in catalog. */
    private static long released() {
        return catalog.holds.values().stream().filter("released"::equals).count();
    }

    /** An offline till's sale of one line, paid in cash. */
    private static Map<String, Object> offlineSale(long session, Map<String, Object> line, long paid) {
        return json(
                "client_id",
                UUID.randomUUID().toString(),
                "session",
                session,
                "items",
                List.of(line),
                "payments",
                List.of(json("payment_method", "cash", "amount", paid)));
    }

    @Test
    void badOneCallSalesAreRefusedBeforeAnythingIsHeld() {
        String store = TestStores.newKey("ofb");
        long session = openShift(store, 5);
        Api cashier = as(store, 5, "cashier");
        int holdsBefore = catalog.holds.size();
        Api.Response bad = cashier.post(
                "/api/sales/sales/",
                json("client_id", "not-a-uuid", "sold_at", "yesterday", "items", List.of(json("quantity", -1))));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.at("/errors").fieldNames())
                .toIterable()
                .contains("client_id", "session", "sold_at", "items.0.product");
        assertThat(cashier.post("/api/sales/sales/", json("session", session, "items", List.of()))
                        .at("/errors/items")
                        .isArray())
                .isTrue();
        assertThat(cashier.post(
                                "/api/sales/sales/",
                                json(
                                        "session",
                                        session,
                                        "sold_at",
                                        Instant.now().plus(1, ChronoUnit.DAYS).toString(),
                                        "items",
                                        List.of(json("product", 1))))
                        .at("/errors/sold_at")
                        .isArray())
                .isTrue();
        assertThat(cashier.post(
                                "/api/sales/sales/",
                                json("session", session, "items", List.of(json("product", 1, "quantity", 0))))
                        .at("/errors/items.0.quantity")
                        .isArray())
                .isTrue();
        assertThat(cashier.post("/api/sales/sales/", "[1,2").status()).isEqualTo(400);
        Map<String, Object> ok = json(
                "session",
                session,
                "items",
                List.of(json("product", 1)),
                "payments",
                List.of(json("payment_method", "card", "amount", 12000)));
        assertThat(as(store, 7, "stockkeeper").post("/api/sales/sales/", ok).text("/code"))
                .isEqualTo("permission_denied");
        assertThat(as(TestStores.newKey("ofb"), 5, "owner")
                        .in(store)
                        .post("/api/sales/sales/", ok)
                        .text("/code"))
                .isEqualTo("not_a_member");
        assertThat(new Api("http://localhost:" + port)
                        .in(store)
                        .post("/api/sales/sales/", ok)
                        .status())
                .isEqualTo(401);
        cashier.post("/api/sales/sessions/" + session + "/close/", json("actual_cash", 0));
        assertThat(cashier.post("/api/sales/sales/", ok).text("/code")).isEqualTo("session_not_open");
        assertThat(catalog.holds).as("nothing was held for refused requests").hasSize(holdsBefore);
        assertThat(jdbc.queryForObject("select count(*) from " + TestStores.schema(store) + ".sales", Integer.class))
                .isZero();

        // the same Idempotency-Key with another body is refused
        long reopened = openShift(store, 5);
        Api till = cashier.header("Idempotency-Key", "upload-" + UUID.randomUUID());
        Map<String, Object> sale = json(
                "session",
                reopened,
                "items",
                List.of(json("product", 1)),
                "payments",
                List.of(json("payment_method", "card", "amount", 12000)));
        assertThat(till.post("/api/sales/sales/", sale).status()).isEqualTo(201);
        assertThat(till.post("/api/sales/sales/", sale).status()).isEqualTo(201);
        assertThat(till.post("/api/sales/sales/", json("session", reopened, "items", List.of(json("product", 2))))
                        .status())
                .isEqualTo(422);
        assertThat(jdbc.queryForObject("select count(*) from " + TestStores.schema(store) + ".sales", Integer.class))
                .isEqualTo(1);
    }

    @Test
    void cashiersGiveSmallDiscountsManagersAnyNeverMoreThanTheAmount() {
        String store = TestStores.newKey("dsc");
        long session = openShift(store, 5);
        Api cashier = as(store, 5, "cashier");
        Api manager = as(store, 9, "manager");
        long sale = Drafts.draft(jdbc, store, session, 5);
        long lineA = jdbc.queryForObject(
                "select id from " + TestStores.schema(store) + ".sale_items where sale_id = ? and product_id = 18",
                Long.class,
                sale);
        long lineB = jdbc.queryForObject(
                "select id from " + TestStores.schema(store) + ".sale_items where sale_id = ? and product_id = 19",
                Long.class,
                sale);
        String url = "/api/sales/sales/" + sale + "/discount/";

        Api.Response line = cashier.post(url, json("item_id", lineA, "discount_percent", 10));
        assertThat(line.status()).as(line.toString()).isEqualTo(200);
        assertThat(line.text("/data/items/0/discount_amount")).isEqualTo("10000.00");
        assertThat(line.text("/data/items/0/line_total")).isEqualTo("90000.00");
        assertThat(line.text("/data/total_amount")).isEqualTo("140000.00");
        Api.Response tooMuch = cashier.post(url, json("discount_percent", 20));
        assertThat(tooMuch.status()).isEqualTo(403);
        assertThat(tooMuch.text("/code")).isEqualTo("discount_needs_manager");
        assertThat(tooMuch.text("/message")).contains("10%");

        Api.Response whole = manager.post(url, json("discount_percent", 20));
        assertThat(whole.status()).as(whole.toString()).isEqualTo(200);
        assertThat(whole.text("/data/subtotal")).isEqualTo("140000.00");
        assertThat(whole.text("/data/discount_amount")).isEqualTo("28000.00");
        assertThat(whole.text("/data/total_amount")).isEqualTo("112000.00");
        // the percent follows the subtotal when a line goes
        Api.Response removed =
                cashier.send("DELETE", "/api/sales/sales/" + sale + "/remove-item/", json("item_id", lineB));
        assertThat(removed.text("/data/discount_amount")).isEqualTo("18000.00");
        assertThat(removed.text("/data/total_amount")).isEqualTo("72000.00");

        assertThat(manager.post(url, json("discount_amount", 90000.01))
                        .at("/errors/discount_amount/0")
                        .asText())
                .contains("90000.00");
        assertThat(manager.post(url, json("discount_amount", 100, "discount_percent", 1))
                        .at("/errors/discount_percent")
                        .isArray())
                .isTrue();
        assertThat(manager.post(url, json("discount_percent", 101))
                        .at("/errors/discount_percent")
                        .isArray())
                .isTrue();
        assertThat(manager.post(url, json()).at("/errors/discount_percent").isArray())
                .isTrue();
        assertThat(manager.post(url, json("item_id", 424242, "discount_amount", 1))
                        .text("/code"))
                .isEqualTo("item_not_found");
        assertThat(as(store, 7, "stockkeeper")
                        .post(url, json("discount_amount", 1))
                        .text("/code"))
                .isEqualTo("permission_denied");

        Api.Response amount = manager.post(url, json("discount_amount", 2000));
        assertThat(amount.text("/data/discount_percent")).isEqualTo("0.00");
        assertThat(amount.text("/data/total_amount")).isEqualTo("88000.00");
        Api.Response paid = cashier.post(
                "/api/sales/sales/" + sale + "/checkout/",
                json("payments", List.of(json("payment_method", "card", "amount", 88000))));
        assertThat(paid.status()).as(paid.toString()).isEqualTo(200);
        assertThat(manager.post(url, json("discount_amount", 1)).text("/code")).isEqualTo("sale_not_pending");
    }
}
