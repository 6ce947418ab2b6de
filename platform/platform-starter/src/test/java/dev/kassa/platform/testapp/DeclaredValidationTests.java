package dev.kassa.platform.testapp;

import dev.kassa.platform.test.Api;
import dev.kassa.platform.test.KassaIntegrationTest;
import dev.kassa.platform.test.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.List;
import java.util.Map;

import static dev.kassa.platform.test.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

/** Rules declared on a request record reach the caller as the brief's error body, field by field, in their language. */
@KassaIntegrationTest
class DeclaredValidationTests {

    static final String STORE = "shop_a_0000000a";

    @LocalServerPort
    int port;

    Api owner() {
        return new Api("http://localhost:" + port)
                .as(TestTokens.token(1, "owner", Map.of(STORE, "owner")))
                .in(STORE);
    }

    static Map<String, Object> form(Object... overrides) {
        Map<String, Object> body = new java.util.LinkedHashMap<>(json(
                "title", "Chai",
                "phone_2", "+998901234567",
                "unit_price", 12000.50,
                "deposit", 0,
                "lines", List.of(json("product", 1, "quantity", 1.5)),
                "payment_method", "cash",
                "day", "2026-11-25",
                "email", "shop@example.uz"));
        body.putAll(json(overrides));
        return body;
    }

    @Test
    void aValidFormPasses() {
        Api.Response r = owner().post("/api/notes/forms", form());
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.text("/title")).isEqualTo("Chai");
    }

    @Test
    void everyBrokenRuleIsNamedUnderItsJsonFieldInOneAnswer() {
        Api.Response r = owner().post(
                        "/api/notes/forms",
                        form(
                                "title", "Too long",
                                "phone_2", "901234567",
                                "unit_price", 0,
                                "deposit", 1.005,
                                "lines", List.of(json("product", 1, "quantity", 1), json("quantity", 0.0001)),
                                "payment_method", "CASH",
                                "day", "25.11.2026",
                                "email", "a@b"));
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.text("/code")).isEqualTo("invalid");
        assertThat(r.text("/errors/title/0")).isEqualTo("Не более 5 символов.");
        assertThat(r.text("/errors/phone_2/0")).isEqualTo("Номер телефона должен быть в формате: +998XXXXXXXXX");
        assertThat(r.text("/errors/unit_price/0")).isEqualTo("Значение должно быть больше 0.");
        assertThat(r.text("/errors/deposit/0")).isEqualTo("note.deposit_invalid");
        assertThat(r.text("/errors/lines.1.product/0")).isEqualTo("Обязательное поле.");
        assertThat(r.text("/errors/lines.1.quantity/0")).isEqualTo("Некорректное значение.");
        assertThat(r.at("/errors/lines.0.quantity").isMissingNode()).isTrue();
        assertThat(r.text("/errors/payment_method/0")).isEqualTo("Некорректное значение.");
        assertThat(r.text("/errors/day/0")).isEqualTo("Неверный формат даты. Используйте YYYY-MM-DD");
        assertThat(r.text("/errors/email/0")).isEqualTo("Введите правильный адрес электронной почты.");
        assertThat(r.at("/errors").size()).isEqualTo(9);
    }

    @Test
    void theMessagesFollowTheCallersLanguage() {
        Api.Response r = owner().english().post("/api/notes/forms", form("title", " ", "lines", List.of()));
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.text("/errors/title/0")).isEqualTo("This field is required.");
        assertThat(r.text("/errors/lines/0")).isEqualTo("This field is required.");
    }

    @Test
    void aWholeRecordNeedsItsRequiredFieldsAndAPatchMayLeaveThemOutButNotBlankThem() {
        Api.Response noName = owner().post("/api/notes/labels", json("code", "A1"));
        assertThat(noName.status()).as(noName.toString()).isEqualTo(400);
        assertThat(noName.text("/errors/name/0")).isEqualTo("Обязательное поле.");
        Api.Response blankName = owner().post("/api/notes/labels", json("name", " "));
        assertThat(blankName.at("/errors/name"))
                .as("@Required and @Filled both refuse a blank name: one message")
                .hasSize(1);
        assertThat(owner().post("/api/notes/labels", json("name", "Чай")).status())
                .isEqualTo(200);
        Api.Response patch = owner().patch("/api/notes/labels/1", json("code", "A1"));
        assertThat(patch.status()).as(patch.toString()).isEqualTo(200);
        Api.Response blanked = owner().patch("/api/notes/labels/1", json("name", " ", "code", "TOO-LONG"));
        assertThat(blanked.status()).isEqualTo(400);
        assertThat(blanked.text("/errors/name/0")).isEqualTo("Обязательное поле.");
        assertThat(blanked.text("/errors/code/0")).isEqualTo("Не более 5 символов.");
    }

    @Test
    void aQueryParameterOutOfRangeIsNamedAsTheRequestSpellsIt() {
        Api.Response r = owner().get("/api/notes/forms?page_size=500");
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.text("/code")).isEqualTo("invalid");
        assertThat(r.text("/errors/page_size/0")).isEqualTo("Не больше 100.");
        assertThat(owner().get("/api/notes/forms?page_size=50").text("/page_size"))
                .isEqualTo("50");
    }
}
