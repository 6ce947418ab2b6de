package dev.kassa.catalog;

import dev.kassa.platform.test.Api;
import dev.kassa.platform.test.ExportedFiles;
import dev.kassa.platform.test.KassaIntegrationTest;
import dev.kassa.platform.test.TestStores;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static dev.kassa.platform.test.Api.json;
import static dev.kassa.platform.test.ExportedFiles.csv;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The product list as a file (issue 62, export): what a back office opens in Excel, in the caller's language, with the
 * list's filters, every product once however long the list, and text a spreadsheet would run kept as text.
 */
@KassaIntegrationTest
class ProductExportTests {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    Api as(String store, String role) {
        return Api.member(port, store, 4, role, role);
    }

    @Test
    void anOwnerExportsTheProductListAsCsvAndXlsxWithStockCostAndTheListsFilters() {
        String store = TestStores.newKey("exp");
        Api owner = as(store, "owner");
        long drinks = owner.post("/api/products/categories/", json("name", "Напитки"))
                .at("/id")
                .asLong();
        owner.post(
                "/api/products/products/",
                json(
                        "name", "Кока-Кола 1.5л",
                        "sku", "COLA-15",
                        "category", drinks,
                        "cost_price", "8000.50",
                        "sale_price", "12000",
                        "initial_quantity", "4",
                        "min_quantity", 2));
        owner.post(
                "/api/products/products/",
                json("name", "=HYPERLINK(\"http://evil\",\"x\")", "sku", "EVIL-1", "sale_price", "100"));
        owner.post(
                "/api/products/products/",
                json("name", "Доставка", "sku", "SERVICE-1", "sale_price", "20000", "track_inventory", false));

        Api.Response csv = owner.get("/api/products/products/export?ordering=name");
        assertThat(csv.status()).as(csv.toString()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Tashkent"));
        assertThat(csv.header("Content-Disposition"))
                .contains("attachment")
                .contains("products-" + store.substring(0, store.lastIndexOf('_')) + "-" + today + ".csv");
        byte[] bytes = csv.bytes();
        assertThat(new String(bytes, 0, 3, StandardCharsets.ISO_8859_1))
                .as("a UTF-8 byte order mark, so Excel reads the Cyrillic")
                .isEqualTo("\u00EF\u00BB\u00BF");
        List<List<String>> rows = csv(bytes, ';');
        assertThat(rows.get(0))
                .startsWith("Артикул", "Штрих-код", "Наименование", "Категория", "Ед. изм.", "Цена продажи")
                .contains("Остаток", "Сумма остатка по себестоимости");
        assertThat(rows).hasSize(4);
        List<String> cola = row(rows, "COLA-15");
        assertThat(cola.get(2)).isEqualTo("Кока-Кола 1.5л");
        assertThat(cola.get(3)).isEqualTo("Напитки");
        assertThat(cola.get(5)).as("a decimal comma in Russian").isEqualTo("12000,00");
        assertThat(cola.get(6)).isEqualTo("8000,50");
        assertThat(cola.get(7)).isEqualTo("4,000");
        assertThat(cola.get(9)).as("4 at 8000.50").isEqualTo("32002,00");
        assertThat(cola.get(11)).isEqualTo("да");
        assertThat(row(rows, "EVIL-1").get(2))
                .as("a formula stays text")
                .isEqualTo("'=HYPERLINK(\"http://evil\",\"x\")");
        assertThat(row(rows, "SERVICE-1").get(7)).as("a service has no stock").isEmpty();

        Api.Response english = owner.english().get("/api/products/products/export?category=" + drinks);
        List<List<String>> en = csv(english.bytes(), ',');
        assertThat(en.get(0)).startsWith("SKU", "Barcode", "Name", "Category");
        assertThat(en).as("the list's filter").hasSize(2);
        assertThat(en.get(1).get(5)).isEqualTo("12000.00");
        assertThat(en.get(1).get(11)).isEqualTo("yes");

        Api.Response xlsx = owner.get("/api/products/products/export?format=xlsx&ordering=name");
        assertThat(xlsx.status()).isEqualTo(200);
        assertThat(xlsx.header("Content-Type")).isEqualTo(XLSX);
        assertThat(xlsx.header("Content-Disposition")).contains(".xlsx");
        List<Row> sheetRows = ExportedFiles.xlsx(xlsx.bytes());
        assertThat(sheetRows).hasSize(4);
        assertThat(sheetRows.get(0).getCellText(0)).isEqualTo("Артикул");
        Row colaRow = sheetRows.stream()
                .filter(r -> "COLA-15".equals(r.getCellText(0)))
                .findFirst()
                .orElseThrow();
        assertThat(colaRow.getCellAsNumber(5)).as("numbers are numbers").hasValueSatisfying(n -> assertThat(n)
                .isEqualByComparingTo("12000"));
        assertThat(colaRow.getCellAsNumber(9))
                .hasValueSatisfying(n -> assertThat(n).isEqualByComparingTo("32002"));
        assertThat(colaRow.getCellAsDate(13)).as("times are dates").isPresent();
    }

    @Test
    void aLongListLeavesWholeEveryProductOnceInTheListsOrder() {
        String store = TestStores.newKey("exq");
        Api owner = as(store, "owner");
        owner.post("/api/products/products/", json("name", "Первый", "sku", "P-0000", "sale_price", "1"));
        jdbc.update("insert into " + TestStores.schema(store)
                + ".products (name, slug, sku, unit_id, sale_price) select 'Товар ' || g, 'p-' || g,"
                + " 'P-' || lpad(g::text, 4, '0'), 1, g from generate_series(1, 1234) g");

        Api.Response csv = owner.get("/api/products/products/export?ordering=name");
        assertThat(csv.status()).as(csv.toString()).isEqualTo(200);
        List<List<String>> rows = csv(csv.bytes(), ';');
        List<String> skus =
                rows.subList(1, rows.size()).stream().map(r -> r.get(0)).toList();
        assertThat(skus)
                .as("three pages of 500 and more, each product once")
                .hasSize(1235)
                .doesNotHaveDuplicates();
        assertThat(rows.subList(1, rows.size()).stream().map(r -> r.get(2)).toList())
                .as("the list's order")
                .isEqualTo(jdbc.queryForList(
                        "select name from " + TestStores.schema(store) + ".products order by name, id", String.class));
    }

    @Test
    void aCashierAnUnknownFormatAndABadFilterAreRefusedBeforeAnythingIsWritten() {
        String store = TestStores.newKey("exr");
        as(store, "owner").post("/api/products/products/", json("name", "Хлеб", "sale_price", "3000"));

        Api.Response cashier = as(store, "cashier").get("/api/products/products/export");
        assertThat(cashier.status()).isEqualTo(403);
        assertThat(cashier.text("/code")).isEqualTo("permission_denied");
        Api.Response stockkeeper = as(store, "stockkeeper").get("/api/products/products/export");
        assertThat(stockkeeper.status())
                .as("exports are for owners and managers")
                .isEqualTo(403);
        assertThat(as(store, "manager").get("/api/products/products/export").status())
                .isEqualTo(200);

        Api.Response pdf = as(store, "owner").get("/api/products/products/export?format=pdf");
        assertThat(pdf.status()).isEqualTo(400);
        assertThat(pdf.text("/status")).isEqualTo("error");
        assertThat(pdf.text("/errors/format/0")).isEqualTo("Формат файла: csv или xlsx");

        Api.Response status = as(store, "owner").get("/api/products/products/export?stock_status=plenty");
        assertThat(status.status()).isEqualTo(400);
        assertThat(status.at("/errors/stock_status").isArray()).isTrue();
        Api.Response price = as(store, "owner").get("/api/products/products/export?min_price=cheap");
        assertThat(price.status()).isEqualTo(400);
        assertThat(price.text("/message"))
                .as("named as a single parameter would be")
                .contains("min_price");
        assertThat(price.at("/errors/min_price").isArray()).isTrue();
        Api.Response list = as(store, "owner").get("/api/products/products/?min_price=cheap");
        assertThat(List.of(list.status(), list.text("/code"), list.text("/message"), list.at("/errors")))
                .as("the list refuses it the same way")
                .isEqualTo(List.of(price.status(), price.text("/code"), price.text("/message"), price.at("/errors")));
    }

    private static List<String> row(List<List<String>> rows, String sku) {
        return rows.stream().filter(r -> r.get(0).equals(sku)).findFirst().orElseThrow();
    }
}
