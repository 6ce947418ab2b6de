package dev.kassa.platform.testapp;

import dev.kassa.platform.config.PlatformDefaults;
import dev.kassa.platform.test.Api;
import dev.kassa.platform.test.KassaIntegrationTest;
import dev.kassa.platform.test.TestStores;
import dev.kassa.platform.test.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.Map;
import java.util.UUID;

import static dev.kassa.platform.test.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

@KassaIntegrationTest
class IdempotencyTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Environment environment;

    @Test
    void aRetryOnAnotherInstanceTakesOverTheClaimOfAnInstanceThatDiedButNotOfOneThatLives() {
        String store = TestStores.newKey("idem");
        Api till = new Api("http://localhost:" + port)
                .as(TestTokens.token(1, "c", Map.of(store, "owner")))
                .in(store);
        String key = UUID.randomUUID().toString();
        assertThat(till.header("Idempotency-Key", key)
                        .post("/api/notes", json("text", "lost answer"))
                        .status())
                .isEqualTo(201);
        // the first attempt's instance died after its change and before it stored the answer: no connection of it is
        // left
        jdbc.update(
                "update public.kassa_idempotency set status = null, body = null, owner = 'sales-service/gone' where idem_key = ?",
                key);
        Api.Response retry = till.header("Idempotency-Key", key).post("/api/notes", json("text", "lost answer"));
        assertThat(retry.status()).as(retry.toString()).isEqualTo(201);
        assertThat(retry.header("Idempotent-Replayed")).isNull();
        assertThat(till.header("Idempotency-Key", key)
                        .post("/api/notes", json("text", "lost answer"))
                        .header("Idempotent-Replayed"))
                .as("the retry's answer is the one kept")
                .isEqualTo("true");

        // an attempt still running on a live instance (this one) is not taken over
        String running = UUID.randomUUID().toString();
        assertThat(till.header("Idempotency-Key", running)
                        .post("/api/notes", json("text", "slow"))
                        .status())
                .isEqualTo(201);
        jdbc.update(
                "update public.kassa_idempotency set status = null, body = null, owner = ? where idem_key = ?",
                PlatformDefaults.instanceName(environment),
                running);
        Api.Response meanwhile = till.header("Idempotency-Key", running).post("/api/notes", json("text", "slow"));
        assertThat(meanwhile.status()).isEqualTo(409);
        assertThat(meanwhile.text("/code")).isEqualTo("request_in_progress");
        // nor is a claim for another body
        jdbc.update("update public.kassa_idempotency set owner = 'sales-service/gone' where idem_key = ?", running);
        assertThat(till.header("Idempotency-Key", running)
                        .post("/api/notes", json("text", "other"))
                        .text("/code"))
                .isEqualTo("idempotency_key_reused");
        assertThat(jdbc.queryForObject(
                        "select count(*) from pg_stat_activity where application_name = ?",
                        Integer.class,
                        PlatformDefaults.instanceName(environment)))
                .as("this process's connections carry its name")
                .isPositive();
    }

    @Test
    void aRetriedRequestGetsTheFirstAnswerAndChangesNothingMore() {
        String store = TestStores.newKey("idem");
        Api till = new Api("http://localhost:" + port)
                .as(TestTokens.token(1, "c", Map.of(store, "owner")))
                .in(store);
        String key = UUID.randomUUID().toString();
        Api.Response first = till.header("Idempotency-Key", key).post("/api/notes", json("text", "once", "amount", 10));
        Api.Response retry = till.header("Idempotency-Key", key).post("/api/notes", json("text", "once", "amount", 10));
        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.raw()).isEqualTo(first.raw());
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(till.get("/api/notes").body()).hasSize(1);

        Api.Response reused = till.header("Idempotency-Key", key).post("/api/notes", json("text", "different"));
        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.text("/code")).isEqualTo("idempotency_key_reused");
        // another store or caller with the same key is a different request
        String other = TestStores.newKey("idem");
        assertThat(new Api("http://localhost:" + port)
                        .as(TestTokens.token(2, "d", Map.of(other, "owner")))
                        .in(other)
                        .header("Idempotency-Key", key)
                        .post("/api/notes", json("text", "once", "amount", 10))
                        .header("Idempotent-Replayed"))
                .isNull();
        assertThat(till.header("Idempotency-Key", "x".repeat(101))
                        .post("/api/notes", json("text", "a"))
                        .text("/code"))
                .isEqualTo("invalid_idempotency_key");
    }

    @Test
    void aRequestThatFindsTheDatabaseAwayGets503AndItsRetryRunsAgain() {
        String store = TestStores.newKey("idem");
        Api till = new Api("http://localhost:" + port)
                .as(TestTokens.token(1, "c", Map.of(store, "owner")))
                .in(store);
        String key = UUID.randomUUID().toString();
        Api.Response away = till.header("Idempotency-Key", key).post("/api/notes", json("text", "database away"));
        assertThat(away.status()).as(away.toString()).isEqualTo(503);
        assertThat(away.text("/code")).isEqualTo("database_unavailable");
        assertThat(away.header("Retry-After")).isEqualTo("1");
        assertThat(away.raw()).doesNotContain("Hikari").doesNotContain("Exception");
        assertThat(jdbc.queryForObject(
                        "select count(*) from public.kassa_idempotency where idem_key = ?", Integer.class, key))
                .as("no claim left to answer 'in progress'")
                .isZero();
    }

    @Test
    void aFailedAttemptIsNotRememberedSoTheRetryRuns() {
        String store = TestStores.newKey("idem");
        Api till = new Api("http://localhost:" + port)
                .as(TestTokens.token(1, "c", Map.of(store, "owner")))
                .in(store);
        String key = UUID.randomUUID().toString();
        assertThat(till.header("Idempotency-Key", key)
                        .post("/api/notes", json("text", "x", "fail", true))
                        .status())
                .isEqualTo(500);
        assertThat(till.header("Idempotency-Key", key)
                        .post("/api/notes", json("text", "x", "fail", true))
                        .header("Idempotent-Replayed"))
                .isNull();
        // a 4xx answer is remembered like a success
        String invalid = UUID.randomUUID().toString();
        Api.Response bad = till.header("Idempotency-Key", invalid).post("/api/notes", json("text", ""));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(till.header("Idempotency-Key", invalid)
                        .post("/api/notes", json("text", ""))
                        .header("Idempotent-Replayed"))
                .isEqualTo("true");
    }
}
