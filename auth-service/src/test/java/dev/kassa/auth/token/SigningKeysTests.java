package dev.kassa.auth.token;

import dev.kassa.platform.config.PlatformMigrations;
import dev.kassa.platform.test.Api;
import dev.kassa.platform.test.WithKassaInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static dev.kassa.platform.test.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

@WithKassaInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SigningKeysTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    SigningKeyRepository repository;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    PlatformMigrations migrations;

    @Autowired
    SigningKeys keys;

    @Test
    void instancesStartingTogetherOnAnEmptyTableShareOneKey() throws Exception {
        List<String> before = jdbc.queryForList("select kid from signing_keys where active", String.class);
        jdbc.update("update signing_keys set active = false");
        try {
            // three pods start at once (overlays/prod): each finds no active key
            CountDownLatch start = new CountDownLatch(1);
            List<CompletableFuture<SigningKeys>> instances = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                instances.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return new SigningKeys(repository, tx, migrations);
                }));
            }
            start.countDown();
            List<String> signing = new ArrayList<>();
            for (CompletableFuture<SigningKeys> instance : instances) {
                signing.add(instance.get(60, TimeUnit.SECONDS).current().getKeyID());
            }
            assertThat(jdbc.queryForObject("select count(*) from signing_keys where active", Integer.class))
                    .isEqualTo(1);
            assertThat(signing).as("every instance signs with the same key").containsOnly(signing.get(0));
        } finally {
            jdbc.update("delete from signing_keys where active");
            jdbc.update(
                    "update signing_keys set active = true where kid = any(?)", (Object) before.toArray(String[]::new));
            keys.refresh();
        }
    }

    @Test
    void aKeyAddedByAnotherInstanceIsPublishedAndVerifiedAfterTheNextRead() {
        String kid = UUID.randomUUID().toString();
        Api api = new Api("http://localhost:" + port);
        assertThat(api.get("/api/users/.well-known/jwks.json").raw()).doesNotContain(kid);
        // another instance (or a rotation's first step) adds a key, older than the current one: published before it
        // signs
        jdbc.update(
                "insert into signing_keys (kid, private_key, public_key, created_at) select ?, private_key, public_key, created_at - interval '1 day' "
                        + "from signing_keys where kid = ?",
                kid,
                keys.current().getKeyID());
        try {
            keys.refresh();
            assertThat(api.get("/api/users/.well-known/jwks.json").raw())
                    .contains(kid)
                    .contains(keys.current().getKeyID());
            // tokens keep verifying on auth's own endpoints after the read
            String username = "keys_" + UUID.randomUUID().toString().substring(0, 8);
            Api.Response reg = api.post(
                    "/api/users/auth/register/",
                    json(
                            "username",
                            username,
                            "password",
                            "SecurePass123!",
                            "password_confirm",
                            "SecurePass123!",
                            "first_name",
                            "Иван",
                            "store_name",
                            "Ключи"));
            assertThat(reg.status()).as(reg.toString()).isEqualTo(201);
            assertThat(api.as(reg.text("/data/tokens/access"))
                            .get("/api/users/auth/my-stores/")
                            .status())
                    .isEqualTo(200);
        } finally {
            jdbc.update("delete from signing_keys where kid = ?", kid);
            keys.refresh();
        }
    }
}
