package dev.kassa.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kassa.platform.test.Api;
import dev.kassa.platform.test.ImportedFiles;
import dev.kassa.platform.test.KassaIntegrationTest;
import dev.kassa.platform.test.TestStores;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static dev.kassa.platform.test.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A shop's spreadsheet into its catalogue (issue 62, import): a Russian Excel CSV or an XLSX workbook, products made
 * with their categories, units and opening stock through the ledger, the same file again changing nothing, refused rows
 * named with their reasons while the others are taken, all-or-nothing and dry runs keeping nothing, bad files refused
 * whole, and a job whose instance stopped taken over where its last chunk ended.
 */
@KassaIntegrationTest
class ProductImportTests {

    static final String CSV = "text/csv";
    static final String HEADER_RU =
            "Артикул;Штрих-код;Наименование;Категория;Ед. изм.;Цена продажи;Себестоимость;Остаток;Мин. остаток;Активен\r\n";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    Api as(String store, String role) {
        return Api.member(port, store, 4, role, role);
    }

    static Api.Form file(String name, String contentType, byte[] content) {
        return new Api.Form().file("file", name, contentType, content);
    }

    static JsonNode finished(Api api, Api.Response accepted) {
        return ImportedFiles.finished(api, accepted, "/api/products/imports/");
    }

    @Test
    void aRussianExcelCsvMakesProductsCategoriesUnitsAndOpeningStockAndTheSameFileAgainChangesNothing() {
        String store = TestStores.newKey("imp");
        Api owner = as(store, "owner");
        String csv = HEADER_RU
                + "COLA-15;4780000000014;Кока-Кола 1,5 л;Напитки;шт;12 000,00;8 000,50;4;2;да\r\n"
                + ";;\"Сыр \"\"Российский\"\"\";Молочные продукты;кг;95 000;70 000;2,5;;да\r\n"
                + "\r\n"
                + "WATER-05;;Вода 0,5 л;Напитки;;3000;;;;нет\r\n";
        byte[] bytes = withBom(csv.getBytes(StandardCharsets.UTF_8));

        Api.Response accepted = owner.multipart("POST", "/api/products/imports/", file("товары.csv", CSV, bytes));
        assertThat(accepted.text("/status")).isIn("queued", "running", "done");
        assertThat(accepted.at("/progress/total").asInt())
                .as("the blank line is not a row")
                .isEqualTo(3);
        JsonNode job = finished(owner, accepted);
        assertThat(job.path("status").asText()).as(job.toString()).isEqualTo("done");
        assertThat(job.path("applied").asBoolean()).isTrue();
        assertThat(job.path("format").asText()).isEqualTo("csv");
        assertThat(job.path("file_name").asText()).isEqualTo("товары.csv");
        assertThat(job.at("/counts/created").asInt()).isEqualTo(3);
        assertThat(job.at("/counts/refused").asInt()).isZero();
        assertThat(job.at("/progress/done").asInt()).isEqualTo(3);

        JsonNode cola = owner.get("/api/products/products/?search=COLA-15").at("/results/0");
        assertThat(cola.path("name").asText()).isEqualTo("Кока-Кола 1,5 л");
        assertThat(cola.path("barcode").asText()).isEqualTo("4780000000014");
        assertThat(cola.path("category_name").asText()).isEqualTo("Напитки");
        assertThat(cola.path("sale_price").asText()).isEqualTo("12000.00");
        assertThat(cola.path("cost_price").asText()).isEqualTo("8000.50");
        assertThat(new java.math.BigDecimal(cola.path("quantity").asText())).isEqualByComparingTo("4");
        JsonNode cheese = owner.get("/api/products/products/?search=Российский").at("/results/0");
        assertThat(cheese.path("name").asText()).isEqualTo("Сыр \"Российский\"");
        assertThat(new java.math.BigDecimal(cheese.path("quantity").asText()))
                .as("a decimal comma")
                .isEqualByComparingTo("2.5");
        assertThat(cheese.path("category_name").asText()).isEqualTo("Молочные продукты");
        assertThat(cheese.path("sku").asText())
                .as("a SKU made when none is given")
                .isNotBlank();
        JsonNode water = owner.get("/api/products/products/?search=WATER-05").at("/results/0");
        assertThat(water.path("is_active").asBoolean()).isFalse();
        assertThat(owner.get("/api/products/categories/?search=Напитки")
                        .at("/count")
                        .asInt())
                .as("one category made for two rows")
                .isEqualTo(1);
        JsonNode movements =
                owner.get("/api/products/stock-movements/?reason=import").body();
        assertThat(movements.at("/count").asInt())
                .as("two opening batches through the ledger")
                .isEqualTo(2);
        assertThat(owner.get("/api/products/stock-movements/?product="
                                + cola.path("id").asLong())
                        .at("/results/0/reason")
                        .asText())
                .isEqualTo("import");

        JsonNode again =
                finished(owner, owner.multipart("POST", "/api/products/imports/", file("товары.csv", CSV, bytes)));
        assertThat(again.path("counts").toString())
                .as("the same file again changes nothing")
                .isEqualTo("{\"created\":0,\"updated\":0,\"unchanged\":3,\"refused\":0}");
        assertThat(owner.get("/api/products/products/").at("/count").asInt()).isEqualTo(3);
        assertThat(owner.get("/api/products/stock-movements/?reason=import")
                        .at("/count")
                        .asInt())
                .isEqualTo(2);

        String changed = HEADER_RU + "COLA-15;;;;;13000;;99;;\r\n";
        JsonNode update =
                finished(owner, owner.multipart("POST", "/api/products/imports/", file("p.csv", CSV, utf8(changed))));
        assertThat(update.at("/counts/updated").asInt()).isEqualTo(1);
        assertThat(update.path("ignored_columns").toString()).isEqualTo("[]");
        JsonNode colaAfter = owner.get(
                        "/api/products/products/" + cola.path("id").asLong() + "/")
                .body();
        assertThat(colaAfter.path("sale_price").asText()).isEqualTo("13000.00");
        assertThat(colaAfter.path("name").asText())
                .as("an empty cell changes nothing")
                .isEqualTo("Кока-Кола 1,5 л");
        assertThat(new java.math.BigDecimal(colaAfter.path("quantity").asText()))
                .as("stock of a product that exists changes through receipts and counts, not a file")
                .isEqualByComparingTo("4");
    }

    @Test
    void refusedRowsAreNamedWithTheirColumnsAndCodesWhileTheOthersAreTaken() {
        String store = TestStores.newKey("imp");
        Api owner = as(store, "owner");
        owner.post("/api/products/products/", json("name", "Уже есть", "sku", "TAKEN-1", "barcode", "4780000000021"));
        String csv = HEADER_RU
                + "OK-1;;Хлеб;;;5000;3000;10;;\r\n"
                + "BAD-EAN;4780000000016;Неверный штрих-код;;;1000;;;;\r\n"
                + "CHEAP;;Ниже себестоимости;Нигде;шт.упак;1000;2000;;;\r\n"
                + "NUM;;Не число;;;двенадцать;;;;\r\n"
                + "OK-1;;Повтор;;;5000;;;;\r\n"
                + "TAKEN-2;4780000000021;Чужой штрих-код;;;1000;;;;\r\n"
                + "FLAG;;Флаг;;;1000;;;;может быть\r\n";
        JsonNode dry = finished(
                owner, owner.multipart("POST", "/api/products/imports/?dry_run=true", file("p.csv", CSV, utf8(csv))));
        JsonNode job =
                finished(owner, owner.multipart("POST", "/api/products/imports/", file("p.csv", CSV, utf8(csv))));
        assertThat(job.path("status").asText()).isEqualTo("done");
        assertThat(job.at("/counts/created").asInt()).isEqualTo(1);
        assertThat(job.at("/counts/refused").asInt()).isEqualTo(6);
        assertThat(dry.path("counts"))
                .as("a dry run, which checks without writing, foresees the same")
                .isEqualTo(job.path("counts"));
        assertThat(dry.path("errors")).isEqualTo(job.path("errors"));
        assertThat(owner.get("/api/products/categories/?search=Нигде")
                        .at("/count")
                        .asInt())
                .as("a refused row's category is not made")
                .isZero();
        assertThat(owner.get("/api/products/units/?page_size=100").body().toString())
                .as("nor its unit")
                .doesNotContain("шт.упак");
        List<String> errors = new ArrayList<>();
        job.path("errors")
                .forEach(e -> errors.add(e.path("row").asInt() + " "
                        + e.path("column").asText() + " " + e.path("field").asText() + " "
                        + e.path("code").asText()));
        assertThat(errors)
                .containsExactly(
                        "3 Штрих-код barcode catalog.barcode_check_digit",
                        "4 Цена продажи sale_price catalog.sale_below_cost",
                        "5 Цена продажи sale_price import.number",
                        "6 Артикул sku import.duplicate_row",
                        "7 Штрих-код barcode catalog.barcode_taken",
                        "8 Активен is_active import.yes_no");
        assertThat(job.at("/errors/0/message").asText())
                .contains("контрольной цифрой")
                .contains("4");
        assertThat(job.at("/errors/3/message").asText()).contains("строке 2");
        assertThat(job.path("errors_total").asInt()).isEqualTo(6);
        assertThat(owner.get("/api/products/products/").at("/count").asInt()).isEqualTo(2);

        Api english = owner.english();
        JsonNode en =
                finished(english, english.multipart("POST", "/api/products/imports/", file("p.csv", CSV, utf8(csv))));
        assertThat(en.at("/errors/0/message").asText())
                .as("messages in the language of the upload")
                .contains("check digit");
        assertThat(en.at("/counts/unchanged").asInt())
                .as("the row taken before is unchanged")
                .isEqualTo(1);
    }

    @Test
    void aLongFileGoesInChunkByChunkWithARefusedRowNamedInItsPlaceAndEveryOpeningBatchInTheLedger() {
        String store = TestStores.newKey("imp");
        Api owner = as(store, "owner");
        StringBuilder csv = new StringBuilder(HEADER_RU);
        for (int i = 1; i <= 1200; i++) {
            // row 702 (the file's line 703) of the second chunk cannot be read; every row names one of three categories
            String price = i == 702 ? "дорого" : "1000";
            csv.append("L-")
                    .append(i)
                    .append(";;Товар ")
                    .append(i)
                    .append(";Полка ")
                    .append(i % 3)
                    .append(";;")
                    .append(price)
                    .append(";500;")
                    .append(i % 7 + 1)
                    .append(";;\r\n");
        }
        JsonNode job = finished(
                owner, owner.multipart("POST", "/api/products/imports/", file("long.csv", CSV, utf8(csv.toString()))));
        assertThat(job.path("status").asText()).isEqualTo("done");
        assertThat(job.path("counts").toString())
                .isEqualTo("{\"created\":1199,\"updated\":0,\"unchanged\":0,\"refused\":1}");
        assertThat(job.at("/errors/0/row").asInt()).isEqualTo(703);
        assertThat(job.at("/errors/0/field").asText()).isEqualTo("sale_price");
        assertThat(owner.get("/api/products/products/").at("/count").asInt()).isEqualTo(1199);
        assertThat(owner.get("/api/products/categories/?search=Полка")
                        .at("/count")
                        .asInt())
                .isEqualTo(3);
        String schema = TestStores.schema(store);
        assertThat(jdbc.queryForObject(
                        "select count(*) from " + schema + ".stock_movements where reason = 'import'", Long.class))
                .as("an opening batch through the ledger for each product made")
                .isEqualTo(1199L);
        assertThat(jdbc.queryForObject(
                        "select sum(b.quantity) - sum(m.quantity) from " + schema + ".batches b join " + schema
                                + ".stock_movements m on m.batch_id = b.id",
                        java.math.BigDecimal.class))
                .as("each batch's quantity is its movement's")
                .isZero();
        assertThat(owner.get("/api/products/products/?search=L-701")
                        .at("/results/0/category_name")
                        .asText())
                .isEqualTo("Полка 2");
    }

    @Test
    void allOrNothingKeepsNothingWhenARowIsRefusedAndADryRunKeepsNothingAtAll() {
        String store = TestStores.newKey("imp");
        Api owner = as(store, "owner");
        String good = HEADER_RU + "A-1;;Первый;Новая;;100;;5;;\r\n" + "A-2;;Второй;Новая;;100;;;;\r\n";
        String bad = good + "A-3;;Третий;;;сто;;;;\r\n";

        JsonNode refused = finished(
                owner,
                owner.multipart("POST", "/api/products/imports/?all_or_nothing=true", file("bad.csv", CSV, utf8(bad))));
        assertThat(refused.path("status").asText()).isEqualTo("failed");
        assertThat(refused.path("applied").asBoolean()).isFalse();
        assertThat(refused.at("/failure/code").asText()).isEqualTo("import.rows_refused");
        assertThat(refused.at("/counts/created").asInt())
                .as("what would have been made")
                .isEqualTo(2);
        assertThat(refused.at("/errors/0/row").asInt()).isEqualTo(4);
        assertThat(owner.get("/api/products/products/").at("/count").asInt()).isZero();
        assertThat(owner.get("/api/products/categories/?search=Новая")
                        .at("/count")
                        .asInt())
                .as("the category a refused job made is gone with it")
                .isZero();

        JsonNode dry = finished(
                owner,
                owner.multipart("POST", "/api/products/imports/?dry_run=true", file("good.csv", CSV, utf8(good))));
        assertThat(dry.path("status").asText()).isEqualTo("done");
        assertThat(dry.path("dry_run").asBoolean()).isTrue();
        assertThat(dry.path("applied").asBoolean()).isFalse();
        assertThat(dry.at("/counts/created").asInt()).isEqualTo(2);
        assertThat(owner.get("/api/products/products/").at("/count").asInt()).isZero();
        assertThat(owner.get("/api/products/stock-movements/").at("/count").asInt())
                .isZero();

        JsonNode all = finished(
                owner,
                owner.multipart(
                        "POST", "/api/products/imports/?all_or_nothing=true", file("good.csv", CSV, utf8(good))));
        assertThat(all.path("status").asText()).isEqualTo("done");
        assertThat(all.path("applied").asBoolean()).isTrue();
        assertThat(owner.get("/api/products/products/").at("/count").asInt()).isEqualTo(2);
    }

    @Test
    void anExportedWorkbookComesBackInByBarcodeWithEnglishHeadersAndWindows1251Text() throws IOException {
        String store = TestStores.newKey("imp");
        Api owner = as(store, "owner");
        owner.post(
                "/api/products/products/",
                json(
                        "name",
                        "Молоко",
                        "sku",
                        "MILK-1",
                        "barcode",
                        "4780000000038",
                        "sale_price",
                        "9000",
                        "cost_price",
                        "7000",
                        "initial_quantity",
                        "6"));
        byte[] exported = owner.get("/api/products/products/export?format=xlsx").bytes();
        JsonNode back = finished(
                owner,
                owner.multipart(
                        "POST",
                        "/api/products/imports/?match=barcode",
                        file("export.xlsx", "application/octet-stream", exported)));
        assertThat(back.path("format").asText()).isEqualTo("xlsx");
        assertThat(back.path("counts").toString())
                .as("an export imported back changes nothing")
                .isEqualTo("{\"created\":0,\"updated\":0,\"unchanged\":1,\"refused\":0}");
        assertThat(back.path("ignored_columns").toString())
                .as("what the export computes is not read back")
                .contains("Доступно", "Сумма остатка по себестоимости", "Изменён");

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Workbook book = new Workbook(out, "test", "1.0")) {
            Worksheet sheet = book.newWorksheet("Items");
            String[] header = {"Barcode", "Name", "Sale price", "Cost price", "On hand", "SKU"};
            for (int c = 0; c < header.length; c++) {
                sheet.value(0, c, header[c]);
            }
            sheet.value(1, 0, "4780000000038");
            sheet.value(1, 1, "Молоко 1 л");
            sheet.value(1, 2, 9500);
            sheet.value(2, 0, "4780000000045");
            sheet.value(2, 1, "Кефир");
            sheet.value(2, 2, 8000.5);
            sheet.value(2, 3, 6000);
            sheet.value(2, 4, 3);
            sheet.value(2, 5, "KEFIR-1");
        }
        JsonNode workbook = finished(
                owner,
                owner.multipart(
                        "POST",
                        "/api/products/imports/?match=barcode",
                        file("items.xlsx", "application/octet-stream", out.toByteArray())));
        assertThat(workbook.path("counts").toString())
                .isEqualTo("{\"created\":1,\"updated\":1,\"unchanged\":0,\"refused\":0}");
        JsonNode kefir = owner.get("/api/products/products/?search=KEFIR-1").at("/results/0");
        assertThat(kefir.path("sale_price").asText()).isEqualTo("8000.50");
        assertThat(new java.math.BigDecimal(kefir.path("quantity").asText())).isEqualByComparingTo("3");
        assertThat(owner.get("/api/products/products/?search=MILK-1").text("/results/0/name"))
                .isEqualTo("Молоко 1 л");

        String legacy = "Артикул,Наименование,Цена продажи\r\nTEA-1,Чай зелёный,4500\r\n";
        JsonNode cp1251 = finished(
                owner,
                owner.multipart(
                        "POST",
                        "/api/products/imports/",
                        file("old.csv", CSV, legacy.getBytes(Charset.forName("windows-1251")))));
        assertThat(cp1251.at("/counts/created").asInt()).isEqualTo(1);
        assertThat(owner.get("/api/products/products/?search=TEA-1").text("/results/0/name"))
                .as("an old Excel's Windows-1251 text")
                .isEqualTo("Чай зелёный");
    }

    @Test
    void badFilesAreRefusedWholeWithWhatIsWrongAndNothingKept() throws IOException {
        String store = TestStores.newKey("imp");
        Api owner = as(store, "owner");
        String path = "/api/products/imports/";

        Api.Response png = owner.multipart("POST", path, file("p.csv", CSV, Api.Images.png()));
        assertThat(png.status()).isEqualTo(400);
        assertThat(png.text("/code")).isEqualTo("import_file_type");

        byte[] xls = new byte[512];
        byte[] ole2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
        System.arraycopy(ole2, 0, xls, 0, ole2.length);
        Api.Response old = owner.multipart("POST", path, file("p.xls", "application/vnd.ms-excel", xls));
        assertThat(old.status()).isEqualTo(400);
        assertThat(old.text("/code")).isEqualTo("import_file_type");
        assertThat(old.text("/message")).contains(".xlsx");

        byte[] broken = zip("xl/workbook.xml", "<workbook><sheets><sheet".getBytes(StandardCharsets.UTF_8));
        Api.Response torn = owner.multipart("POST", path, file("p.xlsx", CSV, broken));
        assertThat(torn.status()).as(torn.toString()).isEqualTo(400);
        assertThat(torn.text("/code")).isEqualTo("import_file_broken");

        Api.Response notAWorkbook =
                owner.multipart("POST", path, file("p.xlsx", CSV, zip("word/document.xml", new byte[10])));
        assertThat(notAWorkbook.text("/code")).isEqualTo("import_file_type");

        byte[] bomb = zip("xl/worksheets/sheet1.xml", new byte[110 * 1024 * 1024]);
        assertThat(bomb.length).isLessThan(1024 * 1024);
        Api.Response exploded = owner.multipart("POST", path, file("bomb.xlsx", CSV, bomb));
        assertThat(exploded.status()).isEqualTo(413);
        assertThat(exploded.text("/code")).isEqualTo("file_too_large");
        assertThat(exploded.text("/message")).contains("32 МБ");

        Api.Response xxe = owner.multipart("POST", path, file("xxe.xlsx", CSV, workbookWithExternalEntity()));
        assertThat(xxe.toString()).doesNotContain("root:");
        if (xxe.status() == 202) {
            JsonNode job = finished(owner, xxe);
            assertThat(job.toString()).doesNotContain("root:");
        } else {
            assertThat(xxe.status()).isEqualTo(400);
            assertThat(xxe.text("/code")).isEqualTo("import_file_broken");
        }
        assertThat(owner.get("/api/products/products/?search=root").at("/count").asInt())
                .isZero();

        Api.Response columns =
                owner.multipart("POST", path, file("p.csv", CSV, utf8("Артикул;Цена продажи\r\nA;1\r\n")));
        assertThat(columns.status()).isEqualTo(400);
        assertThat(columns.text("/code")).isEqualTo("import_columns_missing");
        assertThat(columns.text("/message")).contains("Наименование");
        assertThat(columns.at("/missing/0").asText()).isEqualTo("Наименование");

        Api.Response empty = owner.multipart("POST", path, file("p.csv", CSV, utf8(HEADER_RU)));
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.text("/code")).isEqualTo("import_empty");

        StringBuilder many = new StringBuilder("Наименование\n");
        for (int i = 0; i <= 100_000; i++) {
            many.append('x').append(i).append('\n');
        }
        Api.Response tooMany = owner.multipart("POST", path, file("p.csv", CSV, utf8(many.toString())));
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.text("/code")).isEqualTo("import_too_many_rows");

        byte[] large = new byte[21 * 1024 * 1024];
        java.util.Arrays.fill(large, (byte) 'a');
        Api.Response tooLarge = owner.multipart("POST", path, file("p.csv", CSV, large));
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.text("/code")).isEqualTo("file_too_large");

        Api.Response match =
                owner.multipart("POST", path + "?match=name", file("p.csv", CSV, utf8(HEADER_RU + "A;;B;;;1;;;;\r\n")));
        assertThat(match.status()).isEqualTo(400);
        assertThat(match.at("/errors/match/0").asText()).contains("sku, barcode");

        // issue 84, point 11: a blank id is a malformed one, 400 naming it (it was a 500)
        Api.Response blank = owner.get(path + "%20");
        assertThat(blank.status()).as(blank.toString()).isEqualTo(400);
        assertThat(blank.text("/code")).isEqualTo("invalid");
        assertThat(blank.at("/errors/id/0").isTextual()).isTrue();

        Api.Response none = owner.multipart("POST", path, new Api.Form().field("dry_run", "true"));
        assertThat(none.status()).isEqualTo(400);
        assertThat(none.at("/errors/file").isArray()).isTrue();

        assertThat(owner.get("/api/products/products/").at("/count").asInt()).isZero();
        assertThat(jdbc.queryForObject(
                        "select count(*) from " + TestStores.schema(store) + ".kassa_import", Integer.class))
                .as("no job kept for a refused file")
                .isZero();
    }

    /**
     * Issue 84, point 1: a workbook that would take the service down (a number cell a gigabyte long written plainly, shared
     * strings that unpack to more than the service holds) is refused in its place, and the service answers after it.
     */
    @Test
    void aWorkbookBeyondWhatTheServiceHoldsIsRefusedAndTheServiceGoesOn() throws IOException {
        String store = TestStores.newKey("imp");
        Api owner = as(store, "owner");
        String path = "/api/products/imports/";

        byte[] huge = rewritten(
                workbook("Огромное число", "HUGE-1", "Обычный", "PLAIN-1"),
                "xl/worksheets/sheet1.xml",
                xml -> xml.replace("<v>12345</v>", "<v>1E999999999</v>"));
        JsonNode job = finished(owner, owner.multipart("POST", path, file("huge.xlsx", CSV, huge)));
        assertThat(job.path("status").asText()).as(job.toString()).isEqualTo("done");
        assertThat(job.at("/counts/created").asInt()).isEqualTo(1);
        assertThat(job.at("/counts/refused").asInt()).isEqualTo(1);
        assertThat(job.at("/errors/0/row").asInt()).isEqualTo(2);
        assertThat(job.at("/errors/0/field").asText()).isEqualTo("sale_price");
        assertThat(job.at("/errors/0/code").asText()).isEqualTo("import.number");
        assertThat(job.at("/errors/0/message").asText()).hasSizeLessThan(200);

        byte[] strings = rewritten(
                workbook("PLACEHOLDER", "BIG-1", "Второй", "PLAIN-2"),
                "xl/sharedStrings.xml",
                xml -> xml.replace("PLACEHOLDER", "я".repeat(30 * 1024 * 1024)));
        assertThat(strings.length).as("a few hundred KB on the wire").isLessThan(2 * 1024 * 1024);
        Api.Response refused = owner.multipart("POST", path, file("strings.xlsx", CSV, strings));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(413);
        assertThat(refused.text("/code")).isEqualTo("file_too_large");
        assertThat(refused.text("/message")).contains("32 МБ");

        JsonNode plain = owner.get("/api/products/products/?search=PLAIN-1").at("/results/0");
        assertThat(plain.path("name").asText()).isEqualTo("Обычный");
        assertThat(plain.path("sale_price").asText()).isEqualTo("9000.00");
        assertThat(owner.get("/api/products/products/").at("/count").asInt())
                .as("nothing of the refused row or file kept")
                .isEqualTo(1);
    }

    /** A workbook of two products: {@code name1} priced 12345 and {@code name2} priced 9000. */
    private static byte[] workbook(String name1, String sku1, String name2, String sku2) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Workbook book = new Workbook(out, "test", "1.0")) {
            Worksheet sheet = book.newWorksheet("Товары");
            sheet.value(0, 0, "Наименование");
            sheet.value(0, 1, "Артикул");
            sheet.value(0, 2, "Цена продажи");
            sheet.value(1, 0, name1);
            sheet.value(1, 1, sku1);
            sheet.value(1, 2, 12345);
            sheet.value(2, 0, name2);
            sheet.value(2, 1, sku2);
            sheet.value(2, 2, 9000);
        }
        return out.toByteArray();
    }

    /** {@code book} with its entry {@code entry}'s XML changed by {@code edit}, everything else as it was. */
    static byte[] rewritten(byte[] book, String entry, java.util.function.UnaryOperator<String> edit)
            throws IOException {
        ByteArrayOutputStream changed = new ByteArrayOutputStream();
        try (org.apache.commons.compress.archivers.zip.ZipFile in =
                        org.apache.commons.compress.archivers.zip.ZipFile.builder()
                                .setSeekableByteChannel(
                                        new org.apache.commons.compress.utils.SeekableInMemoryByteChannel(book))
                                .get();
                ZipOutputStream zip = new ZipOutputStream(changed)) {
            boolean found = false;
            for (var e : java.util.Collections.list(in.getEntries())) {
                byte[] content = in.getInputStream(e).readAllBytes();
                if (e.getName().equals(entry)) {
                    content = edit.apply(new String(content, StandardCharsets.UTF_8))
                            .getBytes(StandardCharsets.UTF_8);
                    found = true;
                }
                zip.putNextEntry(new ZipEntry(e.getName()));
                zip.write(content);
                zip.closeEntry();
            }
            assertThat(found).as(entry).isTrue();
        }
        return changed.toByteArray();
    }

    @Test
    void importsAreForOwnersAndManagersOfTheStore() {
        String store = TestStores.newKey("imp");
        Api owner = as(store, "owner");
        byte[] bytes = utf8(HEADER_RU + "A;;B;;;1;;;;\r\n");
        JsonNode job = finished(owner, owner.multipart("POST", "/api/products/imports/", file("p.csv", CSV, bytes)));
        String id = job.path("id").asText();

        Api.Response manager = as(store, "manager").get("/api/products/imports/" + id + "/");
        assertThat(manager.status()).isEqualTo(200);
        Api.Response cashier =
                as(store, "cashier").multipart("POST", "/api/products/imports/", file("p.csv", CSV, bytes));
        assertThat(cashier.status()).isEqualTo(403);
        assertThat(as(store, "cashier").get("/api/products/imports/" + id + "/").status())
                .isEqualTo(403);
        Api.Response otherStore = as(TestStores.newKey("imp"), "owner").get("/api/products/imports/" + id + "/");
        assertThat(otherStore.status()).isEqualTo(404);
        assertThat(otherStore.text("/code")).isEqualTo("not_found");
        assertThat(owner.get("/api/products/imports/" + UUID.randomUUID() + "/").status())
                .isEqualTo(404);
        assertThat(owner.get("/api/products/imports/not-a-uuid/").status()).isEqualTo(404);
    }

    @Test
    void aJobWhoseInstanceStoppedIsTakenOverAfterItsLastCommittedChunkAndALiveOneIsLeftAlone() {
        String store = TestStores.newKey("imp");
        Api owner = as(store, "owner");
        String firstTwo = HEADER_RU + "T-1;;Первый;;;100;;1;;\r\n" + "T-2;;Второй;;;100;;1;;\r\n";
        String all = firstTwo + "T-3;;Третий;;;100;;1;;\r\n";
        // an instance took the first chunk (two rows) of the three-row file and stopped before the third
        finished(owner, owner.multipart("POST", "/api/products/imports/", file("p.csv", CSV, utf8(firstTwo))));
        UUID abandoned = UUID.randomUUID();
        UUID alive = UUID.randomUUID();
        String schema = TestStores.schema(store);
        String insert = "insert into " + schema + ".kassa_import (id, kind, status, file_name, format, file, dry_run,"
                + " match, all_or_nothing, language, total_rows, rows_done, created, lease_until, claim_token, started_at)"
                + " values (?, 'products', 'running', 'p.csv', 'csv', ?, false, 'sku', false, 'ru', 3, 2, 2,"
                + " now() + cast(? as interval), ?, now())";
        jdbc.update(insert, abandoned, utf8(all), "-1 second", UUID.randomUUID());
        jdbc.update(insert, alive, utf8(all), "1 hour", UUID.randomUUID());

        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> "done"
                        .equals(owner.get("/api/products/imports/" + abandoned + "/")
                                .text("/status")));
        JsonNode job = owner.get("/api/products/imports/" + abandoned + "/").body();
        assertThat(job.path("counts").toString())
                .as("the committed chunk counted once, the rest done by the instance that took it over")
                .isEqualTo("{\"created\":3,\"updated\":0,\"unchanged\":0,\"refused\":0}");
        assertThat(job.at("/progress/done").asInt()).isEqualTo(3);
        assertThat(owner.get("/api/products/products/").at("/count").asInt()).isEqualTo(3);
        assertThat(owner.get("/api/products/stock-movements/?reason=import")
                        .at("/count")
                        .asInt())
                .as("no row taken twice")
                .isEqualTo(3);

        JsonNode live = owner.get("/api/products/imports/" + alive + "/").body();
        assertThat(live.path("status").asText())
                .as("a job whose instance answers for it is left to it")
                .isEqualTo("running");
        assertThat(live.at("/progress/done").asInt()).isEqualTo(2);
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] withBom(byte[] bytes) {
        byte[] out = new byte[bytes.length + 3];
        out[0] = (byte) 0xEF;
        out[1] = (byte) 0xBB;
        out[2] = (byte) 0xBF;
        System.arraycopy(bytes, 0, out, 3, bytes.length);
        return out;
    }

    static byte[] zip(String entry, byte[] content) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(out)) {
                zip.putNextEntry(new ZipEntry(entry));
                zip.write(content);
                zip.closeEntry();
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A workbook whose shared strings name /etc/passwd as an external entity. */
    static byte[] workbookWithExternalEntity() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Workbook book = new Workbook(out, "test", "1.0")) {
            Worksheet sheet = book.newWorksheet("Sheet1");
            sheet.value(0, 0, "Наименование");
            sheet.value(1, 0, "PLACEHOLDER");
        }
        ByteArrayOutputStream evil = new ByteArrayOutputStream();
        try (org.apache.commons.compress.archivers.zip.ZipFile in =
                        org.apache.commons.compress.archivers.zip.ZipFile.builder()
                                .setSeekableByteChannel(
                                        new org.apache.commons.compress.utils.SeekableInMemoryByteChannel(
                                                out.toByteArray()))
                                .get();
                ZipOutputStream zip = new ZipOutputStream(evil)) {
            for (var e : java.util.Collections.list(in.getEntries())) {
                byte[] content = in.getInputStream(e).readAllBytes();
                String text = new String(content, StandardCharsets.UTF_8);
                if (text.contains("PLACEHOLDER")) {
                    text = text.replaceFirst(
                                    "<\\?xml[^>]*\\?>", "$0<!DOCTYPE x [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>")
                            .replace("PLACEHOLDER", "&xxe;");
                    content = text.getBytes(StandardCharsets.UTF_8);
                }
                zip.putNextEntry(new ZipEntry(e.getName()));
                zip.write(content);
                zip.closeEntry();
            }
        }
        return evil.toByteArray();
    }
}
