package dev.kassa.auth.account;

import org.springframework.stereotype.Component;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * PINs are stored as HMAC-SHA256 of store and PIN under a secret kept in the database (created on first use):
 * deterministic, so a PIN is found with one indexed lookup and is unique within its store, and useless without
 * the secret. Guessing is limited by the per-store lockout, not by a slow hash.
 */
@Component
public class PinCodes {

    public static final Pattern PIN = Pattern.compile("\\d{4,6}");

    private final AuthSecretRepository secrets;
    private volatile byte[] secret;

    PinCodes(AuthSecretRepository secrets) {
        this.secrets = secrets;
    }

    public String hash(long storeId, String pin) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret(), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((storeId + ":" + pin).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] secret() {
        byte[] known = secret;
        if (known == null) {
            byte[] fresh = new byte[32];
            new SecureRandom().nextBytes(fresh);
            known = Base64.getDecoder()
                    .decode(secrets.secret("pin", Base64.getEncoder().encodeToString(fresh)));
            secret = known;
        }
        return known;
    }
}
