package dev.kassa.catalog.inventory.location;

import dev.kassa.catalog.CatalogErrors;
import dev.kassa.platform.error.FieldErrors;
import dev.kassa.platform.validation.Filled;
import dev.kassa.platform.validation.OneOf;
import dev.kassa.platform.validation.PrintableText;
import dev.kassa.platform.validation.Required;
import dev.kassa.platform.validation.Whole;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * The store's locations: set up by who manages its goods (a code unique in the store, a name, a type), switched off
 * when empty; the default one stays active. Stock lies at them and moves between them through the stock ledger.
 */
@Service
public class LocationService {

    /** A location's fields: a new one needs its code, name and type; a PATCH changes the fields given. */
    record LocationRequest(
            @Required(groups = Whole.class)
                    @Filled
                    @Size(max = 30)
                    @Pattern(regexp = "[A-Za-z0-9А-Яа-яЁё][A-Za-z0-9А-Яа-яЁё._-]*", message = "catalog.location_code")
                    String code,
            @Required(groups = Whole.class) @Filled @Size(max = 100) @PrintableText String name,
            @Required(groups = Whole.class) @OneOf(of = LocationType.class, message = "catalog.location_type")
                    String type,
            Boolean isActive) {}

    private final LocationRepository locations;

    LocationService(LocationRepository locations) {
        this.locations = locations;
    }

    @Transactional(readOnly = true)
    List<Location> list(String type, Boolean active) {
        LocationType which = type == null
                ? null
                : LocationType.parse(type).orElseThrow(() -> FieldErrors.single("type", "catalog.location_type"));
        return locations.list(which, active);
    }

    @Transactional(readOnly = true)
    Location get(long id) {
        return locations.find(id).orElseThrow(CatalogErrors.LOCATION_NOT_FOUND::exception);
    }

    @Transactional
    Location create(LocationRequest r) {
        String code = r.code().trim();
        if (locations.codeTaken(code, null)) {
            throw CatalogErrors.LOCATION_CODE_TAKEN.exception(code);
        }
        try {
            return get(locations.insert(
                    code, r.name().trim(), LocationType.of(r.type()), r.isActive() == null || r.isActive()));
        } catch (DuplicateKeyException raced) {
            throw CatalogErrors.LOCATION_CODE_TAKEN.exception(code);
        }
    }

    /**
     * Changes the fields given; the default location stays active and never becomes a quarantine, and one with stock
     * is neither switched off nor turned into or out of a quarantine.
     */
    @Transactional
    Location update(long id, LocationRequest r) {
        Location now = locations.lock(id).orElseThrow(CatalogErrors.LOCATION_NOT_FOUND::exception);
        String code = r.code() == null ? now.code() : r.code().trim();
        if (!code.equalsIgnoreCase(now.code()) && locations.codeTaken(code, id)) {
            throw CatalogErrors.LOCATION_CODE_TAKEN.exception(code);
        }
        boolean active = r.isActive() == null ? now.isActive() : r.isActive();
        LocationType was = LocationType.of(now.type());
        LocationType type = r.type() == null ? was : LocationType.of(r.type());
        boolean quarantining = (type == LocationType.QUARANTINE) != (was == LocationType.QUARANTINE);
        if ((!active || quarantining) && now.isDefault()) {
            throw CatalogErrors.LOCATION_DEFAULT.exception();
        }
        // what lies here would become (un)sellable at once, behind the tills' holds: move it first
        if (((!active && now.isActive()) || quarantining) && now.stockQuantity().signum() > 0) {
            throw CatalogErrors.LOCATION_HAS_STOCK.exception(now.stockQuantity().toPlainString());
        }
        // hazardous goods lying here would be where they may not be
        if (was == LocationType.HAZARDOUS && type != LocationType.HAZARDOUS) {
            BigDecimal hazardous = locations.hazardousStock(id);
            if (hazardous.signum() > 0) {
                throw CatalogErrors.LOCATION_HAS_STOCK.exception(hazardous.toPlainString());
            }
        }
        locations.update(id, code, r.name() == null ? now.name() : r.name().trim(), type, active);
        return get(id);
    }

    /** The store's first active location of {@code type} (the oldest), in the caller's transaction. */
    @Transactional(propagation = Propagation.MANDATORY, readOnly = true)
    public Optional<Place> first(LocationType type) {
        return locations.first(type);
    }

    /** The location {@code id} as goods are put at it, if the store has it, in the caller's transaction. */
    @Transactional(propagation = Propagation.MANDATORY, readOnly = true)
    public Optional<Place> place(long id) {
        return locations.place(id);
    }
}
