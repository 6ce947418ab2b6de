package dev.kassa.production.routing;

import dev.kassa.platform.security.Access;
import dev.kassa.platform.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Routings (issue 87 point 2): the operations making a product takes, by the product's catalog id. */
@RestController
@RequestMapping("/api/production/routings")
class RoutingController {

    /** The store's routings by product name. */
    record Routings(int count, List<Routing> results) {}

    private final RoutingService routings;

    RoutingController(RoutingService routings) {
        this.routings = routings;
    }

    @Operation(summary = "The store's routings, by product name")
    @GetMapping
    @PreAuthorize(Access.READ_PRODUCTION)
    Routings list() {
        List<Routing> all = routings.list();
        return new Routings(all.size(), all);
    }

    @Operation(summary = "A product's routing: its operations in order")
    @GetMapping("/{product}")
    @PreAuthorize(Access.READ_PRODUCTION)
    Routing get(@PathVariable long product) {
        return routings.get(product);
    }

    @Operation(
            summary = "Set what making a product takes (owner, manager): {operations: [{name, line_kind | line, "
                    + "setup_minutes?, run_rate (units an hour)}]} in the order they are done; replaces the routing")
    @PutMapping("/{product}")
    @PreAuthorize(Access.MANAGE_PRODUCTION)
    Routing set(@PathVariable long product, @RequestBody RoutingService.RoutingRequest r, Caller caller) {
        return routings.set(product, r, caller);
    }

    @Operation(summary = "Remove a product's routing (owner, manager)")
    @DeleteMapping("/{product}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize(Access.MANAGE_PRODUCTION)
    void delete(@PathVariable long product) {
        routings.delete(product);
    }
}
