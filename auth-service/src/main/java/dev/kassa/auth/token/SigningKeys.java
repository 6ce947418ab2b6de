package dev.kassa.auth.token;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import dev.kassa.platform.config.PlatformMigrations;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * The RSA keys that sign access tokens. They live in the database so restarts and several instances
 * share them; every active key is published in the JWKS (with its {@code kid}), so a new key can be
 * introduced before the old one stops signing.
 */
@Component
public class SigningKeys {

    private final List<RSAKey> keys;

    SigningKeys(JdbcTemplate jdbc, PlatformMigrations migrations) throws GeneralSecurityException {
        if (jdbc.queryForObject("select count(*) from signing_keys where active", Integer.class) == 0) {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            jdbc.update("insert into signing_keys (kid, private_key, public_key) values (?, ?, ?) on conflict do nothing",
                    UUID.randomUUID().toString(),
                    Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()),
                    Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()));
        }
        KeyFactory rsa = KeyFactory.getInstance("RSA");
        this.keys = jdbc.query("select kid, private_key, public_key from signing_keys where active order by created_at desc", (rs, i) -> {
            try {
                RSAPrivateKey privateKey = (RSAPrivateKey) rsa.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(rs.getString(2))));
                RSAPublicKey publicKey = (RSAPublicKey) rsa.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(rs.getString(3))));
                return new RSAKey.Builder(publicKey).privateKey(privateKey).keyID(rs.getString(1)).build();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("Unreadable signing key " + rs.getString(1), e);
            }
        });
    }

    /** The key that signs new tokens (the newest active one). */
    public RSAKey current() {
        return keys.get(0);
    }

    public JWKSet publicKeys() {
        return new JWKSet(keys.stream().map(k -> (com.nimbusds.jose.jwk.JWK) k.toPublicJWK()).toList());
    }
}
