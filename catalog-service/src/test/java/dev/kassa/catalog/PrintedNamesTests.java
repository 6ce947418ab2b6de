package dev.kassa.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kassa.platform.test.Api;
import dev.kassa.platform.test.ImportedFiles;
import dev.kassa.platform.test.KassaIntegrationTest;
import dev.kassa.platform.test.TestStores;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static dev.kassa.platform.test.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a product is called reaches printers and PDFs (issue 84, point 4): a name with a control character (a NUL, an
 * {@code ESC p} that opens a till's cash drawer) is refused on its field by the API and by an import row, nothing stored;
 * a name with an emoji the embedded font lacks is stored and prints on its label and its purchase order.
 */
@KassaIntegrationTest
class PrintedNamesTests {

    @LocalServerPort
    int port;

    Api as(String store, String role) {
        return Api.member(port, store, 7, role, role);
    }

    static long id(Api.Response created) {
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.at("/id").asLong();
    }

    static void refusedOn(Api.Response refused, String field) {
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.text("/code")).isEqualTo("invalid");
        assertThat(refused.at("/errors").fieldNames()).toIterable().containsExactly(field);
    }

    @Test
    void aControlCharacterInAProductsNameIsRefusedOnTheNameAndNothingIsStored() {
        String store = TestStores.newKey("prn");
        Api owner = as(store, "owner");
        for (String name : List.of("Пицца\u0000", "Пицца \u001Bp\u0000\u0019\u00fa", "Пицца\u001Bp0", "Две\nстроки")) {
            refusedOn(owner.post("/api/products/products/", json("name", name, "sale_price", 1000)), "name");
        }
        assertThat(owner.get("/api/products/products/").at("/count").asInt())
                .as("nothing stored")
                .isZero();

        Api.Response made = owner.post(
                "/api/products/products/",
                json("name", "Пицца 🍕", "sale_price", 1000, "description", "Тонкое тесто,\nбазилик"));
        long pizza = id(made);
        assertThat(made.text("/name")).as("an emoji is text").isEqualTo("Пицца 🍕");
        String path = "/api/products/products/" + pizza + "/";
        refusedOn(owner.put(path, json("name", "Пицца\u001Bp\u0000", "sale_price", 1000)), "name");
        refusedOn(owner.patch(path, json("name", "Пицца\u0000")), "name");
        refusedOn(owner.patch(path, json("description", "с NUL\u0000")), "description");
        JsonNode kept = owner.get(path).body();
        assertThat(kept.path("name").asText()).isEqualTo("Пицца 🍕");
        assertThat(kept.path("description").asText()).isEqualTo("Тонкое тесто,\nбазилик");

        // the names a label or a receipt prints beside the product's: its unit, a modifier's option, a supplier
        refusedOn(owner.post("/api/products/units/", json("name", "Штука", "short_name", "шт\u001Bp")), "short_name");
        refusedOn(owner.post("/api/products/suppliers/", json("name", "ООО \u0000Ромашка")), "name");
        refusedOn(owner.post("/api/products/categories/", json("name", "Пиццы\u0007")), "name");
    }

    @Test
    void anImportRowWithAControlCharacterInItsNameIsRefusedOnTheNameAndTheOthersAreTaken() {
        String store = TestStores.newKey("prn");
        Api owner = as(store, "owner");
        String csv = "Артикул;Штрих-код;Наименование;Описание;Цена продажи\r\n"
                + "T-1;;Пицца\tс сыром;;1000\r\n"
                + "C-1;;Пицца \u009b2J;;1000\r\n"
                + "E-1;;Пицца 🍕;Тонкое тесто,\tбазилик;1000\r\n";
        JsonNode job = ImportedFiles.finished(
                owner,
                owner.multipart(
                        "POST",
                        "/api/products/imports/",
                        new Api.Form().file("file", "p.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8))),
                "/api/products/imports/");
        assertThat(job.path("status").asText()).as(job.toString()).isEqualTo("done");
        assertThat(job.at("/counts/created").asInt()).isEqualTo(1);
        assertThat(job.at("/counts/refused").asInt()).isEqualTo(2);
        List<String> errors = new ArrayList<>();
        job.path("errors")
                .forEach(e -> errors.add(e.path("row").asInt() + " "
                        + e.path("field").asText() + " " + e.path("code").asText()));
        assertThat(errors).containsExactly("2 name validation.printable", "3 name validation.printable");
        JsonNode found = owner.get("/api/products/products/?search=Пицца").body();
        assertThat(found.path("count").asInt())
                .as("only the row that passed is stored")
                .isEqualTo(1);
        assertThat(found.at("/results/0/name").asText()).isEqualTo("Пицца 🍕");
    }

    @Test
    void aProductNamedWithAnEmojiPrintsOnItsLabelsAndOnItsPurchaseOrder() throws Exception {
        String store = TestStores.newKey("prn");
        Api owner = as(store, "owner");
        long pizza = id(owner.post(
                "/api/products/products/",
                json(
                        "name",
                        "Пицца 🍕 Маргарита",
                        "sale_price",
                        65000,
                        "cost_price",
                        30000,
                        "barcode",
                        "4780000000120",
                        "initial_quantity",
                        5)));

        Api.Response labels = as(store, "cashier")
                .post("/api/products/labels/", json("items", List.of(json("product", pizza)), "template", "58x40"));
        assertThat(labels.status()).as(labels.toString()).isEqualTo(200);
        try (PDDocument pdf = Loader.loadPDF(labels.bytes())) {
            assertThat(new PDFTextStripper().getText(pdf)).contains("Пицца", "Маргарита", "65 000,00");
        }
        Api.Response label = owner.get("/api/products/products/" + pizza + "/print-label/?format=pdf");
        assertThat(label.status()).as(label.toString()).isEqualTo(200);

        long supplier =
                id(owner.post("/api/products/suppliers/", json("name", "Пекарня 🥐", "address", "ул. Навои, 1")));
        long order = id(owner.post(
                "/api/products/purchase-orders/",
                json(
                        "supplier",
                        supplier,
                        "notes",
                        "Срочно 🔥\nк обеду",
                        "lines",
                        List.of(json("product", pizza, "quantity", 10)))));
        refusedOn(owner.patch("/api/products/purchase-orders/" + order + "/", json("notes", "ESC\u001Bp")), "notes");
        Api.Response pdf = owner.get("/api/products/purchase-orders/" + order + "/pdf");
        assertThat(pdf.status()).as(pdf.toString()).isEqualTo(200);
        assertThat(pdf.header("Content-Type")).startsWith("application/pdf");
        try (PDDocument document = Loader.loadPDF(pdf.bytes())) {
            assertThat(new PDFTextStripper().getText(document))
                    .contains("Пицца", "Маргарита", "Пекарня", "Срочно", "к обеду");
        }
    }
}
