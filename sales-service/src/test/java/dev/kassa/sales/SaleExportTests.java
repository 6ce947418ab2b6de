package dev.kassa.sales;

import dev.kassa.platform.test.Api;
import dev.kassa.platform.test.ExportedFiles;
import dev.kassa.platform.test.KassaIntegrationTest;
import dev.kassa.platform.test.TestStores;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.kassa.platform.test.Api.json;
import static dev.kassa.platform.test.ExportedFiles.csv;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sales list as a file (issue 62, export): a row per sale with what each tender paid, or a row per sold line, with
 * the list's filters, from a cursor however many sales there are; owners and managers only.
 */
@KassaIntegrationTest
class SaleExportTests {

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

    Map<String, Object> sale(long session, List<Map<String, Object>> items, List<Map<String, Object>> payments) {
        return json(
                "client_id", UUID.randomUUID().toString(),
                "session", session,
                "sold_at", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
                "items", items,
                "payments", payments);
    }

    @Test
    void anOwnerExportsSalesWithTheirTendersAndTheirLinesWithTheListsFilters() {
        String store = TestStores.newKey("sxp");
        long session = openShift(store, 5);
        Api cashier = as(store, 5, "cashier");
        Api.Response split = cashier.post(
                "/api/sales/sales/",
                sale(
                        session,
                        List.of(json("product", 18, "quantity", 2), json("product", 19)),
                        List.of(
                                json("payment_method", "cash", "amount", 20000, "received_amount", 20000),
                                json("payment_method", "card", "amount", 16000))));
        assertThat(split.status()).as(split.toString()).isEqualTo(201);
        Api.Response cash = cashier.post(
                "/api/sales/sales/",
                sale(
                        session,
                        List.of(json("product", 18)),
                        List.of(json("payment_method", "cash", "amount", 12000, "received_amount", 15000))));
        assertThat(cash.status()).as(cash.toString()).isEqualTo(201);

        Api owner = as(store, 1, "owner");
        Api.Response file = owner.get("/api/sales/sales/export?ordering=created_at");
        assertThat(file.status()).as(file.toString()).isEqualTo(200);
        assertThat(file.header("Content-Type")).startsWith("text/csv");
        List<List<String>> rows = csv(file.bytes(), ';');
        assertThat(rows.get(0)).startsWith("Чек", "Статус", "Дата", "Время продажи", "Касса", "Кассир");
        assertThat(rows).hasSize(3);
        List<String> first = rows.get(1);
        assertThat(first.get(0)).isEqualTo(split.text("/data/receipt_number"));
        assertThat(first.get(1)).isEqualTo("Завершена");
        assertThat(first.get(5)).isEqualTo("user5");
        assertThat(first.get(8)).as("items sold").isEqualTo("3,000");
        assertThat(first.get(12)).as("total").isEqualTo("36000,00");
        assertThat(first.subList(13, 16)).as("cash, card, other").containsExactly("20000,00", "16000,00", "0,00");
        assertThat(rows.get(2).subList(13, 16))
                .as("the cash kept, not the cash handed over")
                .containsExactly("12000,00", "0,00", "0,00");

        List<List<String>> lines = csv(
                owner.english()
                        .get("/api/sales/sales/export?lines=true&ordering=created_at")
                        .bytes(),
                ',');
        assertThat(lines.get(0)).startsWith("Receipt", "Status", "Date", "Sold at", "Cashier", "Customer", "SKU");
        assertThat(lines).as("a row per sold line").hasSize(4);
        assertThat(lines.get(1).get(1)).isEqualTo("Completed");
        assertThat(lines.get(1).get(9)).isEqualTo("2.000");
        assertThat(lines.get(1).get(13)).isEqualTo("24000.00");

        Api.Response none = owner.get("/api/sales/sales/export?date_from=2000-01-01&date_to=2000-01-02");
        assertThat(csv(none.bytes(), ';'))
                .as("the list's date filter: the header alone")
                .hasSize(1);
        assertThat(none.header("Content-Disposition"))
                .contains("sales-" + store.substring(0, store.lastIndexOf('_')) + "-2000-01-01_2000-01-02.csv");
        assertThat(csv(
                        owner.get("/api/sales/sales/export?transaction_id=" + cash.text("/data/receipt_number"))
                                .bytes(),
                        ';'))
                .hasSize(2);

        Api.Response xlsx = owner.get("/api/sales/sales/export?format=xlsx&ordering=created_at");
        List<Row> read = ExportedFiles.xlsx(xlsx.bytes());
        assertThat(read).hasSize(3);
        assertThat(read.get(1).getCellAsNumber(12))
                .hasValueSatisfying(n -> assertThat(n).isEqualByComparingTo("36000"));
        assertThat(read.get(1).getCellAsDate(3))
                .as("the time of sale is a date")
                .isPresent();
    }

    @Test
    void thousandsOfSalesLeaveFromACursorEachOnceInTheListsOrder() {
        String store = TestStores.newKey("sxq");
        long session = openShift(store, 5);
        jdbc.update(
                "insert into " + TestStores.schema(store)
                        + ".sales (session_id, cashier_user_id, cashier_name, receipt_number, status, total_amount, completed_at,"
                        + " business_date) select ?, 5, 'user5', 'R-' || lpad(g::text, 5, '0'), 'completed', g,"
                        + " now() - make_interval(secs => g), current_date from generate_series(1, 3500) g",
                session);

        Api.Response file = as(store, 1, "owner").get("/api/sales/sales/export?ordering=-total_amount");
        assertThat(file.status()).isEqualTo(200);
        List<List<String>> rows = csv(file.bytes(), ';');
        List<String> receipts =
                rows.subList(1, rows.size()).stream().map(r -> r.get(0)).toList();
        assertThat(receipts).hasSize(3500).doesNotHaveDuplicates();
        assertThat(receipts.get(0)).isEqualTo("R-03500");
        assertThat(receipts.get(3499)).isEqualTo("R-00001");
    }

    @Test
    void aCashierABadDateAndAnUnknownFormatAreRefusedAsTheListRefusesThem() {
        String store = TestStores.newKey("sxr");
        openShift(store, 5);
        Api owner = as(store, 1, "owner");

        Api.Response cashier = as(store, 5, "cashier").get("/api/sales/sales/export");
        assertThat(cashier.status()).isEqualTo(403);
        assertThat(cashier.text("/code")).isEqualTo("permission_denied");
        assertThat(as(store, 2, "manager").get("/api/sales/sales/export").status())
                .isEqualTo(200);

        Api.Response date = owner.get("/api/sales/sales/export?date_from=yesterday");
        assertThat(date.status()).isEqualTo(400);
        assertThat(date.at("/errors/date_from").isArray()).as(date.toString()).isTrue();
        Api.Response list = owner.get("/api/sales/sales/?date_from=yesterday");
        assertThat(List.of(list.status(), list.text("/code"), list.at("/errors")))
                .isEqualTo(List.of(date.status(), date.text("/code"), date.at("/errors")));

        Api.Response format = owner.get("/api/sales/sales/export?format=ods");
        assertThat(format.status()).isEqualTo(400);
        assertThat(format.at("/errors/format").isArray()).isTrue();
        assertThat(owner.get("/api/sales/sales/export?ordering=price").status())
                .as("an ordering the list does not know")
                .isEqualTo(400);
    }
}
