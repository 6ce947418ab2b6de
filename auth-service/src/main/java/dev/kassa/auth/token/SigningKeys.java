package dev.kassa.auth.token;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import dev.kassa.platform.config.PlatformMigrations;
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

    SigningKeys(SigningKeyRepository stored, PlatformMigrations migrations) throws GeneralSecurityException {
        if (!stored.anyActive()) {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            stored.add(new SigningKeyRepository.StoredKey(UUID.randomUUID().toString(),
                    Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()),
                    Base64.getEncoder().encodeToString(pair.getPublic().getEncoded())));
        }
        KeyFactory rsa = KeyFactory.getInstance("RSA");
        List<RSAKey> read = new java.util.ArrayList<>();
        for (SigningKeyRepository.StoredKey key : stored.active()) {
            try {
                RSAPrivateKey privateKey = (RSAPrivateKey) rsa.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(key.privateKey())));
                RSAPublicKey publicKey = (RSAPublicKey) rsa.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(key.publicKey())));
                read.add(new RSAKey.Builder(publicKey).privateKey(privateKey).keyID(key.kid()).build());
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("Unreadable signing key " + key.kid(), e);
            }
        }
        this.keys = List.copyOf(read);
    }

    /** The key that signs new tokens (the newest active one). */
    public RSAKey current() {
        return keys.get(0);
    }

    public JWKSet publicKeys() {
        return new JWKSet(keys.stream().map(k -> (com.nimbusds.jose.jwk.JWK) k.toPublicJWK()).toList());
    }
}
