package dev.kassa.catalog.inventory.stock;

import dev.kassa.catalog.CatalogErrors;
import dev.kassa.platform.error.FieldErrors;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The store's view of till holds (spec C33, C36). */
@Service
@Transactional(readOnly = true)
class HoldService {

    private final HoldRepository holds;

    HoldService(HoldRepository holds) {
        this.holds = holds;
    }

    HoldRepository.Hold get(long id) {
        return holds.find(id).orElseThrow(() -> CatalogErrors.RESERVATION_NOT_FOUND.exception());
    }

    Page<HoldRepository.Hold> page(HoldRepository.Filter filter, Pageable page) {
        return holds.page(filter, page);
    }

    /** The list's filter of a status a client named (null: any); one that names none is refused. */
    static HoldStatus status(String wire) {
        return wire == null
                ? null
                : HoldStatus.parse(wire).orElseThrow(() -> FieldErrors.single("status", "validation.invalid"));
    }
}
