package dev.kassa.sales;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kassa.platform.tenancy.EmployeeDirectory;
import dev.kassa.platform.test.Api;
import dev.kassa.platform.test.ApiDocs;
import dev.kassa.platform.test.KassaIntegrationTest;
import dev.kassa.platform.test.TestStores;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static dev.kassa.platform.test.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

/** Registers, shift lists, breaks (suspend/resume) and the cashier leaderboard. */
@KassaIntegrationTest
@TestPropertySource(properties = {"kassa.sales.catalog-url=http://127.0.0.1:9", "kassa.sales.catalog-timeout=1s"})
class RegistersAndShiftsTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    Api as(String store, long user, String role) {
        return Api.member(port, store, user, "user" + user, role);
    }

    @Autowired
    org.springframework.kafka.core.KafkaTemplate<String, String> kafka;

    @Autowired
    dev.kassa.platform.tenancy.TenantRegistry registry;

    @Test
    void aWarehouseHasNoRegistersAndNoShifts() {
        String depot = TestStores.newKey("whs");
        Api owner = as(depot, 9, "owner");
        // every service learns a store's kind from auth's StoreCreated
        kafka.send(
                        dev.kassa.platform.events.Topics.AUTH,
                        depot,
                        dev.kassa.platform.test.EventSamples.of("StoreCreated")
                                .message(depot, e -> e.set("/tenant_key", depot).set("/kind", "warehouse")))
                .join();
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(15))
                .until(() -> registry.isWarehouse(depot));
        Api.Response register = owner.post("/api/sales/cash-registers/", json("name", "Касса", "code", "W1"));
        assertThat(register.status()).as(register.toString()).isEqualTo(409);
        assertThat(register.text("/code")).isEqualTo("store_is_warehouse");
        Api.Response shift = as(depot, 5, "cashier").post("/api/sales/sessions/open", json());
        assertThat(shift.status()).as(shift.toString()).isEqualTo(409);
        assertThat(shift.text("/code")).isEqualTo("store_is_warehouse");
        assertThat(owner.get("/api/sales/sessions/").status()).isEqualTo(200);

        // a shop opens them as before
        String shop = TestStores.newKey("whs");
        assertThat(as(shop, 5, "cashier")
                        .post("/api/sales/sessions/open", json())
                        .status())
                .isEqualTo(201);
    }

    @Test
    void managersSetUpRegistersAndCashiersOpenShiftsOnThem() {
        String store = TestStores.newKey("reg");
        Api manager = as(store, 9, "manager");
        Api cashier = as(store, 5, "cashier");
        Api.Response created = manager.post(
                "/api/sales/cash-registers/", json("name", "Касса 2", "code", "K2", "location", "У входа"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long register = created.at("/id").asLong();
        assertThat(created.text("/is_active")).isEqualTo("true");
        assertThat(created.text("/active_sessions_count")).isEqualTo("0");

        assertThat(manager.post("/api/sales/cash-registers/", json("name", "Другая", "code", "K2"))
                        .at("/errors/code")
                        .isArray())
                .isTrue();
        Api.Response bad = manager.post("/api/sales/cash_registers/", json("code", "К 2!"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.at("/errors").fieldNames()).toIterable().contains("name", "code");
        assertThat(cashier.post("/api/sales/cash-registers/", json("name", "Моя", "code", "MY"))
                        .text("/code"))
                .isEqualTo("permission_denied");
        assertThat(as(store, 7, "stockkeeper").get("/api/sales/cash-registers/").text("/code"))
                .isEqualTo("permission_denied");
        assertThat(as(TestStores.newKey("reg"), 9, "owner")
                        .in(store)
                        .get("/api/sales/cash-registers/")
                        .text("/code"))
                .isEqualTo("not_a_member");
        assertThat(new Api("http://localhost:" + port)
                        .in(store)
                        .get("/api/sales/cash-registers/")
                        .status())
                .isEqualTo(401);
        assertThat(manager.get("/api/sales/cash-registers/?ordering=price")
                        .at("/errors/ordering")
                        .isArray())
                .isTrue();
        assertThat(manager.get("/api/sales/cash-registers/?is_active=maybe").status())
                .isEqualTo(400);

        Api.Response opened =
                cashier.post("/api/sales/sessions/open/", json("opening_balance", 1000, "cash_register", register));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        assertThat(opened.text("/data/cash_register_name")).isEqualTo("Касса 2");
        long session = opened.at("/data/id").asLong();
        assertThat(cashier.get("/api/sales/cash-registers/" + register + "/").text("/active_sessions_count"))
                .isEqualTo("1");
        assertThat(cashier.get("/api/sales/cash-registers/" + register + "/current_session/")
                        .at("/id")
                        .asLong())
                .isEqualTo(session);
        assertThat(cashier.get("/api/sales/cash-registers/" + register + "/sessions/")
                        .at("/count")
                        .asInt())
                .isEqualTo(1);
        for (String status : new String[] {"bogus", "OPEN"}) {
            Api.Response unknown = cashier.get("/api/sales/cash-registers/" + register + "/sessions/?status=" + status);
            assertThat(unknown.status()).as(status + " " + unknown).isEqualTo(400);
            assertThat(unknown.at("/errors").fieldNames())
                    .toIterable()
                    .as(status)
                    .containsExactly("status");
        }
        assertThat(cashier.get("/api/sales/cash-registers/" + register + "/sessions/?status=open")
                        .at("/count")
                        .asInt())
                .isEqualTo(1);
        assertThat(cashier.get("/api/sales/cash-registers/?search=входа")
                        .at("/count")
                        .asInt())
                .isEqualTo(1);

        // receipt numbers carry the register's code
        long sale = Drafts.draft(jdbc, store, session, 5);
        jdbc.update("delete from " + TestStores.schema(store) + ".sales where id = ?", sale);
        assertThat(manager.delete("/api/sales/cash-registers/" + register + "/").text("/code"))
                .isEqualTo("register_in_use");
        Api.Response off = manager.patch("/api/sales/cash-registers/" + register + "/", json("is_active", false));
        assertThat(off.status()).as(off.toString()).isEqualTo(200);
        assertThat(off.text("/name")).isEqualTo("Касса 2");
        assertThat(as(store, 6, "cashier")
                        .post("/api/sales/sessions/open/", json("opening_balance", 0, "cash_register", register))
                        .at("/errors/cash_register")
                        .isArray())
                .isTrue();
        assertThat(manager.get("/api/sales/cash-registers/?is_active=false")
                        .at("/count")
                        .asInt())
                .isEqualTo(1);

        long spare = manager.post("/api/sales/cash-registers/", json("name", "Запасная", "code", "SPARE"))
                .at("/id")
                .asLong();
        assertThat(manager.delete("/api/sales/cash-registers/" + spare + "/").status())
                .isEqualTo(204);
        assertThat(manager.get("/api/sales/cash-registers/" + spare + "/").text("/code"))
                .isEqualTo("register_not_found");
        assertThat(manager.get("/api/sales/cash-registers/" + spare + "/current_session/")
                        .text("/code"))
                .isEqualTo("register_not_found");
    }

    @Test
    void everyRequestBodyInTheApiDocumentHasAnExample() {
        Api.Response docs = new Api("http://localhost:" + port).get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        ApiDocs.assertComplete("sales-service", docs.body());
        assertThat(docs.text("/info/title")).isEqualTo("Kassa sales-service API");
        assertThat(docs.text("/info/description"))
                .startsWith("Registers and cashiers' shifts")
                .contains("X-Tenant-Key");
        assertThat(docs.at("/paths/~1api~1sales~1sales~1scan-item/post/tags/0").asText())
                .isEqualTo("till");
        // the error codes the service can answer (their status and messages: ApiDocs.assertComplete)
        assertThat(docs.body().at("/components/schemas/ErrorBody/properties/code/enum"))
                .extracting(JsonNode::asText)
                .contains("session_not_open", "sale_not_found", "catalog_unavailable", "not_a_member");
    }

    @Test
    void theWebClientsShiftPathsOpenWithTheRegistersStartingFloatAndCloseTheShift() {
        String store = TestStores.newKey("wcs");
        Api manager = as(store, 9, "manager");
        Api cashier = as(store, 5, "cashier");
        Api.Response register = manager.post(
                "/api/sales/cash-registers/", json("name", "Касса 3", "code", "K3", "starting_float", "50000"));
        assertThat(register.status()).as(register.toString()).isEqualTo(201);
        assertThat(register.text("/starting_float")).isEqualTo("50000.00");
        long registerId = register.at("/id").asLong();

        // the original client's paths: cashier-sessions/…, opened with {} (here with the register only)
        Api.Response opened = cashier.post("/api/sales/cashier-sessions/open/", json("cash_register", registerId));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        assertThat(opened.text("/data/opening_cash")).isEqualTo("50000.00");
        long session = opened.at("/data/id").asLong();
        assertThat(cashier.get("/api/sales/cashier-sessions/current/")
                        .at("/data/id")
                        .asLong())
                .isEqualTo(session);
        assertThat(cashier.get("/api/sales/cashier-sessions/" + session + "/")
                        .at("/id")
                        .asLong())
                .isEqualTo(session);
        assertThat(cashier.get("/api/sales/cashier-sessions/").at("/count").asInt())
                .isEqualTo(1);
        assertThat(cashier.post("/api/sales/cashier-sessions/" + session + "/suspend/", json())
                        .status())
                .isEqualTo(200);
        assertThat(cashier.post("/api/sales/cashier_sessions/" + session + "/resume/", json())
                        .status())
                .isEqualTo(200);
        Api.Response closed =
                cashier.post("/api/sales/cashier-sessions/" + session + "/close/", json("actual_cash", 50000));
        assertThat(closed.status()).as(closed.toString()).isEqualTo(200);
        assertThat(cashier.get("/api/sales/cashier-sessions/" + session + "/report/")
                        .status())
                .isEqualTo(200);
        assertThat(manager.get("/api/sales/cashier-sessions/cashier-stats/").status())
                .isEqualTo(200);
        // the main register starts at 0
        Api.Response plain = as(store, 6, "cashier").post("/api/sales/cashier-sessions/open/", json());
        assertThat(plain.text("/data/opening_cash")).isEqualTo("0.00");
    }

    @Test
    void aShiftTakesABreakAndOnlyAnOpenShiftSellsOrCloses() {
        String store = TestStores.newKey("brk");
        Api cashier = as(store, 5, "cashier");
        long session = cashier.post("/api/sales/sessions/open/", json("opening_balance", 0))
                .at("/data/id")
                .asLong();
        assertThat(as(store, 6, "cashier")
                        .post("/api/sales/sessions/" + session + "/suspend/", null)
                        .text("/code"))
                .isEqualTo("permission_denied");
        Api.Response suspended = cashier.post("/api/sales/sessions/" + session + "/suspend/", null);
        assertThat(suspended.status()).as(suspended.toString()).isEqualTo(200);
        assertThat(suspended.text("/status")).isEqualTo("suspended");
        assertThat(suspended.text("/status_display")).isEqualTo("Приостановлена");
        assertThat(cashier.post("/api/sales/sessions/" + session + "/suspend/", null)
                        .text("/code"))
                .isEqualTo("session_suspended");
        // no sales and no closing during the break, and no second shift either
        assertThat(cashier.post("/api/sales/sales/scan-item/", json("session", session, "product", 18))
                        .text("/code"))
                .isEqualTo("session_not_open");
        assertThat(cashier.post("/api/sales/sessions/" + session + "/close/", json("actual_cash", 0))
                        .text("/code"))
                .isEqualTo("session_not_open");
        assertThat(cashier.post("/api/sales/sessions/open/", json("opening_balance", 0))
                        .text("/code"))
                .isEqualTo("session_already_open");
        assertThat(cashier.get("/api/sales/sessions/current/").text("/data/status"))
                .isEqualTo("suspended");

        Api.Response resumed = cashier.post("/api/sales/shifts/" + session + "/resume/", null);
        assertThat(resumed.status()).as(resumed.toString()).isEqualTo(200);
        assertThat(resumed.text("/status")).isEqualTo("open");
        assertThat(cashier.post("/api/sales/sessions/" + session + "/resume/", null)
                        .text("/code"))
                .isEqualTo("session_open");
        assertThat(cashier.post("/api/sales/sessions/424242/resume/", null).text("/code"))
                .isEqualTo("session_not_found");
        assertThat(cashier.post("/api/sales/sessions/" + session + "/close/", json("actual_cash", 0))
                        .status())
                .isEqualTo(200);
        assertThat(cashier.post("/api/sales/sessions/" + session + "/suspend/", null)
                        .text("/code"))
                .isEqualTo("session_closed");
    }

    @Test
    void cashiersSeeTheirOwnShiftsManagersSeeAll() {
        String store = TestStores.newKey("shl");
        // the original's generic create takes opening_cash
        Api.Response generic = as(store, 5, "cashier").post("/api/sales/sessions/", json("opening_cash", 2500));
        assertThat(generic.status()).as(generic.toString()).isEqualTo(201);
        assertThat(generic.text("/data/opening_cash")).isEqualTo("2500.00");
        long mine = generic.at("/data/id").asLong();
        as(store, 6, "cashier").post("/api/sales/sessions/open/", json("opening_balance", 0));
        Api.Response own = as(store, 5, "cashier").get("/api/sales/sessions/");
        assertThat(own.at("/count").asInt()).as(own.toString()).isEqualTo(1);
        assertThat(own.at("/results/0/id").asLong()).isEqualTo(mine);
        assertThat(as(store, 9, "manager")
                        .get("/api/sales/sessions/")
                        .at("/count")
                        .asInt())
                .isEqualTo(2);
        assertThat(as(store, 9, "manager")
                        .get("/api/sales/sessions/active/")
                        .at("/count")
                        .asInt())
                .isEqualTo(2);
        assertThat(as(store, 9, "manager")
                        .get("/api/sales/sessions/?status=closed")
                        .at("/count")
                        .asInt())
                .isZero();
        assertThat(as(store, 9, "manager")
                        .get("/api/sales/sessions/?search=user6")
                        .at("/count")
                        .asInt())
                .isEqualTo(1);
        assertThat(as(store, 9, "manager")
                        .get("/api/sales/sessions/?status=lost")
                        .at("/errors/status")
                        .isArray())
                .isTrue();
        assertThat(as(store, 9, "manager")
                        .get("/api/sales/sessions/?ordering=cashier")
                        .at("/errors/ordering")
                        .isArray())
                .isTrue();

        Api.Response detail = as(store, 9, "manager").get("/api/sales/sessions/" + mine + "/");
        assertThat(detail.status()).as(detail.toString()).isEqualTo(200);
        assertThat(detail.at("/cash_movements").isArray()).isTrue();
        assertThat(detail.text("/total_sales")).isEqualTo("0.00");
        assertThat(as(store, 6, "cashier")
                        .get("/api/sales/sessions/" + mine + "/")
                        .text("/code"))
                .isEqualTo("permission_denied");
    }

    @Autowired
    EmployeeDirectory staff;

    @Test
    void theLeaderboardRanksCashiersByWhatTheySoldInThePeriod() {
        String store = TestStores.newKey("ldr");
        staff.save(new EmployeeDirectory.Employee(store, 66, 6, "Бобур Каримов", "cashier", "+998901112266", true));
        long first = as(store, 5, "cashier")
                .post("/api/sales/sessions/open/", json("opening_balance", 0))
                .at("/data/id")
                .asLong();
        long second = as(store, 6, "cashier")
                .post("/api/sales/sessions/open/", json("opening_balance", 0))
                .at("/data/id")
                .asLong();
        Map<String, Object> cash = json("payments", List.of(json("payment_method", "cash", "amount", 150000)));
        Map<String, Object> card = json("payments", List.of(json("payment_method", "card", "amount", 150000)));
        as(store, 5, "cashier").post("/api/sales/sales/" + Drafts.draft(jdbc, store, first, 5) + "/checkout/", cash);
        as(store, 6, "cashier").post("/api/sales/sales/" + Drafts.draft(jdbc, store, second, 6) + "/checkout/", cash);
        as(store, 6, "cashier").post("/api/sales/sales/" + Drafts.draft(jdbc, store, second, 6) + "/checkout/", card);

        Api manager = as(store, 9, "manager");
        Api.Response stats = manager.get("/api/sales/sessions/cashier-stats/");
        assertThat(stats.status()).as(stats.toString()).isEqualTo(200);
        assertThat(stats.text("/data/total_cashiers")).isEqualTo("2");
        assertThat(stats.at("/data/cashiers/0/id").asLong()).isEqualTo(6);
        assertThat(stats.text("/data/cashiers/0/total_sales")).isEqualTo("300000.00");
        assertThat(stats.text("/data/cashiers/0/cash_sales")).isEqualTo("150000.00");
        assertThat(stats.text("/data/cashiers/0/card_sales")).isEqualTo("150000.00");
        assertThat(stats.text("/data/cashiers/0/sales_count")).isEqualTo("2");
        assertThat(stats.text("/data/cashiers/0/sessions_count")).isEqualTo("1");
        assertThat(stats.text("/data/cashiers/1/total_sales")).isEqualTo("150000.00");
        // who they are, from the store's employee directory
        assertThat(stats.text("/data/cashiers/0/role")).isEqualTo("cashier");
        assertThat(stats.text("/data/cashiers/0/full_name")).isEqualTo("Бобур Каримов");
        assertThat(stats.text("/data/cashiers/0/phone")).isEqualTo("+998901112266");
        assertThat(stats.at("/data/cashiers/0/employee_id").asLong()).isEqualTo(66);
        assertThat(stats.at("/data/cashiers/1/employee_id").isNull())
                .as("not (yet) in the directory")
                .isTrue();
        assertThat(manager.get("/api/sales/sessions/cashier-stats/?limit=1")
                        .at("/data/cashiers")
                        .size())
                .isEqualTo(1);

        String today = LocalDate.now(ZoneId.of("Asia/Tashkent")).toString();
        String yesterday =
                LocalDate.now(ZoneId.of("Asia/Tashkent")).minusDays(1).toString();
        Api.Response day = manager.get("/api/sales/sessions/cashier-stats/?date_from=" + today + "&date_to=" + today);
        assertThat(day.text("/data/total_cashiers")).isEqualTo("2");
        assertThat(day.text("/data/period/from")).isEqualTo(today + "T00:00+05:00");
        assertThat(day.text("/data/period/to"))
                .as("the last second of the day, as the original showed it")
                .isEqualTo(today + "T23:59:59+05:00");
        assertThat(manager.get("/api/sales/sessions/cashier-stats/?date_from=" + yesterday + "&date_to=" + yesterday)
                        .text("/data/total_cashiers"))
                .isEqualTo("0");
        assertThat(manager.get("/api/sales/sessions/cashier-stats/?date_from=yesterday")
                        .at("/errors/date_from")
                        .isArray())
                .isTrue();
        assertThat(manager.get("/api/sales/sessions/cashier-stats/?date_from=" + today + "&date_to=" + yesterday)
                        .at("/errors/date_to")
                        .isArray())
                .isTrue();
        assertThat(manager.get("/api/sales/sessions/cashier-stats/?limit=-1")
                        .at("/errors/limit")
                        .isArray())
                .isTrue();
        assertThat(as(store, 5, "cashier")
                        .get("/api/sales/sessions/cashier-stats/")
                        .text("/code"))
                .isEqualTo("permission_denied");
    }
}
