package dev.kassa.catalog.stock;

import dev.kassa.platform.security.Access;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
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

    @Operation(summary = "Release holds (removed line, cancelled draft)")
    @PostMapping("/internal/reservations/release")
    @PreAuthorize(Access.SELL)
    Map<String, Integer> release(@Valid @RequestBody ReleaseRequest request) {
        return Map.of("released", reservations.release(request.requestRefs()));
    }
}
