package dev.kassa.platform.testapp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kassa.platform.test.Api;
import dev.kassa.platform.test.KassaIntegrationTest;
import dev.kassa.platform.test.TestTokens;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static dev.kassa.platform.test.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

@KassaIntegrationTest
class ErrorBodyAndSecurityTests {

    static final String STORE_A = "shop_a_0000000a";
    static final String STORE_B = "shop_b_0000000b";

    @LocalServerPort
    int port;

    Api api() {
        return new Api("http://localhost:" + port);
    }

    Api owner() {
        return api().as(TestTokens.token(1, "owner", Map.of(STORE_A, "owner"))).in(STORE_A);
    }

    static void assertErrorBody(Api.Response r, int status, String code) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        assertThat(r.text("/status")).isEqualTo("error");
        assertThat(r.text("/code")).isEqualTo(code);
        assertThat(r.text("/message")).isNotBlank();
        assertThat(r.at("/errors").isObject()).isTrue();
        assertThat(r.text("/trace_id")).isNotBlank();
        assertThat(r.raw()).doesNotContain("Exception").doesNotContain("<html");
    }

    @Test
    void noTokenIs401InTheErrorBody() {
        Api.Response r = api().in(STORE_A).get("/api/notes");
        assertErrorBody(r, 401, "not_authenticated");
        assertThat(r.text("/message")).isEqualTo("Учетные данные не были предоставлены.");
    }

    @Test
    void expiredOrForgedTokensAreRejected() {
        assertErrorBody(
                api().as(TestTokens.expired(1, Map.of(STORE_A, "owner")))
                        .in(STORE_A)
                        .get("/api/notes"),
                401,
                "token_not_valid");
        assertErrorBody(
                api().as(TestTokens.forged(1, Map.of(STORE_A, "owner")))
                        .in(STORE_A)
                        .get("/api/notes"),
                401,
                "token_not_valid");
    }

    @Test
    void missingTenantKeyIs400() {
        assertErrorBody(
                api().as(TestTokens.token(1, "owner", Map.of(STORE_A, "owner"))).get("/api/notes"),
                400,
                "missing_tenant_key");
    }

    @Test
    void anotherStoresKeyIsANeutral403WhetherOrNotTheStoreExists() {
        Api storeBOwner = api().as(TestTokens.token(2, "other", Map.of(STORE_B, "owner")));
        Api.Response existing = storeBOwner.in(STORE_A).get("/api/notes");
        Api.Response unknown = storeBOwner.in("nowhere_12345678").get("/api/notes");
        Api.Response malformed = storeBOwner.in("x'; drop table note;--").get("/api/notes");
        assertErrorBody(existing, 403, "not_a_member");
        assertErrorBody(unknown, 403, "not_a_member");
        assertErrorBody(malformed, 403, "not_a_member");
        assertThat(existing.text("/message")).isEqualTo(unknown.text("/message"));
    }

    @Test
    void aRoleWithoutThePermissionIsRefused() {
        Api cashier = api().as(TestTokens.token(3, "cashier", Map.of(STORE_A, "cashier")))
                .in(STORE_A);
        assertErrorBody(cashier.post("/api/notes", json("text", "x")), 403, "permission_denied");
        assertErrorBody(cashier.get("/api/notes/refunds"), 403, "permission_denied");
        assertThat(cashier.get("/api/notes").status()).isEqualTo(200);
    }

    @Test
    void malformedJsonAndInvalidFieldsAre400() {
        assertErrorBody(owner().post("/api/notes", "{\"text\": "), 400, "parse_error");
        Api.Response invalid = owner().post("/api/notes", json("text", ""));
        assertErrorBody(invalid, 400, "invalid");
        assertThat(invalid.at("/errors/text/0").asText()).isEqualTo("Обязательное поле.");
        Api.Response notANumber = owner().post("/api/notes", json("text", "a", "amount", "lots"));
        assertErrorBody(notANumber, 400, "invalid");
        assertThat(notANumber.at("/errors/amount").isArray()).isTrue();
        // a NUL in a text no declared rule names reaches the database, which cannot hold it: the caller's input, a 400
        // (it was a 409 "conflict"), and nothing kept
        int before = owner().get("/api/notes").body().size();
        Api.Response nul = owner().post("/api/notes", json("text", "a\u0000b"));
        assertErrorBody(nul, 400, "invalid");
        assertThat(nul.at("/errors/non_field_errors/0").asText()).contains("управляющ");
        assertThat(owner().get("/api/notes").body().size()).isEqualTo(before);
    }

    /** Sends bytes as they are (java.net.http refuses non-ASCII header values, attackers do not). */
    String rawRequest(String head, String body) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            byte[] payload = body.getBytes(StandardCharsets.UTF_8);
            socket.getOutputStream()
                    .write((head + "Host: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: "
                                    + payload.length + "\r\nConnection: close\r\n\r\n")
                            .getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().write(payload);
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void nonAsciiHeadersAndDuplicateKeysAreBadInputNeverA500() throws Exception {
        String token = TestTokens.token(1, "owner", Map.of(STORE_A, "owner"));
        for (String header : List.of(
                "Accept-Language: ру-RU,ру;q=0.9\r\n",
                "X-Tenant-Key: магазин_0000000a\r\n",
                "Accept-Language: \u00ff\u00fe\r\n",
                "X-Tenant-Key: " + STORE_A + "\u00e9\r\n",
                "Idempotency-Key: ключ\r\n")) {
            for (String path : List.of(
                    "POST /api/notes HTTP/1.1\r\n",
                    "POST /api/public/ping HTTP/1.1\r\n",
                    "GET /api/notes HTTP/1.1\r\n")) {
                String answer =
                        rawRequest(path + "Authorization: Bearer " + token + "\r\n" + header, "{\"text\":\"a\"}");
                assertThat(answer)
                        .as(path + header)
                        .startsWith("HTTP/1.1 400")
                        .contains("\"code\":\"invalid_header\"")
                        .doesNotContain("Exception");
            }
        }
        String duplicate = rawRequest(
                "POST /api/notes HTTP/1.1\r\nAuthorization: Bearer " + token + "\r\nX-Tenant-Key: " + STORE_A + "\r\n",
                "{\"text\":\"a\",\"text\":\"b\"}");
        assertThat(duplicate).startsWith("HTTP/1.1 400").contains("\"code\":\"parse_error\"");
        String direct = rawRequest("GET /error HTTP/1.1\r\n", "");
        assertThat(direct).doesNotStartWith("HTTP/1.1 5").contains("\"status\":\"error\"");
    }

    @Test
    void englishWithAcceptLanguage() {
        Api.Response r = owner().english().post("/api/notes", json("text", ""));
        assertThat(r.at("/errors/text/0").asText()).isEqualTo("This field is required.");
        assertThat(api().english().in(STORE_A).get("/api/notes").text("/message"))
                .isEqualTo("Authentication credentials were not provided.");
    }

    @Autowired
    MeterRegistry meters;

    @Test
    void everyErrorAnswerCountsUnderItsCodeForTheDashboards() {
        double before =
                meters.counter("kassa.errors", "code", "method_not_allowed").count();
        owner().delete("/api/notes");
        api().in(STORE_A).get("/api/notes");
        assertThat(meters.counter("kassa.errors", "code", "method_not_allowed").count())
                .isEqualTo(before + 1);
        assertThat(meters.counter("kassa.errors", "code", "not_authenticated").count())
                .isPositive();
    }

    @Test
    void unknownRouteAndWrongMethodAnswerInTheErrorBody() {
        assertErrorBody(owner().get("/api/nothing-here/"), 404, "not_found");
        assertErrorBody(owner().delete("/api/notes"), 405, "method_not_allowed");
    }

    @Test
    void unexpectedFailureIs500WithoutDetailsAndRollsBack() {
        int before = owner().get("/api/notes").body().size();
        Api.Response r = owner().post("/api/notes", json("text", "will fail", "fail", true));
        assertErrorBody(r, 500, "internal_error");
        assertThat(r.raw()).doesNotContain("boom");
        assertThat(owner().get("/api/notes").body().size()).isEqualTo(before);
    }

    @Test
    void pathsWorkWithAndWithoutTrailingSlashAndMoneyIsAString() {
        Api.Response created = owner().post("/api/notes/", json("text", "slash", "amount", "150000"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.at("/amount").isTextual()).isTrue();
        assertThat(created.text("/amount")).isEqualTo("150000");
        assertThat(owner().get("/api/notes/").status()).isEqualTo(200);
        assertThat(api().get("/api/public/ping/").status()).isEqualTo(200);
    }

    @Test
    void eitherSeparatorReachesAPathAndTheSpecListsTheOtherSpellings() {
        for (String path : List.of(
                "/api/notes/by-text/a_b-c/word_count",
                "/api/notes/by_text/a_b-c/word-count/",
                "/api/notes/by_text/a_b-c/word_count")) {
            Api.Response r = owner().get(path);
            assertThat(r.status()).as(path + " " + r).isEqualTo(200);
            assertThat(r.text("/text")).isEqualTo("a_b-c");
            assertThat(r.at("/words").asInt()).isEqualTo(3);
        }
        // the spelling changes nothing of who may call it
        assertThat(api().get("/api/notes/by_text/a/word-count").status()).isEqualTo(401);
        JsonNode operation =
                api().get("/v3/api-docs").body().at("/paths/~1api~1notes~1by-text~1{text}~1word_count/get");
        assertThat(operation.path("x-kassa-aliases").toString())
                .contains("/api/notes/by_text/{text}/word_count", "/api/notes/by-text/{text}/word-count");
    }

    @Test
    void aStaleTokenDoesNotBreakPublicPaths() {
        assertThat(api().as("garbage").get("/api/public/ping").status()).isEqualTo(200);
    }

    @Test
    void aListsPageIsReadFromPageAndPageSizeAndPublishedAsThem() {
        for (int i = 0; i < 3; i++) {
            owner().post("/api/notes", json("text", "page " + i));
        }
        Api.Response first = owner().get("/api/notes/page?page_size=2");
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body().path("results").size()).isEqualTo(2);
        int count = first.body().path("count").asInt();
        int last = (count + 1) / 2;
        int onLast = count - 2 * (last - 1);
        assertThat(owner().get("/api/notes/page?page=" + last + "&page_size=2")
                        .body()
                        .path("results")
                        .size())
                .isEqualTo(onLast);
        assertThat(owner().get("/api/notes/page?limit=2&offset=" + 2 * (last - 1))
                        .body()
                        .path("results")
                        .size())
                .as("the original web client's limit and offset")
                .isEqualTo(onLast);
        Api.Response bad = owner().get("/api/notes/page?page=0&page_size=500");
        assertErrorBody(bad, 400, "invalid");
        assertThat(bad.body().path("errors").has("page")).isTrue();
        assertThat(bad.body().path("errors").has("page_size")).isTrue();

        JsonNode parameters = api().get("/v3/api-docs").body().at("/paths/~1api~1notes~1page/get/parameters");
        assertThat(parameters.findValuesAsText("name")).containsExactly("page", "page_size");
        assertThat(parameters.get(1).at("/schema/maximum").asInt()).isEqualTo(100);
    }
}
