package dev.kassa.production.line;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.kassa.platform.security.Caller;
import dev.kassa.platform.security.Role;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/**
 * A line as its readers see it: {@code cost_per_hour} is left out for an operator (who sees no prices or costs), null
 * for the others when none is set.
 */
public record LineView(
        long id,
        String code,
        String name,
        String kind,
        String stockStore,
        @JsonInclude(JsonInclude.Include.NON_NULL) Optional<BigDecimal> costPerHour,
        LineStatus status,
        String statusReason,
        Instant statusSince,
        Calendar calendar,
        boolean isActive,
        Instant createdAt) {

    static LineView of(LineRepository.Row r, Calendar calendar, Caller caller) {
        return new LineView(
                r.id(),
                r.code(),
                r.name(),
                r.kind(),
                r.stockStore(),
                seesCosts(caller) ? Optional.ofNullable(r.costPerHour()) : null,
                r.status(),
                r.statusReason(),
                r.statusSince(),
                calendar,
                r.isActive(),
                r.createdAt());
    }

    /** Whether the caller sees what things cost (everyone but an operator on the floor; production itself, null). */
    public static boolean seesCosts(Caller caller) {
        return caller == null || caller.role() != Role.OPERATOR;
    }
}
