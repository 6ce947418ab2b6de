package dev.kassa.catalog.inventory.stock;

import dev.kassa.platform.security.Access;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;

/**
 * Service-to-service API for sales-service (not routed by the gateway). Called with the cashier's own
 * token and store key, so the same membership and role checks apply.
 */
@RestController
@Tag(name = "internal")
class ReservationController {

    record ReleaseRequest(List<String> requestRefs) {}

    /** Every line of a sale a till kept itself (the one-call sale, an offline till's upload), held together. */
    record ReserveLines(@NotEmpty @Size(max = MAX_LINES) List<@Valid @NotNull ReserveRequest> lines) {}

    /** The holds of {@link ReserveLines}, in the order of its lines. */
    record Holds(List<Reservation> holds) {}

    /** Lines of one sale held in one call. */
    static final int MAX_LINES = 500;

    private final ReservationService reservations;

    ReservationController(ReservationService reservations) {
        this.reservations = reservations;
    }

    @Operation(summary = "Hold stock for a till line (FEFO, idempotent per request_ref)")
    @PostMapping("/internal/reservations")
    @PreAuthorize(Access.SELL)
    Reservation reserve(@Valid @RequestBody ReserveRequest request) {
        return reservations.reserve(request);
    }

    @Operation(
            summary = "Hold stock for every line of a sale at once (one transaction: all lines held or none; each line "
                    + "idempotent per its request_ref)")
    @PostMapping("/internal/reservations/lines")
    @PreAuthorize(Access.SELL)
    Holds reserveAll(@Valid @RequestBody ReserveLines request) {
        return new Holds(reservations.reserveAll(request.lines()));
    }

    @Operation(summary = "Release holds (removed line, cancelled draft)")
    @PostMapping("/internal/reservations/release")
    @PreAuthorize(Access.SELL)
    Map<String, Integer> release(@Valid @RequestBody ReleaseRequest request) {
        return Map.of("released", reservations.release(request.requestRefs()));
    }
}
