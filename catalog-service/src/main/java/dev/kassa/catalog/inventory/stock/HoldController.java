package dev.kassa.catalog.inventory.stock;

import dev.kassa.platform.error.Messages;
import dev.kassa.platform.security.Access;
import dev.kassa.platform.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Read access to till holds (spec C33, C36) and the manual sweep of lapsed ones (C37); holds themselves are made by sales. */
@RestController
class HoldController {

    /** How many lapsed holds the sweep expired. */
    record Swept(String message, int count) {}

    private final HoldService holds;
    private final HoldSweeper sweeper;

    HoldController(HoldService holds, HoldSweeper sweeper) {
        this.holds = holds;
        this.sweeper = sweeper;
    }

    @Operation(
            summary =
                    "Till holds, newest first: filters product, batch, status (active, completed, cancelled, expired)")
    @GetMapping("/api/products/reservations")
    @PreAuthorize(Access.MANAGE_INVENTORY)
    PageResponse<HoldRepository.Hold> list(
            @RequestParam(required = false) Long product,
            @RequestParam(required = false) Long batch,
            @RequestParam(required = false) String status,
            PageRequest page) {
        return PageResponse.of(
                holds.page(new HoldRepository.Filter(product, batch, HoldService.status(status)), page), v -> v);
    }

    @Operation(summary = "One till hold")
    @GetMapping("/api/products/reservations/{id}")
    @PreAuthorize(Access.MANAGE_INVENTORY)
    HoldRepository.Hold get(@PathVariable long id) {
        return holds.get(id);
    }

    @Operation(summary = "Holds that still count against stock")
    @GetMapping("/api/products/reservations/active")
    @PreAuthorize(Access.MANAGE_INVENTORY)
    PageResponse<HoldRepository.Hold> active(PageRequest page) {
        return PageResponse.of(holds.page(new HoldRepository.Filter(null, null, HoldStatus.ACTIVE), page), v -> v);
    }

    @Operation(summary = "Expire lapsed holds now (a job does it every minute)")
    @PostMapping("/api/products/reservations/cleanup_expired")
    @PreAuthorize(Access.MANAGE_INVENTORY)
    Swept cleanup() {
        int n = sweeper.sweep();
        return new Swept(Messages.get("catalog.holds_expired", n), n);
    }
}
