package dev.kassa.catalog;

import dev.kassa.platform.test.Api;
import dev.kassa.platform.test.KassaIntegrationTest;
import dev.kassa.platform.test.TestStores;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static dev.kassa.platform.test.Api.json;
import static dev.kassa.platform.test.ExportedFiles.csv;
import static org.assertj.core.api.Assertions.assertThat;

/** The stock ledger and the batches as files (issue 62, export): what an accountant checks the stock value against. */
@KassaIntegrationTest
class StockExportTests {

    @LocalServerPort
    int port;

    Api as(String store, String role) {
        return Api.member(port, store, 4, role, role);
    }

    @Test
    void anOwnerExportsTheLedgerWithValuesAtCostAndTheBatchesWithTheListsFilters() {
        String store = TestStores.newKey("sxe");
        Api owner = as(store, "owner");
        long milk = owner.post(
                        "/api/products/products/",
                        json("name", "Молоко 1л", "sku", "MILK-1", "sale_price", "12000", "cost_price", "9000"))
                .at("/id")
                .asLong();
        long bread = owner.post("/api/products/products/", json("name", "Хлеб", "sku", "BREAD-1", "sale_price", "3000"))
                .at("/id")
                .asLong();
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Tashkent"));
        Api.Response soon = owner.post(
                "/api/products/batches/",
                json(
                        "product",
                        milk,
                        "quantity",
                        10,
                        "purchase_price",
                        "9000.50",
                        "batch_number",
                        "M-SOON",
                        "expiry_date",
                        today.plusDays(5).toString()));
        assertThat(soon.status()).as(soon.toString()).isEqualTo(201);
        owner.post(
                "/api/products/batches/",
                json(
                        "product",
                        milk,
                        "quantity",
                        4,
                        "purchase_price",
                        "8000",
                        "batch_number",
                        "M-LATE",
                        "expiry_date",
                        today.plusDays(90).toString()));
        owner.post("/api/products/batches/", json("product", bread, "quantity", 20, "purchase_price", "2000"));
        Api.Response damaged = owner.post(
                "/api/products/products/" + milk + "/adjust-stock/",
                json(
                        "quantity_change",
                        -3,
                        "reason",
                        "damage",
                        "batch",
                        soon.at("/id").asLong(),
                        "note",
                        "=cmd"));
        assertThat(damaged.status()).as(damaged.toString()).isEqualTo(200);

        Api.Response ledger = owner.get("/api/products/stock-movements/export");
        assertThat(ledger.status()).as(ledger.toString()).isEqualTo(200);
        assertThat(ledger.header("Content-Disposition")).contains("stock-movements-");
        List<List<String>> rows = csv(ledger.bytes(), ';');
        assertThat(rows.get(0)).startsWith("Время", "Артикул", "Товар", "Партия", "Причина", "Количество");
        assertThat(rows).as("three receipts and a write-off").hasSize(5);
        List<String> newest = rows.get(1);
        assertThat(newest.subList(1, 8))
                .as("newest first, signed, valued at the batch's cost")
                .containsExactly("MILK-1", "Молоко 1л", "M-SOON", "damage", "-3,000", "9000,50", "-27001,50");
        assertThat(newest.get(9)).as("a formula stays text").isEqualTo("'=cmd");
        assertThat(csv(
                        owner.get("/api/products/stock-movements/export?product=" + bread)
                                .bytes(),
                        ';'))
                .as("one product's")
                .hasSize(2);
        assertThat(csv(
                        owner.get("/api/products/stock-movements/export?reason=damage")
                                .bytes(),
                        ';'))
                .hasSize(2);

        List<List<String>> batches =
                csv(owner.english().get("/api/products/batches/export").bytes(), ',');
        assertThat(batches.get(0)).startsWith("Batch", "Barcode", "Product", "Supplier", "On hand");
        assertThat(batches).hasSize(4);
        assertThat(batches.get(1).get(0))
                .as("earliest expiry first, as the list")
                .isEqualTo("M-SOON");
        assertThat(batches.get(1).subList(4, 8)).containsExactly("7.000", "0.000", "9000.50", "63003.50");
        List<List<String>> expiring = csv(
                owner.get("/api/products/batches/export?near_expiry=true&days=10&product=" + milk)
                        .bytes(),
                ';');
        assertThat(expiring).as("the list's near-expiry filter").hasSize(2);
        assertThat(expiring.get(1).get(0)).isEqualTo("M-SOON");
    }

    @Test
    void aStockkeeperAnUnknownProductAndABadWindowAreRefused() {
        String store = TestStores.newKey("sxf");
        Api owner = as(store, "owner");
        Api.Response keeper = as(store, "stockkeeper").get("/api/products/stock-movements/export");
        assertThat(keeper.status()).isEqualTo(403);
        assertThat(as(store, "cashier").get("/api/products/batches/export").status())
                .isEqualTo(403);
        Api.Response unknown = owner.get("/api/products/stock-movements/export?product=999999");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.text("/status")).isEqualTo("error");
        Api.Response window = owner.get("/api/products/batches/export?near_expiry=true&days=5000");
        assertThat(window.status()).isEqualTo(400);
        assertThat(window.at("/errors/days").isArray()).isTrue();
        assertThat(owner.get("/api/products/batches/?near_expiry=true&days=5000")
                        .at("/errors/days")
                        .isArray())
                .as("the list refuses it the same way")
                .isTrue();
        assertThat(owner.get("/api/products/batches/export?format=xml").status())
                .isEqualTo(400);
    }
}
