package dev.kassa.catalog.catalogue.unit;

import dev.kassa.catalog.CatalogErrors;
import dev.kassa.catalog.catalogue.entry.Slugify;
import dev.kassa.platform.error.FieldErrors;
import dev.kassa.platform.validation.Filled;
import dev.kassa.platform.validation.PrintableText;
import dev.kassa.platform.validation.Required;
import dev.kassa.platform.validation.Whole;
import jakarta.validation.constraints.Size;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.Optional;

/** Units of measure (spec C1): names are unique in the store; a unit a product uses cannot be deleted. */
@Service
@Transactional
public class UnitService {

    /** A unit's fields: a whole record (create, PUT) needs its name and short name; a PATCH changes the fields given. */
    record UnitRequest(
            @Required(groups = Whole.class) @Filled @Size(max = 50) @PrintableText String name,
            @Required(groups = Whole.class) @Filled @Size(max = 10) @PrintableText String shortName,
            @Size(max = 20) @PrintableText String code,
            @PrintableText(multiline = true) String description,
            Boolean isActive) {}

    private final UnitRepository units;

    UnitService(UnitRepository units) {
        this.units = units;
    }

    @Transactional(readOnly = true)
    Page<Unit> page(UnitRepository.Filter filter, String ordering, Pageable page) {
        String orderBy = UnitRepository.ORDERING.orderBy(ordering);
        return units.page(filter, orderBy, page);
    }

    @Transactional(readOnly = true)
    Unit get(long id) {
        return units.find(id).orElseThrow(() -> CatalogErrors.UNIT_NOT_FOUND.exception());
    }

    /** The code is the one given, else made from the short name (or, failing that, the name). */
    Unit create(UnitRequest r) {
        String code = FieldErrors.blank(r.code())
                ? Slugify.of(r.shortName())
                : r.code().trim();
        if (code.isEmpty()) {
            code = Slugify.of(r.name());
        }
        try {
            return get(units.insert(
                    code,
                    new UnitRepository.Fields(
                            r.name().trim(),
                            r.shortName().trim(),
                            r.description() == null ? "" : r.description(),
                            r.isActive() == null || r.isActive())));
        } catch (DuplicateKeyException e) {
            throw FieldErrors.single("name", "catalog.unit_taken");
        }
    }

    /**
     * The unit an imported spreadsheet names by its code, short name or name, made when the store has none (its short
     * name the first 10 characters).
     */
    public long named(String value) {
        return units.resolve(value).map(Unit::id).orElseGet(() -> {
            String code = Slugify.of(value);
            // a unit whose code the new one's would take ("кг" and "kg") is the same unit
            Optional<Unit> sameCode = code.isEmpty() || code.chars().allMatch(Character::isDigit)
                    ? Optional.empty()
                    : units.resolve(code);
            return sameCode.map(Unit::id).orElseGet(() -> create(new UnitRequest(
                            value.length() > 50 ? value.substring(0, 50) : value,
                            value.length() > 10 ? value.substring(0, 10) : value,
                            null,
                            "",
                            true))
                    .id());
        });
    }

    /** PUT ({@code partial} false: a description not sent is cleared) or PATCH (what is not sent stays). */
    Unit update(long id, UnitRequest r, boolean partial) {
        Unit c = get(id);
        try {
            units.update(
                    id,
                    new UnitRepository.Fields(
                            r.name() != null ? r.name().trim() : c.name(),
                            r.shortName() != null ? r.shortName().trim() : c.shortName(),
                            r.description() != null ? r.description() : partial ? c.description() : "",
                            r.isActive() != null ? r.isActive() : !partial || c.isActive()));
        } catch (DataIntegrityViolationException e) {
            throw FieldErrors.single("name", "catalog.unit_taken");
        }
        return get(id);
    }

    void delete(long id) {
        get(id);
        if (units.usedByProducts(id)) {
            throw CatalogErrors.UNIT_IN_USE.exception();
        }
        units.delete(id);
    }
}
