package dev.kassa.platform.security;

import java.time.Duration;

/** Names of the access-token claims (brief §4). */
public final class KassaClaims {
    private KassaClaims() {}

    public static final String USERNAME = "username";
    /** Map of tenant_key → role code for the user's active memberships. */
    public static final String STORES = "stores";

    public static final String ISSUER = "kassa-auth";
    /**
     * How long after its {@code exp} a token is still accepted: the default of Spring Security's
     * {@code JwtTimestampValidator}, which every decoder of Kassa uses; the decoders' caches keep a token as long.
     */
    public static final Duration CLOCK_SKEW = Duration.ofSeconds(60);
    /** Issue time in epoch milliseconds: {@code iat} has whole seconds, too coarse to order a token against a revocation. */
    public static final String ISSUED_AT_MS = "iat_ms";
    /** An app's token (client credentials): its client id. The subject is the app's id negated, its stores map names
     * the one store with {@link #APP_ROLE}. */
    public static final String APP = "kassa_app";
    /** An app's token: its scopes ({@link AppScope} codes), space-separated as OAuth 2.0 writes them. */
    public static final String SCOPE = "scope";
    /** What an app's stores claim holds for its store instead of a role code. */
    public static final String APP_ROLE = "app";
}
