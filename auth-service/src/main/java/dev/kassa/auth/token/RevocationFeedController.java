package dev.kassa.auth.token;

import dev.kassa.platform.security.KassaClaims;
import dev.kassa.platform.security.Revocations;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;
import java.util.List;

/**
 * The revocations a live token may still meet (those of the last access-token lifetime and clock skew), for the gateways,
 * which read them every few seconds and refuse a revoked token at the edge whatever a service's consumer lags: only
 * Kassa's own components may ask ({@code /internal/}, a service token and no user's).
 */
@RestController
@Tag(name = "internal")
class RevocationFeedController {

    /** The revocations made within {@code windowSeconds} before now. */
    record RecentRevocations(List<Revocations.Revoked> revocations, long windowSeconds) {}

    private final Revocations revocations;
    private final Duration window;

    RevocationFeedController(Revocations revocations, TokenService tokens) {
        this.revocations = revocations;
        this.window = tokens.accessTokenTtl().plus(KassaClaims.CLOCK_SKEW);
    }

    @Operation(
            summary =
                    "The revocations a live token may meet: tokens of a user (0: everyone) of a store issued before not_before are void (Kassa's gateways only)")
    @GetMapping("/internal/revocations")
    RecentRevocations recent() {
        return new RecentRevocations(revocations.since(window), window.toSeconds());
    }
}
