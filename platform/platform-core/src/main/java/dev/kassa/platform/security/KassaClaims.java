package dev.kassa.platform.security;

/** Names of the access-token claims (brief §4). */
public final class KassaClaims {
    private KassaClaims() {}

    public static final String USERNAME = "username";
    /** Map of tenant_key → role code for the user's active memberships. */
    public static final String STORES = "stores";

    public static final String ISSUER = "kassa-auth";
    /** Issue time in epoch milliseconds: {@code iat} has whole seconds, too coarse to order a token against a revocation. */
    public static final String ISSUED_AT_MS = "iat_ms";
}
