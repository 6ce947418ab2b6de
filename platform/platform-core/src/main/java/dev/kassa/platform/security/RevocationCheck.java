package dev.kassa.platform.security;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * The one rule of a revoked token, for the services ({@code Revocations}) and the gateway alike: a token issued for a store
 * before its user's revocation there (or the store's, user 0) is refused. A token knows its issue time to the millisecond
 * ({@link KassaClaims#ISSUED_AT_MS}) or only to the second; one issued in the millisecond (or second) of the change counts
 * as issued after it, so the pair a password change hands its caller a few microseconds later stays good.
 */
public final class RevocationCheck {

    private static final Instant NEVER = Instant.EPOCH;

    private RevocationCheck() {}

    /** A token's issue time as precisely as it knows it, and whether that is to the millisecond. */
    public record Issued(Instant at, boolean precise) {
        /** From a token's claims: {@code iat_ms} when it has one, else its {@code iat}. */
        public static Issued of(Map<String, Object> claims, Instant iat) {
            Object ms = claims.get(KassaClaims.ISSUED_AT_MS);
            return ms instanceof Number n
                    ? new Issued(Instant.ofEpochMilli(n.longValue()), true)
                    : new Issued(iat, false);
        }
    }

    /** Whether a token of {@code userId} issued at {@code issued} is void by the store's revocations (user id → not before). */
    public static boolean revoked(Map<Long, Instant> store, long userId, Issued issued) {
        if (issued.at() == null) {
            return false;
        }
        ChronoUnit known = issued.precise() ? ChronoUnit.MILLIS : ChronoUnit.SECONDS;
        Instant notBefore = store.getOrDefault(userId, NEVER).truncatedTo(known);
        Instant storeWide = store.getOrDefault(0L, NEVER).truncatedTo(known);
        return issued.at().isBefore(notBefore) || issued.at().isBefore(storeWide);
    }
}
