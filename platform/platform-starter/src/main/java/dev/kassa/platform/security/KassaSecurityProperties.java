package dev.kassa.platform.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.List;

/**
 * @param jwksUri     where auth-service publishes its signing keys: one address, or several separated by commas, tried in turn
 * @param publicPaths paths that need no token (a token sent to them is ignored)
 * @param revocationCache how long a revocation lookup is reused: a revoked token stops working within this time
 * @param serviceSecret the secret Kassa's components share to sign their calls to each other ({@code KASSA_SERVICE_SECRET});
 *                      blank: a random one, so this process trusts no other
 */
@ConfigurationProperties("kassa.security")
public record KassaSecurityProperties(
        String jwksUri,
        @DefaultValue({}) List<String> publicPaths,
        @DefaultValue("2s") Duration revocationCache,
        String serviceSecret) {}
