package dev.kassa.auth.token;

import dev.kassa.platform.security.SecretSeal;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Seals the private part of each token signing key before it is stored ({@link SecretSeal}), under
 * {@code kassa.auth.key-encryption-key}, the key's {@code kid} bound as associated data. A key stored before encryption
 * was configured is sealed at the next start. Without the setting keys are stored as they are (a developer's machine);
 * {@code kassa.auth.require-key-encryption} (on in the k8s profile) refuses to start then.
 */
@Component
class KeyEncryption {

    static final String PREFIX = SecretSeal.PREFIX;

    private final SecretSeal seal;

    KeyEncryption(
            @Value("${kassa.auth.key-encryption-key:}") String base64,
            @Value("${kassa.auth.require-key-encryption:false}") boolean required) {
        this.seal = new SecretSeal(
                base64,
                "kassa.auth.key-encryption-key (KASSA_AUTH_KEYENCRYPTIONKEY)",
                required,
                "the token signing keys (k8s/README.md: the Secret kassa-auth-keys)");
    }

    boolean enabled() {
        return seal.enabled();
    }

    static boolean sealed(String stored) {
        return SecretSeal.sealed(stored);
    }

    /** The private key as it is stored: sealed when a key is configured. */
    String seal(String kid, String plain) {
        return seal.seal(kid, plain);
    }

    /** The private key from what is stored (sealed or, from before encryption, plain). */
    String open(String kid, String stored) {
        return seal.open(kid, stored);
    }
}
