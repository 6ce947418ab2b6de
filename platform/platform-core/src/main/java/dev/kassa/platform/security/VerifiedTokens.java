package dev.kassa.platform.security;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Access tokens whose RS256 signature this process has verified, kept for as long as the validator would accept each:
 * until its expiry plus {@link KassaClaims#CLOCK_SKEW} (a till sends the same token with every scan, and the signature
 * check was the largest single cost of a request; until issue 41 a token's last minute, past its expiry but inside the
 * skew, was verified again on every call). The gateway's reactive decoder and the services' blocking one both keep
 * their tokens here. Only verified tokens are put (a refused one is never remembered), and one without an expiry is not
 * kept; revocation is checked per request elsewhere, so the cache changes nothing about who is let in. At
 * {@link #MAX_TOKENS} the cache starts again empty rather than grow.
 *
 * @param <T> the decoded token
 */
public final class VerifiedTokens<T> {

    public static final int MAX_TOKENS = 20_000;

    private final Function<T, Instant> expiry;
    private final Clock clock;
    private final Map<String, T> verified = new ConcurrentHashMap<>();

    /** {@code expiry} reads a decoded token's expiry (null: the token is not kept). */
    public VerifiedTokens(Function<T, Instant> expiry, Clock clock) {
        this.expiry = expiry;
        this.clock = clock;
    }

    /** The decoded token, while the validator would still accept it; null when it has to be verified (again). */
    public T get(String token) {
        T decoded = verified.get(token);
        if (decoded == null) {
            return null;
        }
        if (expiry.apply(decoded).plus(KassaClaims.CLOCK_SKEW).isAfter(clock.instant())) {
            return decoded;
        }
        verified.remove(token);
        return null;
    }

    /** Keeps a token the signature check has just accepted; answers it. */
    public T put(String token, T decoded) {
        if (expiry.apply(decoded) != null) {
            if (verified.size() >= MAX_TOKENS) {
                verified.clear();
            }
            verified.put(token, decoded);
        }
        return decoded;
    }
}
