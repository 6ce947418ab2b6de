package dev.kassa.catalog.inventory.location;

import dev.kassa.platform.security.Access;
import dev.kassa.platform.validation.Whole;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Locations inside the store (issue 86 point 1): where its batches lie. */
@RestController
@RequestMapping("/api/products/locations")
class LocationController {

    /** The store's locations, the default one first. */
    record Locations(List<Location> results) {}

    private final LocationService locations;

    LocationController(LocationService locations) {
        this.locations = locations;
    }

    @Operation(
            summary = "The store's locations with the units lying at each: type (sales_floor, back_room, "
                    + "raw_materials, hazardous, production, finished, quarantine), is_active")
    @GetMapping
    @PreAuthorize(Access.READ_CATALOG)
    Locations list(
            @RequestParam(required = false) String type,
            @RequestParam(name = "is_active", required = false) Boolean active) {
        return new Locations(locations.list(type, active));
    }

    @Operation(summary = "One location")
    @GetMapping("/{id}")
    @PreAuthorize(Access.READ_CATALOG)
    Location get(@PathVariable long id) {
        return locations.get(id);
    }

    @Operation(summary = "Add a location: {code (unique in the store), name, type, is_active?}")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(Access.DECIDE_STOCK)
    Location create(@Validated(Whole.class) @RequestBody LocationService.LocationRequest r) {
        return locations.create(r);
    }

    @Operation(
            summary =
                    "Change a location's code, name, type or is_active (the default one stays active; one with stock is "
                            + "not switched off)")
    @PatchMapping("/{id}")
    @PreAuthorize(Access.DECIDE_STOCK)
    Location patch(@PathVariable long id, @Valid @RequestBody LocationService.LocationRequest r) {
        return locations.update(id, r);
    }
}
