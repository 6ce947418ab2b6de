package dev.kassa.catalog.inventory.stock;

import dev.kassa.catalog.inventory.location.LocationService;
import dev.kassa.catalog.inventory.location.Place;
import dev.kassa.platform.error.FieldErrors;
import org.springframework.stereotype.Component;

/** Where goods that arrive are put: a location a receipt names, checked, or the store's default one. */
@Component
public class Placements {

    private final LocationService locations;

    Placements(LocationService locations) {
        this.locations = locations;
    }

    /**
     * The active location {@code id} (null: the store's default), refused as the request's {@code location} when the
     * store has no such location or it is switched off.
     */
    public Long placed(Long id) {
        if (id == null) {
            return null;
        }
        Place location =
                locations.place(id).orElseThrow(() -> FieldErrors.single("location", "catalog.location_not_found"));
        if (!location.isActive()) {
            throw FieldErrors.single("location", "catalog.location_inactive");
        }
        return id;
    }
}
