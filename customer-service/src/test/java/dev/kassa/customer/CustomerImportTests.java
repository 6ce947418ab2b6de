package dev.kassa.customer;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kassa.platform.test.Api;
import dev.kassa.platform.test.ImportedFiles;
import dev.kassa.platform.test.KassaIntegrationTest;
import dev.kassa.platform.test.TestStores;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static dev.kassa.platform.test.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A shop's spreadsheet of customers (issue 62, import): customers matched by phone however it is written, groups made by
 * name, debts and points entering the ledger as opening entries once, an export coming back in unchanged, refused rows
 * named, and imports for owners and managers only.
 */
@KassaIntegrationTest
class CustomerImportTests {

    static final String CSV = "text/csv";

    @LocalServerPort
    int port;

    Api as(String store, String role) {
        return Api.member(port, store, 4, role, role);
    }

    static Api.Form file(String text) {
        return new Api.Form().file("file", "clients.csv", CSV, text.getBytes(StandardCharsets.UTF_8));
    }

    static JsonNode finished(Api api, Api.Response accepted) {
        return ImportedFiles.finished(api, accepted, "/api/customers/imports/");
    }

    @Test
    void customersComeInWithTheirGroupsDebtsAndPointsAsOpeningEntriesOnce() {
        String store = TestStores.newKey("cim");
        Api owner = as(store, "owner");
        String csv = "ФИО;Телефон;Группа;Баланс;Бонусы;День рождения;E-mail\r\n"
                + "Каримов Бахтиёр;+998 90 123-45-67;Оптовики;-50 000,00;120;15.03.1990;b@example.uz\r\n"
                + "Юсупова Нигора;90 765 43 21;Оптовики;;;;\r\n";

        JsonNode job = finished(owner, owner.multipart("POST", "/api/customers/imports/", file(csv)));
        assertThat(job.path("status").asText()).as(job.toString()).isEqualTo("done");
        assertThat(job.at("/counts/created").asInt()).isEqualTo(2);

        long id = owner.get("/api/customers/customers/search_by_phone/?phone=%2B998901234567")
                .at("/data/id")
                .asLong();
        JsonNode card = owner.get("/api/customers/customers/" + id + "/").body();
        assertThat(card.path("full_name").asText()).isEqualTo("Каримов Бахтиёр");
        assertThat(card.path("balance").asText()).as("a debt").isEqualTo("-50000.00");
        assertThat(card.path("loyalty_points").asInt()).isEqualTo(120);
        assertThat(card.path("group_name").asText()).isEqualTo("Оптовики");
        assertThat(card.path("birthday").asText()).isEqualTo("1990-03-15");
        JsonNode opening = owner.get("/api/customers/transactions/?transaction_type=opening")
                .body();
        assertThat(opening.path("count").asInt())
                .as("the debt and the points, each an opening entry")
                .isEqualTo(2);
        assertThat(owner.get("/api/customers/groups/?search=Оптовики")
                        .at("/count")
                        .asInt())
                .as("one group made for two rows")
                .isEqualTo(1);

        JsonNode again = finished(owner, owner.multipart("POST", "/api/customers/imports/", file(csv)));
        assertThat(again.path("counts").toString())
                .as("the same file again changes nothing")
                .isEqualTo("{\"created\":0,\"updated\":0,\"unchanged\":2,\"refused\":0}");
        assertThat(owner.get("/api/customers/transactions/?transaction_type=opening")
                        .at("/count")
                        .asInt())
                .isEqualTo(2);

        byte[] exported = owner.get("/api/customers/customers/export").bytes();
        JsonNode back = finished(
                owner,
                owner.multipart(
                        "POST",
                        "/api/customers/imports/",
                        new Api.Form().file("file", "customers.csv", CSV, exported)));
        assertThat(back.path("counts").toString())
                .as("an export imported back changes nothing")
                .isEqualTo("{\"created\":0,\"updated\":0,\"unchanged\":2,\"refused\":0}");
        assertThat(back.path("ignored_columns").toString()).contains("Тип", "Сумма покупок");

        JsonNode update = finished(
                owner,
                owner.multipart(
                        "POST",
                        "/api/customers/imports/",
                        file("ФИО;Телефон;Баланс\r\nКаримов Б.;998901234567;0\r\n")));
        assertThat(update.at("/counts/updated").asInt()).isEqualTo(1);
        JsonNode after = owner.get("/api/customers/customers/" + id + "/").body();
        assertThat(after.path("full_name").asText()).isEqualTo("Каримов Б.");
        assertThat(after.path("balance").asText())
                .as("a known customer's balance changes through payments, not a file")
                .isEqualTo("-50000.00");
    }

    @Test
    void refusedRowsAreNamedAndImportsAreForOwnersAndManagers() {
        String store = TestStores.newKey("cim");
        Api owner = as(store, "owner");
        String csv = "ФИО;Телефон;Бонусы;День рождения\r\n"
                + "Первый;+998901110001;;\r\n"
                + "Неверный телефон;12345;;\r\n"
                + "Повтор;+998 90 111 00 01;;\r\n"
                + "Дробные бонусы;+998901110002;1,5;\r\n"
                + "Неверная дата;+998901110003;;31.02.1990\r\n"
                + "\"Две\nстроки\";+998901110004;;\r\n";
        JsonNode job = finished(owner, owner.multipart("POST", "/api/customers/imports/", file(csv)));
        assertThat(job.at("/counts/created").asInt()).isEqualTo(1);
        assertThat(job.at("/counts/refused").asInt()).isEqualTo(5);
        List<String> errors = new ArrayList<>();
        job.path("errors")
                .forEach(e -> errors.add(e.path("row").asInt() + " "
                        + e.path("column").asText() + " " + e.path("code").asText()));
        assertThat(errors)
                .containsExactly(
                        "3 Телефон validation.phone",
                        "4 Телефон import.duplicate_row",
                        "5 Бонусы import.points",
                        "6 День рождения import.date",
                        "7 ФИО validation.printable");

        Api.Response noPhone = owner.multipart("POST", "/api/customers/imports/", file("ФИО\r\nБез телефона\r\n"));
        assertThat(noPhone.status()).isEqualTo(400);
        assertThat(noPhone.text("/code")).isEqualTo("import_columns_missing");
        assertThat(noPhone.text("/message")).contains("Телефон");

        assertThat(as(store, "cashier")
                        .multipart("POST", "/api/customers/imports/", file(csv))
                        .status())
                .isEqualTo(403);
        assertThat(as(store, "manager")
                        .get("/api/customers/imports/" + job.path("id").asText() + "/")
                        .status())
                .isEqualTo(200);
        assertThat(as(TestStores.newKey("cim"), "owner")
                        .get("/api/customers/imports/" + job.path("id").asText() + "/")
                        .status())
                .isEqualTo(404);
        assertThat(owner.post("/api/customers/customers/", json("first_name", "x", "phone", "+998901110009"))
                        .status())
                .isEqualTo(201);
        // issue 84, point 11: a blank id is a malformed one, 400 naming it (it was a 500)
        Api.Response blank = owner.get("/api/customers/imports/%20");
        assertThat(blank.status()).as(blank.toString()).isEqualTo(400);
        assertThat(blank.text("/code")).isEqualTo("invalid");
        assertThat(blank.at("/errors/id/0").isTextual()).isTrue();
    }
}
