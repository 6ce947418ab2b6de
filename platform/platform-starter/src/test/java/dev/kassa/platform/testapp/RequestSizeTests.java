package dev.kassa.platform.testapp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kassa.platform.test.KassaIntegrationTest;
import dev.kassa.platform.test.TestStores;
import dev.kassa.platform.test.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A service reads no more of a request body than {@code kassa.web.max-request-bytes} (1 MiB) allows, whether the client
 * says how long it is or sends it in chunks without a length (issue 60, point 12): the caller gets 413 with the error body
 * and nothing is stored, on a keyed request too (the idempotency filter reads the body to hash it).
 */
@KassaIntegrationTest
class RequestSizeTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    final HttpClient http = HttpClient.newHttpClient();

    HttpResponse<String> post(String store, byte[] body, boolean chunked, String key) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/notes"))
                .header("Authorization", "Bearer " + TestTokens.token(1, "owner1", Map.of(store, "owner")))
                .header("X-Tenant-Key", store)
                .header("Content-Type", "application/json")
                .POST(
                        chunked
                                // no length known: sent with Transfer-Encoding: chunked
                                ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))
                                : HttpRequest.BodyPublishers.ofByteArray(body));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static byte[] note(int textLength) {
        return ("{\"text\": \"" + "я".repeat(textLength / 2) + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aBodyOverTheLimitIsRefusedWhetherItsLengthIsGivenOrItComesInChunks() throws Exception {
        String store = TestStores.newKey("size");
        byte[] large = note(1_300_000);
        for (boolean chunked : new boolean[] {false, true}) {
            for (String key : new String[] {null, UUID.randomUUID().toString()}) {
                HttpResponse<String> refused = post(store, large, chunked, key);
                String what = (chunked ? "chunked" : "with a length") + (key == null ? "" : ", keyed");
                assertThat(refused.statusCode())
                        .as(what + ": " + refused.body())
                        .isEqualTo(413);
                JsonNode body = new ObjectMapper().readTree(refused.body());
                assertThat(body.path("status").asText()).as(what).isEqualTo("error");
                assertThat(body.path("code").asText()).as(what).isEqualTo("payload_too_large");
            }
        }
        assertThat(jdbc.queryForObject(
                        "select count(*) from public.kassa_idempotency where scope like ?", Integer.class, store + "%"))
                .as("no key claimed for a body never read whole")
                .isZero();

        // a small body in chunks is read as any other
        HttpResponse<String> small =
                post(store, note(40), true, UUID.randomUUID().toString());
        assertThat(small.statusCode()).as(small.body()).isEqualTo(201);
        assertThat(jdbc.queryForObject("select count(*) from " + TestStores.schema(store) + ".note", Integer.class))
                .as("only the small note was stored")
                .isEqualTo(1);
    }
}
