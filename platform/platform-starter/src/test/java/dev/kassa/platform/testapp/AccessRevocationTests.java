package dev.kassa.platform.testapp;

import dev.kassa.platform.events.AccessChanged;
import dev.kassa.platform.events.Topics;
import dev.kassa.platform.security.Revocations;
import dev.kassa.platform.test.Api;
import dev.kassa.platform.test.EventSamples;
import dev.kassa.platform.test.KassaIntegrationTest;
import dev.kassa.platform.test.TestStores;
import dev.kassa.platform.test.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Every service refuses tokens issued before auth announced a role change, a deactivation or a closed store. */
@KassaIntegrationTest
class AccessRevocationTests {

    @LocalServerPort
    int port;

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    Revocations revocations;

    Api as(String token, String store) {
        return new Api("http://localhost:" + port).as(token).in(store);
    }

    @Test
    void tokensIssuedBeforeADeactivationStopWorkingWithinSeconds() throws Exception {
        String store = TestStores.newKey("rev");
        String cashier = TestTokens.token(41, "cashier41", Map.of(store, "cashier"));
        String colleague = TestTokens.token(42, "cashier42", Map.of(store, "cashier"));
        assertThat(as(cashier, store).get("/api/notes").status()).isEqualTo(200);

        EventSamples.Sample deactivated = EventSamples.of(AccessChanged.EMPLOYEE_DEACTIVATED);
        deactivated.assertConsumedBy("platform (every service)");
        kafka.send(Topics.AUTH, store, deactivated.message(store, e -> e.set("/tenant_key", store)
                        .set("/user_id", 41)
                        .set("/employee_id", 7)
                        .set("/at", Instant.now().toString())))
                .get();
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> {
                    Api.Response refused = as(cashier, store).get("/api/notes");
                    assertThat(refused.status()).isEqualTo(401);
                    assertThat(refused.text("/code")).isEqualTo("token_revoked");
                });
        assertThat(as(colleague, store).get("/api/notes").status())
                .as("others keep working")
                .isEqualTo(200);
        assertThat(as(TestTokens.token(41, "cashier41", Map.of(store, "manager")), store)
                        .get("/api/notes")
                        .status())
                .as("a token issued afterwards (e.g. with a new role) works")
                .isEqualTo(200);

        kafka.send(
                        Topics.AUTH,
                        store,
                        EventSamples.of(AccessChanged.STORE_DEACTIVATED).message(store, e -> e.set("/tenant_key", store)
                                .set("/at", Instant.now().toString())))
                .get();
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(
                        () -> assertThat(as(colleague, store).get("/api/notes").text("/code"))
                                .isEqualTo("token_revoked"));
    }

    @Test
    void aTokenIssuedInTheMillisecondOfTheChangeCountsAsIssuedAfterIt() {
        // a password change is recorded to the microsecond; the pair it hands its caller right after carries its issue
        // time in milliseconds (iat_ms) and must not read as issued before the change
        String store = TestStores.newKey("rev");
        Instant changed = Instant.parse("2026-11-26T10:00:00.123456Z");
        revocations.revoke(store, 43L, changed);
        assertThat(revocations.isRevoked(store, 43, Instant.parse("2026-11-26T10:00:00.123Z"), true))
                .as("issued in the same millisecond")
                .isFalse();
        assertThat(revocations.isRevoked(store, 43, Instant.parse("2026-11-26T10:00:00.122Z"), true))
                .as("issued a millisecond before")
                .isTrue();
        assertThat(revocations.isRevoked(store, 43, Instant.parse("2026-11-26T10:00:00Z"), false))
                .as("a token that knows only its second, the second of the change")
                .isFalse();
        assertThat(revocations.isRevoked(store, 43, Instant.parse("2026-11-26T09:59:59Z"), false))
                .isTrue();
        assertThat(revocations.isRevoked(store, 44, Instant.parse("2026-11-26T09:00:00Z"), true))
                .as("another employee")
                .isFalse();
    }

    @Test
    void anAppActsInItsStoreWithItsScopesOnlyUntilAuthRevokesIt() throws Exception {
        String store = TestStores.newKey("app");
        String reader = TestTokens.app(7, store, "catalog:read");
        assertThat(as(reader, store).get("/api/notes").status()).isEqualTo(200);
        assertThat(as(reader, store).post("/api/notes", Map.of("text", "x")).text("/code"))
                .as("catalog:read does not write")
                .isEqualTo("permission_denied");
        assertThat(as(reader, store).get("/api/notes/refunds").text("/code")).isEqualTo("permission_denied");
        assertThat(as(reader, store).get("/api/notes/mine").text("/code"))
                .as("an operation without an Access rule is for employees")
                .isEqualTo("permission_denied");
        assertThat(as(TestTokens.token(5, "owner5", Map.of(store, "owner")), store)
                        .get("/api/notes/mine")
                        .status())
                .isEqualTo(200);
        assertThat(as(reader, TestStores.newKey("app")).get("/api/notes").text("/code"))
                .isEqualTo("not_a_member");
        assertThat(as(TestTokens.app(8, store, "catalog:write"), store)
                        .post("/api/notes", Map.of("text", "x"))
                        .status())
                .isNotIn(401, 403);

        EventSamples.Sample revoked = EventSamples.of(AccessChanged.APP_REVOKED);
        revoked.assertConsumedBy("platform (every service)");
        kafka.send(Topics.AUTH, store, revoked.message(store, e -> e.set("/tenant_key", store)
                        .set("/app_id", 7)
                        .set("/user_id", -7)
                        .set("/at", Instant.now().toString())))
                .get();
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(
                        () -> assertThat(as(reader, store).get("/api/notes").text("/code"))
                                .isEqualTo("token_revoked"));
        assertThat(as(TestTokens.app(8, store, "catalog:read"), store)
                        .get("/api/notes")
                        .status())
                .as("another app keeps working")
                .isEqualTo(200);
    }
}
