package dev.kassa.platform.security;

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
 * Seals a secret a service must read back (a token signing key, a webhook's signing secret) before it is stored, so the
 * database and its backups never hold it in plain text: AES-256-GCM under a key from the service's environment (32 random
 * bytes, base64; a Kubernetes Secret), with what the secret belongs to bound as associated data (a sealed value opens only
 * for that owner), stored as {@code enc:v1:<base64 of nonce and ciphertext>}. Without a key values are stored as they are
 * (a developer's machine), unless the key is required (the k8s profile), when the service refuses to start. A value
 * stored in plain text before the key was set still reads; its owner seals it again when it next writes it.
 */
public final class SecretSeal {

    public static final String PREFIX = "enc:v1:";
    private static final int NONCE_BYTES = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKey key;
    private final String setting;

    /**
     * @param base64   the key (32 bytes, base64); blank: none
     * @param setting  the key's property and environment variable, named in every refusal
     *                 ({@code kassa.auth.key-encryption-key (KASSA_AUTH_KEYENCRYPTIONKEY)})
     * @param required whether a missing key refuses to start
     * @param what     what would be stored in plain text without it, for that refusal
     */
    public SecretSeal(String base64, String setting, boolean required, String what) {
        this.setting = setting;
        if (base64 == null || base64.isBlank()) {
            if (required) {
                throw new IllegalStateException(setting + " is not set: " + what + " would be stored in plain text");
            }
            this.key = null;
            return;
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(setting + " is not base64", e);
        }
        if (bytes.length != 32) {
            throw new IllegalStateException(
                    setting + " must be 32 bytes (openssl rand -base64 32), not " + bytes.length);
        }
        this.key = new SecretKeySpec(bytes, "AES");
    }

    public boolean enabled() {
        return key != null;
    }

    public static boolean sealed(String stored) {
        return stored != null && stored.startsWith(PREFIX);
    }

    /** The value as it is stored: sealed for {@code owner} when a key is set, as it is otherwise. */
    public String seal(String owner, String plain) {
        if (key == null || plain == null) {
            return plain;
        }
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
            cipher.updateAAD(owner.getBytes(StandardCharsets.UTF_8));
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

    /** The value from what is stored (sealed for {@code owner} or, from before the key was set, plain). */
    public String open(String owner, String stored) {
        if (!sealed(stored)) {
            return stored;
        }
        if (key == null) {
            throw new IllegalStateException(
                    owner + " is sealed, but " + setting + " is not set: start with the key it was sealed with");
        }
        try {
            byte[] all = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, all, 0, NONCE_BYTES));
            cipher.updateAAD(owner.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException(owner + " does not open with " + setting, e);
        }
    }
}
