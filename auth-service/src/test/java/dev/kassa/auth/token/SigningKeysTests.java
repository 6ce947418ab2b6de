package dev.kassa.auth.token;

import dev.kassa.platform.config.PlatformMigrations;
import dev.kassa.platform.test.Api;
import dev.kassa.platform.test.Registrations;
import dev.kassa.platform.test.WithKassaInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.security.KeyPairGenerator;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

    @Autowired
    KeyEncryption encryption;

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
                    return new SigningKeys(repository, tx, migrations, encryption);
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
        String current = keys.current().getKeyID();
        String privateKey = encryption.open(
                current,
                jdbc.queryForObject("select private_key from signing_keys where kid = ?", String.class, current));
        jdbc.update(
                "insert into signing_keys (kid, private_key, public_key, created_at) select ?, ?, public_key, created_at - interval '1 day' "
                        + "from signing_keys where kid = ?",
                kid,
                encryption.seal(kid, privateKey),
                current);
        try {
            keys.refresh();
            assertThat(api.get("/api/users/.well-known/jwks.json").raw())
                    .contains(kid)
                    .contains(keys.current().getKeyID());
            // tokens keep verifying on auth's own endpoints after the read
            String username = "keys_" + UUID.randomUUID().toString().substring(0, 8);
            Api.Response reg = api.post("/api/users/auth/register/", Registrations.owner(username, "Иван", "Ключи"));
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

    @Test
    void privateKeysAreStoredSealedAndAKeyFromBeforeEncryptionIsSealedAtTheNextStart() throws Exception {
        assertThat(jdbc.queryForList("select private_key from signing_keys", String.class))
                .isNotEmpty()
                .allSatisfy(k -> assertThat(k).startsWith(KeyEncryption.PREFIX));
        // a key stored in plain text by a release before encryption was configured
        String kid = "legacy-" + UUID.randomUUID();
        var pair = KeyPairGenerator.getInstance("RSA");
        pair.initialize(2048);
        var legacy = pair.generateKeyPair();
        String plain = Base64.getEncoder().encodeToString(legacy.getPrivate().getEncoded());
        jdbc.update(
                "insert into signing_keys (kid, private_key, public_key, created_at) values (?, ?, ?, now() - interval '2 days')",
                kid,
                plain,
                Base64.getEncoder().encodeToString(legacy.getPublic().getEncoded()));
        try {
            SigningKeys restarted = new SigningKeys(repository, tx, migrations, encryption);
            String stored =
                    jdbc.queryForObject("select private_key from signing_keys where kid = ?", String.class, kid);
            assertThat(stored).startsWith(KeyEncryption.PREFIX).doesNotContain(plain.substring(40, 80));
            assertThat(encryption.open(kid, stored)).isEqualTo(plain);
            assertThat(restarted.publicKeys().getKeyByKeyId(kid))
                    .as("it still verifies")
                    .isNotNull();
            assertThatThrownBy(() -> encryption.open("another-kid", stored))
                    .as("a sealed key opens only under its own kid")
                    .isInstanceOf(IllegalStateException.class);
            // a rotation inserts its key in plain text by hand (docs/operations.md): the next refresh seals it
            jdbc.update("update signing_keys set private_key = ? where kid = ?", plain, kid);
            keys.refresh();
            assertThat(jdbc.queryForObject("select private_key from signing_keys where kid = ?", String.class, kid))
                    .startsWith(KeyEncryption.PREFIX);
        } finally {
            jdbc.update("delete from signing_keys where kid = ?", kid);
            keys.refresh();
        }
    }

    @Test
    void aMissingOrMalformedKeyEncryptionKeyIsRefusedWhereItIsRequired() {
        assertThatThrownBy(() -> new KeyEncryption("", true))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("KASSA_AUTH_KEYENCRYPTIONKEY");
        assertThatThrownBy(() -> new KeyEncryption(Base64.getEncoder().encodeToString(new byte[16]), false))
                .hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> new KeyEncryption("not base64!", false)).hasMessageContaining("base64");
        KeyEncryption none = new KeyEncryption("", false);
        assertThat(none.seal("k", "plain")).isEqualTo("plain");
        assertThatThrownBy(() -> none.open("k", encryption.seal("k", "x")))
                .hasMessageContaining("start with the key it was sealed with");
    }
}
