package dev.kassa.auth.token;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import dev.kassa.platform.config.PlatformMigrations;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * The RSA keys that sign access tokens. They live in the database so restarts and several instances share them; every
 * active key is published in the JWKS (with its {@code kid}), so a new key can be introduced before the old one stops
 * signing.
 * <p>
 * Several instances start together (three pods at once): the first key is made under an advisory lock, so exactly one
 * instance makes it and every other reads it; two keys made side by side would each be served by one instance only, and
 * a token signed by one would be refused by the other. Each instance reads the table again every
 * {@code kassa.auth.signing-keys-refresh} (30 s), so a key added by a rotation or by another instance is published and
 * used by all of them without a restart.
 */
@Component
public class SigningKeys {

    /** The advisory lock under which the first key is made. */
    static final long FIRST_KEY_LOCK = 0x4b61737361537967L;

    private final SigningKeyRepository stored;
    private final KeyEncryption encryption;
    private final TransactionTemplate tx;
    private volatile List<RSAKey> keys;

    SigningKeys(
            SigningKeyRepository stored,
            TransactionTemplate tx,
            PlatformMigrations migrations,
            KeyEncryption encryption) {
        this.stored = stored;
        this.encryption = encryption;
        this.tx = tx;
        tx.executeWithoutResult(s -> {
            stored.lock(FIRST_KEY_LOCK);
            if (!stored.anyActive()) {
                SigningKeyRepository.StoredKey key = generate();
                stored.add(new SigningKeyRepository.StoredKey(
                        key.kid(), encryption.seal(key.kid(), key.privateKey()), key.publicKey()));
            }
        });
        sealUnsealed();
        this.keys = read();
    }

    /**
     * Seals the keys stored in plain text: those from before encryption was configured, and one a rotation inserted by
     * hand (docs/operations.md), within a refresh of it.
     */
    private void sealUnsealed() {
        if (encryption.enabled()) {
            tx.executeWithoutResult(s -> {
                stored.lock(FIRST_KEY_LOCK);
                stored.unsealed().forEach(k -> stored.sealPrivate(k.kid(), encryption.seal(k.kid(), k.privateKey())));
            });
        }
    }

    /** The key that signs new tokens (the newest active one). */
    public RSAKey current() {
        return keys.get(0);
    }

    public JWKSet publicKeys() {
        return new JWKSet(keys.stream().map(k -> (JWK) k.toPublicJWK()).toList());
    }

    /** Every active key with its private part, as read last: what signs (by the token's {@code kid}) and verifies. */
    public JWKSource<SecurityContext> source() {
        return (selector, context) -> selector.select(new JWKSet(List.copyOf(keys)));
    }

    @Scheduled(
            fixedDelayString = "${kassa.auth.signing-keys-refresh:30s}",
            initialDelayString = "${kassa.auth.signing-keys-refresh:30s}")
    void refresh() {
        List<SigningKeyRepository.StoredKey> active = stored.active();
        if (encryption.enabled() && active.stream().anyMatch(k -> !KeyEncryption.sealed(k.privateKey()))) {
            sealUnsealed(); // a key a rotation inserted by hand: sealed now (otherwise no lock and no write)
        }
        List<RSAKey> read = read(active);
        if (!read.isEmpty()) {
            keys = read;
        }
    }

    private List<RSAKey> read() {
        return read(stored.active());
    }

    private List<RSAKey> read(List<SigningKeyRepository.StoredKey> active) {
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            List<RSAKey> read = new ArrayList<>();
            for (SigningKeyRepository.StoredKey key : active) {
                try {
                    RSAPrivateKey privateKey = (RSAPrivateKey) rsa.generatePrivate(new PKCS8EncodedKeySpec(
                            Base64.getDecoder().decode(encryption.open(key.kid(), key.privateKey()))));
                    RSAPublicKey publicKey = (RSAPublicKey) rsa.generatePublic(
                            new X509EncodedKeySpec(Base64.getDecoder().decode(key.publicKey())));
                    read.add(new RSAKey.Builder(publicKey)
                            .privateKey(privateKey)
                            .keyID(key.kid())
                            .build());
                } catch (GeneralSecurityException e) {
                    throw new IllegalStateException("Unreadable signing key " + key.kid(), e);
                }
            }
            return List.copyOf(read);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static SigningKeyRepository.StoredKey generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            var pair = generator.generateKeyPair();
            return new SigningKeyRepository.StoredKey(
                    UUID.randomUUID().toString(),
                    Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()),
                    Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
