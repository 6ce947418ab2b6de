package dev.kassa.sales;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kassa.platform.events.Topics;
import dev.kassa.platform.tenancy.EmployeeDirectory;
import dev.kassa.platform.test.Api;
import dev.kassa.platform.test.KassaIntegrationTest;
import dev.kassa.platform.test.TestKafka;
import dev.kassa.platform.test.TestStores;
import dev.kassa.platform.test.TestTokens;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static dev.kassa.platform.test.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

/** A shift from opening to reconciliation, with cash movements, cancels and refunds (catalog is not needed here). */
@KassaIntegrationTest
@TestPropertySource(properties = {"kassa.sales.catalog-url=http://127.0.0.1:9", "kassa.sales.catalog-timeout=1s"})
class ShiftAndRefundTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ObjectMapper objectMapper;

    Api as(String store, long user, String role) {
        return Api.member(port, store, user, "user" + user, role);
    }

    long draft(String store, long session, long cashier) {
        return Drafts.draft(jdbc, store, session, cashier);
    }

    @Test
    void theOwnerWithdrawsCashFromAnOpenTillButNeverMoreThanItHolds() {
        String store = TestStores.newKey("wdr");
        Api cashier = as(store, 5, "cashier");
        Api owner = as(store, 1, "owner");
        long session = cashier.post("/api/sales/sessions/open/", json("opening_balance", 0))
                .at("/data/id")
                .asLong();
        String path = "/api/sales/cash-movements/owner-withdraw/";

        // an empty till has nothing to give
        Api.Response empty = owner.post(path, json("session", session, "amount", 1000));
        assertThat(empty.status()).as(empty.toString()).isEqualTo(400);
        assertThat(empty.text("/code")).isEqualTo("insufficient_cash");

        long sale = draft(store, session, 5);
        assertThat(cashier.post(
                                "/api/sales/sales/" + sale + "/checkout/",
                                json(
                                        "payments",
                                        List.of(json(
                                                "payment_method",
                                                "cash",
                                                "amount",
                                                150000,
                                                "received_amount",
                                                150000))))
                        .status())
                .isEqualTo(200);

        Api.Response tooMuch = owner.post(path, json("session", session, "amount", 150001));
        assertThat(tooMuch.status()).as(tooMuch.toString()).isEqualTo(400);
        assertThat(tooMuch.text("/code")).isEqualTo("exceeds_limit");
        assertThat(tooMuch.text("/max_withdraw")).isEqualTo("150000.00");
        assertThat(tooMuch.text("/message")).contains("150000.00");

        // the web client's body: session, amount, optional description
        Api.Response taken = owner.post(path, json("session", session, "amount", 50000));
        assertThat(taken.status()).as(taken.toString()).isEqualTo(201);
        assertThat(taken.text("/data/cash_before")).isEqualTo("150000.00");
        assertThat(taken.text("/data/cash_after")).isEqualTo("100000.00");
        assertThat(taken.text("/data/movement/reason")).isEqualTo("owner_withdraw");
        assertThat(cashier.get("/api/sales/sessions/current/").text("/data/expected_cash"))
                .isEqualTo("100000.00");

        // bad input, a cashier, no token, another store's owner: refused, and nothing more leaves the till
        assertThat(owner.post(path, json("amount", "abc")).status()).isEqualTo(400);
        assertThat(owner.post(path, json("session", session, "amount", -5))
                        .at("/errors")
                        .has("amount"))
                .isTrue();
        assertThat(cashier.post(path, json("session", session, "amount", 1000)).text("/code"))
                .isEqualTo("permission_denied");
        assertThat(new Api("http://localhost:" + port)
                        .in(store)
                        .post(path, json("session", session, "amount", 1000))
                        .status())
                .isEqualTo(401);
        String other = TestStores.newKey("wdo");
        assertThat(new Api("http://localhost:" + port)
                        .as(TestTokens.token(1, "user1", Map.of(other, "owner")))
                        .in(store)
                        .post(path, json("session", session, "amount", 1000))
                        .text("/code"))
                .isEqualTo("not_a_member");
        assertThat(cashier.get("/api/sales/sessions/current/").text("/data/expected_cash"))
                .isEqualTo("100000.00");
    }

    @Test
    void aShiftClosesWithExpectedCashAndTheDifferenceAfterSalesMovementsAndRefunds() {
        String store = TestStores.newKey("shf");
        Api cashier = as(store, 5, "cashier");
        Api manager = as(store, 9, "manager");
        long session = cashier.post("/api/sales/sessions/open/", json("opening_balance", 100000))
                .at("/data/id")
                .asLong();
        long sale = draft(store, session, 5);
        assertThat(cashier.post(
                                "/api/sales/sales/" + sale + "/checkout/",
                                json(
                                        "payments",
                                        List.of(
                                                json(
                                                        "payment_method",
                                                        "cash",
                                                        "amount",
                                                        100000,
                                                        "received_amount",
                                                        120000),
                                                json("payment_method", "card", "amount", 50000))))
                        .status())
                .isEqualTo(200);

        // while the shift is open the till shows what should be in the drawer: 100000 + 100000 cash kept (change is
        // out)
        assertThat(cashier.get("/api/sales/sessions/current/").text("/data/expected_cash"))
                .isEqualTo("200000.00");
        assertThat(cashier.post(
                                "/api/sales/cash-movements/",
                                json(
                                        "session",
                                        session,
                                        "movement_type",
                                        "cash_out",
                                        "reason",
                                        "collection",
                                        "amount",
                                        30000))
                        .text("/code"))
                .isEqualTo("permission_denied");
        Api.Response out = manager.post(
                "/api/sales/cash-movements/",
                json(
                        "session",
                        session,
                        "movement_type",
                        "cash_out",
                        "reason",
                        "collection",
                        "amount",
                        30000,
                        "description",
                        "Инкассация"));
        assertThat(out.status()).as(out.toString()).isEqualTo(201);
        assertThat(manager.get("/api/sales/sessions/" + session + "/").text("/expected_cash"))
                .isEqualTo("170000.00");
        assertThat(manager.post(
                                "/api/sales/cash-movements/",
                                json(
                                        "session",
                                        session,
                                        "movement_type",
                                        "cash_out",
                                        "reason",
                                        "collection",
                                        "amount",
                                        999999))
                        .text("/code"))
                .isEqualTo("cash_out_exceeds");
        assertThat(manager.post(
                                "/api/sales/cash-movements/",
                                json("session", session, "movement_type", "sideways", "reason", "x", "amount", -1))
                        .at("/errors")
                        .fieldNames())
                .toIterable()
                .contains("movement_type", "reason", "amount");

        // a manager refunds one of the two units of line A in cash: 50000 leaves the till
        long lineA = jdbc.queryForObject(
                "select id from " + TestStores.schema(store) + ".sale_items where sale_id = ? and product_id = 18",
                Long.class,
                sale);
        Api.Response partial = manager.post(
                "/api/sales/sales/" + sale + "/refund/", json("items", List.of(json("item_id", lineA, "quantity", 1))));
        assertThat(partial.status()).as(partial.toString()).isEqualTo(200);
        assertThat(partial.text("/data/status")).isEqualTo("partially_refunded");

        Api.Response payments = manager.get("/api/sales/payments/?session=" + session + "&ordering=amount");
        assertThat(payments.status()).as(payments.toString()).isEqualTo(200);
        assertThat(payments.at("/count").asInt()).isEqualTo(2);
        assertThat(payments.text("/results/0/payment_method")).isEqualTo("card");
        assertThat(payments.text("/results/1/change_amount")).isEqualTo("20000.00");
        assertThat(manager.get("/api/sales/payments/?payment_method=cash&sale=" + sale)
                        .at("/count")
                        .asInt())
                .isEqualTo(1);
        assertThat(manager.get("/api/sales/payments/?payment_method=bitcoin")
                        .at("/errors/payment_method")
                        .isArray())
                .isTrue();
        assertThat(cashier.get("/api/sales/payments/").text("/code")).isEqualTo("permission_denied");

        Api.Response report = cashier.get("/api/sales/sessions/" + session + "/report/");
        assertThat(report.status()).as(report.toString()).isEqualTo(200);
        assertThat(report.text("/sales/count")).isEqualTo("1");
        assertThat(report.text("/sales/total_amount")).isEqualTo("150000.00");
        assertThat(report.text("/refunds/total")).isEqualTo("50000.00");
        assertThat(report.text("/cash_movements/cash_out")).isEqualTo("30000.00");
        // 100000 opening + 100000 cash kept − 50000 refunded − 30000 collected
        assertThat(report.text("/expected_cash")).isEqualTo("120000.00");

        assertThat(as(store, 6, "cashier")
                        .post("/api/sales/sessions/" + session + "/close/", json("actual_cash", 1))
                        .text("/code"))
                .isEqualTo("permission_denied");
        assertThat(cashier.post("/api/sales/sessions/" + session + "/close/", json())
                        .at("/errors/actual_cash")
                        .isArray())
                .isTrue();
        Api.Response closed = cashier.post("/api/sales/sessions/" + session + "/close/", json("actual_cash", 119000));
        assertThat(closed.status()).as(closed.toString()).isEqualTo(200);
        assertThat(closed.text("/data/status")).isEqualTo("closed");
        assertThat(closed.text("/data/expected_cash")).isEqualTo("120000.00");
        assertThat(closed.text("/data/cash_difference")).isEqualTo("-1000.00");
        assertThat(cashier.post("/api/sales/sessions/" + session + "/close/", json("actual_cash", 1))
                        .text("/code"))
                .isEqualTo("session_not_open");
        assertThat(cashier.get("/api/sales/sessions/current/").text("/code")).isEqualTo("no_open_session");
        // the till asks for its draft in the shift it just closed: 404 as in the original (spec S28), not a validation
        // error
        Api.Response draftOfClosed = cashier.get("/api/sales/sales/current/?session=" + session);
        assertThat(draftOfClosed.status()).as(draftOfClosed.toString()).isEqualTo(404);
        assertThat(draftOfClosed.text("/code")).isEqualTo("session_not_found");
    }

    @Test
    void linesPaymentsAndCashMovementsAreReadAndTheirWritesSayWhatToDoInstead() {
        String store = TestStores.newKey("rdo");
        Api cashier = as(store, 5, "cashier");
        Api other = as(store, 6, "cashier");
        Api manager = as(store, 9, "manager");
        long session = cashier.post("/api/sales/sessions/open/", json("opening_balance", 100000))
                .at("/data/id")
                .asLong();
        long otherSession = other.post("/api/sales/sessions/open/", json("opening_balance", 0))
                .at("/data/id")
                .asLong();
        long sale = draft(store, session, 5);
        assertThat(cashier.post(
                                "/api/sales/sales/" + sale + "/checkout/",
                                json(
                                        "payments",
                                        List.of(json(
                                                "payment_method",
                                                "cash",
                                                "amount",
                                                150000,
                                                "received_amount",
                                                150000))))
                        .status())
                .isEqualTo(200);
        assertThat(manager.post(
                                "/api/sales/cash-movements/",
                                json(
                                        "session",
                                        session,
                                        "movement_type",
                                        "cash_out",
                                        "reason",
                                        "collection",
                                        "amount",
                                        30000))
                        .status())
                .isEqualTo(201);
        assertThat(manager.post(
                                "/api/sales/cash-movements/",
                                json(
                                        "session",
                                        otherSession,
                                        "movement_type",
                                        "cash_in",
                                        "reason",
                                        "change",
                                        "amount",
                                        5000))
                        .status())
                .isEqualTo(201);

        // sale items (S30): read-only, filtered and paginated
        Api.Response lines = cashier.get("/api/sales/sale-items/?sale=" + sale);
        assertThat(lines.status()).as(lines.toString()).isEqualTo(200);
        assertThat(lines.at("/count").asInt()).isEqualTo(2);
        assertThat(lines.at("/results/0/sale").asLong()).isEqualTo(sale);
        assertThat(cashier.get("/api/sales/sale-items/?product=18&sale=" + sale)
                        .at("/count")
                        .asInt())
                .isEqualTo(1);
        long line = lines.at("/results/0/id").asLong();
        assertThat(cashier.get("/api/sales/sale-items/" + line + "/").text("/line_total"))
                .isEqualTo(lines.text("/results/0/line_total"));
        assertThat(cashier.get("/api/sales/sale-items/999999/").text("/code")).isEqualTo("not_found");
        assertThat(cashier.get("/api/sales/sale-items/?sale=abc").status()).isEqualTo(400);
        Api.Response write = manager.post(
                "/api/sales/sale-items/", json("sale", sale, "product", 18, "quantity", 1, "unit_price", 1));
        assertThat(write.status()).isEqualTo(405);
        assertThat(write.text("/code")).isEqualTo("method_not_allowed");
        assertThat(write.text("/status")).isEqualTo("error");
        assertThat(write.text("/message")).contains("refund");
        assertThat(write.header("Allow")).isEqualTo("GET");
        assertThat(manager.patch("/api/sales/sale-items/" + line + "/", json("quantity", 9))
                        .status())
                .isEqualTo(405);
        assertThat(manager.delete("/api/sales/sale-items/" + line + "/").status())
                .isEqualTo(405);
        assertThat(cashier.get("/api/sales/sale-items/" + line + "/").text("/quantity"))
                .as("nothing changed")
                .isEqualTo(lines.text("/results/0/quantity"));

        // payments (S31): one by id, writes refused
        long payment = manager.get("/api/sales/payments/?sale=" + sale)
                .at("/results/0/id")
                .asLong();
        Api.Response one = manager.get("/api/sales/payments/" + payment + "/");
        assertThat(one.status()).as(one.toString()).isEqualTo(200);
        assertThat(one.text("/payment_method")).isEqualTo("cash");
        assertThat(one.text("/amount")).isEqualTo("150000.00");
        assertThat(manager.get("/api/sales/payments/999999/").text("/code")).isEqualTo("not_found");
        assertThat(cashier.get("/api/sales/payments/" + payment + "/").text("/code"))
                .isEqualTo("permission_denied");
        assertThat(manager.put("/api/sales/payments/" + payment + "/", json("amount", 1))
                        .status())
                .isEqualTo(405);
        assertThat(manager.post("/api/sales/payments/", json("sale", sale, "amount", 1))
                        .status())
                .isEqualTo(405);

        // cash movements (S32): all of them for a manager, a cashier's own shifts only; filters, ordering; one by id
        Api.Response all = manager.get("/api/sales/cash-movements/?ordering=amount");
        assertThat(all.status()).as(all.toString()).isEqualTo(200);
        assertThat(all.at("/count").asInt()).isEqualTo(2);
        assertThat(all.text("/results/0/amount")).isEqualTo("5000.00");
        assertThat(manager.get("/api/sales/cash-movements/?movement_type=cash_out")
                        .at("/count")
                        .asInt())
                .isEqualTo(1);
        assertThat(manager.get("/api/sales/cash-movements/?reason=change")
                        .at("/results/0/session")
                        .asLong())
                .isEqualTo(otherSession);
        assertThat(manager.get("/api/sales/cash-movements/?session=" + session)
                        .at("/count")
                        .asInt())
                .isEqualTo(1);
        assertThat(cashier.get("/api/sales/cash-movements/").at("/count").asInt())
                .as("a cashier sees their own shift's")
                .isEqualTo(1);
        assertThat(cashier.get("/api/sales/cash-movements/?session=" + otherSession)
                        .text("/code"))
                .isEqualTo("permission_denied");
        assertThat(manager.get("/api/sales/cash-movements/?movement_type=sideways")
                        .at("/errors/movement_type")
                        .isArray())
                .isTrue();
        assertThat(manager.get("/api/sales/cash-movements/?reason=bribe")
                        .at("/errors/reason")
                        .isArray())
                .isTrue();
        assertThat(manager.get("/api/sales/cash-movements/?ordering=color")
                        .at("/errors/ordering")
                        .isArray())
                .isTrue();
        long otherMovement = manager.get("/api/sales/cash-movements/?session=" + otherSession)
                .at("/results/0/id")
                .asLong();
        assertThat(manager.get("/api/sales/cash-movements/" + otherMovement + "/")
                        .text("/reason"))
                .isEqualTo("change");
        assertThat(cashier.get("/api/sales/cash-movements/" + otherMovement + "/")
                        .text("/code"))
                .as("another cashier's")
                .isEqualTo("not_found");
        Api.Response edit = manager.patch("/api/sales/cash-movements/" + otherMovement + "/", json("amount", 1));
        assertThat(edit.status()).isEqualTo(405);
        assertThat(edit.text("/message")).contains("correction");
        assertThat(manager.delete("/api/sales/cash-movements/" + otherMovement + "/")
                        .status())
                .isEqualTo(405);

        // sales and shifts change through their actions only
        assertThat(manager.put("/api/sales/sales/" + sale + "/", json("total_amount", 1))
                        .text("/code"))
                .isEqualTo("method_not_allowed");
        assertThat(manager.delete("/api/sales/sales/" + sale + "/").status()).isEqualTo(405);
        Api.Response complete = cashier.post("/api/sales/sales/" + sale + "/complete/", null);
        assertThat(complete.status()).isEqualTo(405);
        assertThat(complete.text("/message")).contains("checkout");
        assertThat(manager.patch("/api/sales/sessions/" + session + "/", json("opening_cash", 1))
                        .status())
                .isEqualTo(405);
        assertThat(manager.delete("/api/sales/shifts/" + session + "/").status())
                .isEqualTo(405);
        assertThat(manager.get("/api/sales/sales/" + sale + "/").text("/status"))
                .isEqualTo("completed");

        // no token, another store's key, a role that may not sell
        assertThat(new Api("http://localhost:" + port)
                        .in(store)
                        .get("/api/sales/sale-items/")
                        .status())
                .isEqualTo(401);
        assertThat(as(TestStores.newKey("rdo"), 9, "manager")
                        .in(store)
                        .get("/api/sales/cash-movements/")
                        .text("/code"))
                .isEqualTo("not_a_member");
        assertThat(as(store, 7, "stockkeeper").get("/api/sales/sale-items/").text("/code"))
                .isEqualTo("permission_denied");
        assertThat(as(store, 7, "stockkeeper").get("/api/sales/cash-movements/").text("/code"))
                .isEqualTo("permission_denied");
    }

    @Test
    void aRetriedCheckoutWithItsIdempotencyKeyIsAnsweredOnceAndPaidOnce() {
        String store = TestStores.newKey("idm");
        Api cashier = as(store, 5, "cashier");
        long session = cashier.post("/api/sales/sessions/open/", json("opening_balance", 0))
                .at("/data/id")
                .asLong();
        long sale = draft(store, session, 5);
        Api till = cashier.header("Idempotency-Key", "checkout-" + sale);
        Map<String, Object> pay =
                json("payments", List.of(json("payment_method", "cash", "amount", 150000, "received_amount", 200000)));
        Api.Response first = till.post("/api/sales/sales/" + sale + "/checkout/", pay);
        Api.Response retry = till.post("/api/sales/sales/" + sale + "/checkout/", pay);
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(retry.status()).as(retry.toString()).isEqualTo(200);
        assertThat(retry.raw()).isEqualTo(first.raw());
        assertThat(jdbc.queryForObject("select count(*) from " + TestStores.schema(store) + ".payments", Integer.class))
                .isEqualTo(1);
    }

    @Test
    void salesAreListedFilteredAndPrintedAsReceipts() {
        String store = TestStores.newKey("lst");
        Api cashier = as(store, 5, "cashier");
        long session = cashier.post("/api/sales/sessions/open/", json("opening_balance", 0))
                .at("/data/id")
                .asLong();
        long done = draft(store, session, 5);
        assertThat(cashier.post(
                                "/api/sales/sales/" + done + "/checkout/",
                                json(
                                        "customer_phone",
                                        "998",
                                        "payments",
                                        List.of(json("payment_method", "cash", "amount", 1))))
                        .at("/errors/customer_phone")
                        .isArray())
                .isTrue();
        cashier.post(
                "/api/sales/sales/" + done + "/checkout/",
                json(
                        "customer_name",
                        "Алишер Навоий",
                        "customer_phone",
                        "+998901234567",
                        "payments",
                        List.of(json("payment_method", "cash", "amount", 150000, "received_amount", 200000))));
        assertThat(cashier.get("/api/sales/sales/current/?session=" + session)
                        .at("/data")
                        .isNull())
                .isTrue();
        long open = draft(store, session, 5);
        assertThat(cashier.get("/api/sales/sales/current/?session=" + session)
                        .at("/data/id")
                        .asLong())
                .isEqualTo(open);
        assertThat(cashier.get("/api/sales/sales/current/")
                        .at("/errors/session")
                        .isArray())
                .isTrue();

        assertThat(cashier.get("/api/sales/sales/").at("/count").asInt()).isEqualTo(2);
        assertThat(cashier.get("/api/sales/sales/?status=completed")
                        .at("/count")
                        .asInt())
                .isEqualTo(1);
        assertThat(cashier.get("/api/sales/sales/?session=" + session + "&status=pending")
                        .at("/results/0/id")
                        .asLong())
                .isEqualTo(open);
        String receiptNumber = cashier.get("/api/sales/sales/" + done + "/").text("/receipt_number");
        assertThat(cashier.get("/api/sales/sales/?search=" + receiptNumber)
                        .at("/count")
                        .asInt())
                .isEqualTo(1);
        assertThat(cashier.get("/api/sales/sales/?search=%25").at("/count").asInt())
                .isZero();
        assertThat(cashier.get("/api/sales/sales/?search=" + URLEncoder.encode("Навоий", StandardCharsets.UTF_8))
                        .at("/results/0/id")
                        .asLong())
                .isEqualTo(done);
        assertThat(cashier.get("/api/sales/sales/?search=901234567")
                        .at("/count")
                        .asInt())
                .isEqualTo(1);
        assertThat(cashier.get("/api/sales/sales/?page_size=0").status()).isEqualTo(400);
        assertThat(cashier.get("/api/sales/sales/?ordering=created_at")
                        .at("/results/0/id")
                        .asLong())
                .isEqualTo(done);
        assertThat(cashier.get("/api/sales/sales/?ordering=-created_at")
                        .at("/results/0/id")
                        .asLong())
                .isEqualTo(open);
        assertThat(cashier.get("/api/sales/sales/?ordering=-completed_at")
                        .at("/results/0/id")
                        .asLong())
                .isEqualTo(done);
        assertThat(cashier.get("/api/sales/sales/?ordering=cashier")
                        .at("/errors/ordering")
                        .isArray())
                .isTrue();
        // today's completed sales need a business date, which checkout sets
        assertThat(cashier.get("/api/sales/sales/today/").at("/count").asInt()).isEqualTo(1);

        jdbc.update(
                "update public.kassa_tenant set store_name = 'Супермаркет Азия', address = 'ул. Навои, 1', tax_id = '301234567' where tenant_key = ?",
                store);
        Api.Response receipt = cashier.get("/api/sales/sales/" + done + "/receipt/");
        assertThat(receipt.status()).as(receipt.toString()).isEqualTo(200);
        assertThat(receipt.text("/receipt/store_name")).isEqualTo("Супермаркет Азия");
        assertThat(receipt.text("/receipt/store_address")).isEqualTo("ул. Навои, 1");
        assertThat(receipt.text("/receipt/tax_id")).isEqualTo("301234567");
        assertThat(receipt.text("/receipt/total")).isEqualTo("150000.00");
        assertThat(receipt.text("/receipt/change")).isEqualTo("50000.00");
        assertThat(receipt.text("/receipt/payments/0/method_display")).isEqualTo("Наличные");
        assertThat(receipt.at("/receipt/items").size()).isEqualTo(2);
        assertThat(cashier.get("/api/sales/sales/424242/").text("/code")).isEqualTo("sale_not_found");
        assertThat(as(store, 7, "stockkeeper").get("/api/sales/sales/").text("/code"))
                .isEqualTo("permission_denied");
        assertThat(as(TestStores.newKey("lst"), 5, "owner")
                        .get("/api/sales/sales/")
                        .at("/count")
                        .asInt())
                .isZero();
    }

    @Test
    void aShiftWithAnOpenSaleCannotClose() {
        String store = TestStores.newKey("shg");
        Api cashier = as(store, 5, "cashier");
        long session = cashier.post("/api/sales/sessions/open/", json("opening_balance", 0))
                .at("/data/id")
                .asLong();
        draft(store, session, 5);
        assertThat(cashier.post("/api/sales/sessions/" + session + "/close/", json("actual_cash", 0))
                        .text("/code"))
                .isEqualTo("pending_sales");
    }

    @Test
    void theWebClientClosesWithTheShortageAgainstTheExpectedCash() {
        String store = TestStores.newKey("sho");
        Api cashier = as(store, 6, "cashier");
        long session = cashier.post("/api/sales/cashier-sessions/open/", json("opening_balance", 50000))
                .at("/data/id")
                .asLong();
        Api.Response tooMuch =
                cashier.post("/api/sales/cashier-sessions/" + session + "/close/", json("shortage", 60000));
        assertThat(tooMuch.at("/errors/shortage").isArray())
                .as(tooMuch.toString())
                .isTrue();
        assertThat(cashier.post("/api/sales/cashier-sessions/" + session + "/close/", json("shortage", -5))
                        .at("/errors/shortage")
                        .isArray())
                .isTrue();
        Api.Response closed =
                cashier.post("/api/sales/cashier-sessions/" + session + "/close/", json("shortage", 2000));
        assertThat(closed.status()).as(closed.toString()).isEqualTo(200);
        assertThat(closed.text("/data/actual_cash")).isEqualTo("48000.00");
        assertThat(closed.text("/data/cash_difference")).isEqualTo("-2000.00");
    }

    @Autowired
    EmployeeDirectory staff;

    @Autowired
    MeterRegistry meters;

    private double checkouts(String outcome) {
        Timer timer = meters.find("kassa.checkout").tag("outcome", outcome).timer();
        return timer == null ? 0 : timer.count();
    }

    @Test
    void onASharedTillTheOwnerRecordsTheSaleForTheCashierWhoMadeIt() {
        String store = TestStores.newKey("sel");
        staff.save(new EmployeeDirectory.Employee(store, 31, 131, "Анна Петрова", "cashier", "", true));
        staff.save(new EmployeeDirectory.Employee(store, 32, 132, "Бывший Кассир", "cashier", "", false));
        Api owner = as(store, 1, "owner");
        long session = owner.post("/api/sales/sessions/open/", json("opening_balance", 0))
                .at("/data/id")
                .asLong();
        long sale = draft(store, session, 1);
        List<Map<String, Object>> cash = List.of(json("payment_method", "cash", "amount", 150000));
        double refusedBefore = checkouts("refused");
        double completedBefore = checkouts("completed");
        double salesBefore = meters.counter("kassa.sales.completed").count();
        assertThat(owner.post("/api/sales/sales/" + sale + "/checkout/", json("payments", cash, "cashier_id", 99))
                        .at("/errors/cashier_id")
                        .isArray())
                .isTrue();
        assertThat(owner.post("/api/sales/sales/" + sale + "/checkout/", json("payments", cash, "cashier_id", 32))
                        .at("/errors/cashier_id")
                        .isArray())
                .as("no longer works here")
                .isTrue();
        Api.Response sold =
                owner.post("/api/sales/sales/" + sale + "/checkout/", json("payments", cash, "cashier_id", 31));
        assertThat(sold.status()).as(sold.toString()).isEqualTo(200);
        assertThat(sold.text("/data/cashier_name")).isEqualTo("Анна Петрова");
        // the till's own metrics (the checkout p99 alert and the overview dashboard read them)
        assertThat(checkouts("refused")).isEqualTo(refusedBefore + 2);
        assertThat(checkouts("completed")).isEqualTo(completedBefore + 1);
        assertThat(meters.counter("kassa.sales.completed").count()).isEqualTo(salesBefore + 1);
        // the web client's history page: by seller, by dates, by receipt, paged by limit and offset
        assertThat(owner.get("/api/sales/sales/?cashier=131").at("/count").asInt())
                .isEqualTo(1);
        assertThat(owner.get("/api/sales/sales/?cashier=1").at("/count").asInt())
                .isZero();
        assertThat(owner.get("/api/sales/sales/?date_from=2000-01-01&date_to=2000-01-02")
                        .at("/count")
                        .asInt())
                .isZero();
        Api.Response paged = owner.get("/api/sales/sales/?date_from=2000-01-01&date_to=2999-12-31&limit=1&offset=0");
        assertThat(paged.at("/count").asInt()).as(paged.toString()).isEqualTo(1);
        assertThat(paged.at("/results").size()).isEqualTo(1);
        assertThat(owner.get("/api/sales/sales/?transaction_id=" + sold.text("/data/receipt_number"))
                        .at("/count")
                        .asInt())
                .isEqualTo(1);
        assertThat(owner.get("/api/sales/sales/?date_from=yesterday")
                        .at("/errors/date_from")
                        .isArray())
                .isTrue();
        assertThat(owner.get("/api/sales/sales/?limit=2&offset=1")
                        .at("/errors/offset")
                        .isArray())
                .isTrue();
        assertThat(owner.get("/api/sales/sales/?limit=0").at("/errors/limit").isArray())
                .isTrue();
        assertThat(jdbc.queryForObject(
                        "select cashier_user_id from " + TestStores.schema(store) + ".sales where id = ?",
                        Long.class,
                        sale))
                .isEqualTo(131);

        // a cashier sells only in their own name
        Api cashier = as(store, 5, "cashier");
        long own = cashier.post("/api/sales/sessions/open/", json("opening_balance", 0))
                .at("/data/id")
                .asLong();
        long next = draft(store, own, 5);
        assertThat(cashier.post("/api/sales/sales/" + next + "/checkout/", json("payments", cash, "cashier_id", 31))
                        .text("/code"))
                .isEqualTo("permission_denied");
        assertThat(jdbc.queryForObject(
                        "select status from " + TestStores.schema(store) + ".sales where id = ?", String.class, next))
                .as("nothing half-done")
                .isEqualTo("pending");
        staff.save(new EmployeeDirectory.Employee(store, 35, 5, "Сам Кассир", "cashier", "", true));
        assertThat(cashier.post("/api/sales/sales/" + next + "/checkout/", json("payments", cash, "cashier_id", 35))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void draftsAreCancelledByManagersLinesRemovedByCashiers() {
        String store = TestStores.newKey("cnl");
        Api cashier = as(store, 5, "cashier");
        long session = cashier.post("/api/sales/sessions/open/", json("opening_balance", 0))
                .at("/data/id")
                .asLong();
        long sale = draft(store, session, 5);
        long lineB = jdbc.queryForObject(
                "select id from " + TestStores.schema(store) + ".sale_items where sale_id = ? and product_id = 19",
                Long.class,
                sale);
        Api.Response removed =
                cashier.send("DELETE", "/api/sales/sales/" + sale + "/remove-item/", json("item_id", lineB));
        assertThat(removed.status()).as(removed.toString()).isEqualTo(200);
        assertThat(removed.text("/data/total_amount")).isEqualTo("100000.00");
        assertThat(removed.at("/data/items").size()).isEqualTo(1);
        assertThat(cashier.send("DELETE", "/api/sales/sales/" + sale + "/remove_item/", json("item_id", 987654))
                        .text("/code"))
                .isEqualTo("item_not_found");

        assertThat(cashier.post("/api/sales/sales/" + sale + "/cancel/", null).text("/code"))
                .isEqualTo("permission_denied");
        Api.Response cancelled = as(store, 9, "manager").post("/api/sales/sales/" + sale + "/cancel/", null);
        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
        assertThat(cancelled.text("/data/status")).isEqualTo("cancelled");
        assertThat(as(store, 9, "manager")
                        .post("/api/sales/sales/" + sale + "/cancel/", null)
                        .text("/code"))
                .isEqualTo("sale_not_pending");
        assertThat(cashier.post(
                                "/api/sales/sales/" + sale + "/checkout/",
                                json("payments", List.of(json("payment_method", "cash", "amount", 1))))
                        .text("/code"))
                .isEqualTo("sale_not_pending");
    }

    @Test
    void refundsNeverExceedWhatWasSoldAndAreAnnounced() throws Exception {
        String store = TestStores.newKey("rfd");
        Api cashier = as(store, 5, "cashier");
        Api owner = as(store, 1, "owner");
        long session = cashier.post("/api/sales/sessions/open/", json("opening_balance", 0))
                .at("/data/id")
                .asLong();
        long sale = draft(store, session, 5);
        assertThat(owner.post("/api/sales/sales/" + sale + "/refund/", json()).text("/code"))
                .isEqualTo("sale_not_refundable");
        cashier.post(
                "/api/sales/sales/" + sale + "/checkout/",
                json("payments", List.of(json("payment_method", "card", "amount", 150000))));
        assertThat(cashier.post("/api/sales/sales/" + sale + "/refund/", json()).text("/code"))
                .isEqualTo("permission_denied");
        long lineA = jdbc.queryForObject(
                "select id from " + TestStores.schema(store) + ".sale_items where sale_id = ? and product_id = 18",
                Long.class,
                sale);
        Api.Response tooMuch = owner.post(
                "/api/sales/sales/" + sale + "/refund/", json("items", List.of(json("item_id", lineA, "quantity", 3))));
        assertThat(tooMuch.status()).isEqualTo(400);
        assertThat(tooMuch.text("/errors/items.0.quantity/0")).contains("2");
        assertThat(owner.post("/api/sales/sales/" + sale + "/refund/", json("method", "barter"))
                        .at("/errors/method")
                        .isArray())
                .isTrue();

        try (KafkaConsumer<String, String> consumer = TestKafka.consumer()) {
            consumer.subscribe(List.of(Topics.SALES));
            Api.Response full =
                    owner.post("/api/sales/sales/" + sale + "/refund/", json("method", "card", "reason", "брак"));
            assertThat(full.status()).as(full.toString()).isEqualTo(200);
            assertThat(full.text("/data/status")).isEqualTo("refunded");
            assertThat(full.text("/data/items/0/refunded_quantity")).isEqualTo("2.000");
            assertThat(owner.post("/api/sales/sales/" + sale + "/refund/", json())
                            .text("/code"))
                    .isEqualTo("sale_not_refundable");

            JsonNode refund =
                    TestKafka.awaitEvent(consumer, store, "SaleRefunded").path("payload");
            assertThat(refund.path("amount").asText()).isEqualTo("150000.00");
            assertThat(refund.path("fully_refunded").asBoolean()).isTrue();
            assertThat(refund.path("lines")).hasSize(2);
            assertThat(refund.path("lines").get(0).path("batch_id").asLong()).isEqualTo(31);
        }
    }
}
