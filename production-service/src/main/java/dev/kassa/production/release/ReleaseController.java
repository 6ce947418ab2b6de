package dev.kassa.production.release;

import dev.kassa.platform.security.Access;
import dev.kassa.platform.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Releasing an order to the floor (issue 87 point 5). */
@RestController
class ReleaseController {

    private final ReleaseService releases;

    ReleaseController(ReleaseService releases) {
        this.releases = releases;
    }

    @Operation(
            summary = "Release a planned order (owner, manager): its recipe's materials for its quantity checked "
                    + "(approved batches, held stock left out) and held in catalog until the order takes or releases "
                    + "them; 409 materials_short with every shortfall and nothing held; released twice: 409")
    @PostMapping("/api/production/orders/{id}/release")
    @PreAuthorize(Access.MANAGE_PRODUCTION)
    ReleaseService.Released release(@PathVariable long id, Caller caller) {
        return releases.release(id, caller);
    }

    @Operation(summary = "What a released order holds: each material, how much, its hold's reference")
    @GetMapping("/api/production/orders/{id}/materials")
    @PreAuthorize(Access.READ_PRODUCTION)
    ReleaseService.Released materials(@PathVariable long id, Caller caller) {
        return releases.materials(id, caller);
    }
}
