package dev.kassa.auth.token;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Seals the private part of each token signing key before it is stored, so the database and its backups never hold
 * it in plain text: AES-256-GCM under {@code kassa.auth.key-encryption-key} (32 random bytes, base64; from a Secret in
 * Kubernetes), the key's {@code kid} bound as associated data, stored as {@code enc:v1:<base64 of nonce and
 * ciphertext>}. A key stored before encryption was configured is sealed at the next start. Without the setting keys are
 * stored as they are (a developer's machine); {@code kassa.auth.require-key-encryption} (on in the k8s profile) refuses
 * to start then.
 */
@Component
class KeyEncryption {

    static final String PREFIX = "enc:v1:";
    private static final int NONCE_BYTES = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKey key;

    KeyEncryption(
            @Value("${kassa.auth.key-encryption-key:}") String base64,
            @Value("${kassa.auth.require-key-encryption:false}") boolean required) {
        if (base64 == null || base64.isBlank()) {
            if (required) {
                throw new IllegalStateException(
                        "kassa.auth.key-encryption-key (KASSA_AUTH_KEYENCRYPTIONKEY) is not set: "
                                + "the token signing keys would be stored in plain text (k8s/README.md: the Secret kassa-auth-keys)");
            }
            this.key = null;
            return;
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("kassa.auth.key-encryption-key is not base64", e);
        }
        if (bytes.length != 32) {
            throw new IllegalStateException(
                    "kassa.auth.key-encryption-key must be 32 bytes (openssl rand -base64 32), not " + bytes.length);
        }
        this.key = new SecretKeySpec(bytes, "AES");
    }

    boolean enabled() {
        return key != null;
    }

    static boolean sealed(String stored) {
        return stored.startsWith(PREFIX);
    }

    /** The private key as it is stored: sealed when a key is configured. */
    String seal(String kid, String plain) {
        if (key == null) {
            return plain;
        }
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
            cipher.updateAAD(kid.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return PREFIX
                    + Base64.getEncoder()
                            .encodeToString(ByteBuffer.allocate(nonce.length + sealed.length)
                                    .put(nonce)
                                    .put(sealed)
                                    .array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    /** The private key from what is stored (sealed or, from before encryption, plain). */
    String open(String kid, String stored) {
        if (!sealed(stored)) {
            return stored;
        }
        if (key == null) {
            throw new IllegalStateException(
                    "Signing key " + kid
                            + " is sealed, but kassa.auth.key-encryption-key is not set: start with the key it was sealed with");
        }
        try {
            byte[] all = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, all, 0, NONCE_BYTES));
            cipher.updateAAD(kid.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(
                    "Signing key " + kid + " does not open with kassa.auth.key-encryption-key", e);
        }
    }
}
