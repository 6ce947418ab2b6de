package dev.kassa.catalog.inventory.stock;

import dev.kassa.catalog.CatalogErrors;
import dev.kassa.platform.error.FieldErrors;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.Set;

/** The store's view of till holds (spec C33, C36). */
@Service
@Transactional(readOnly = true)
class HoldService {

    private static final Set<String> STATUSES = Set.of("active", "completed", "cancelled", "expired");

    private final HoldRepository holds;

    HoldService(HoldRepository holds) {
        this.holds = holds;
    }

    HoldRepository.Hold get(long id) {
        return holds.find(id).orElseThrow(() -> CatalogErrors.RESERVATION_NOT_FOUND.exception());
    }

    Page<HoldRepository.Hold> page(HoldRepository.Filter filter, Pageable page) {
        if (filter.status() != null && !STATUSES.contains(filter.status())) {
            throw FieldErrors.single("status", "validation.invalid");
        }
        return holds.page(filter, page);
    }
}
