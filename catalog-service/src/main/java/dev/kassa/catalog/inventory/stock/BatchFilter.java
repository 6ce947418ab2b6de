package dev.kassa.catalog.inventory.stock;

import dev.kassa.platform.error.FieldErrors;
import io.swagger.v3.oas.annotations.Parameter;
import org.springframework.web.bind.annotation.BindParam;

import java.time.LocalDate;

/**
 * The batch list's filters as its query spells them, for the list and its export: a product's, active or not, expired
 * or not, near expiry (within {@code days}, 30 by default), a supplier's, and a search over the batch number, the
 * supplier and the barcode, a quality status, and the location they lie at.
 */
public record BatchFilter(
        Long product,
        @BindParam("is_active") @Parameter(name = "is_active") Boolean active,
        Boolean expired,
        @BindParam("near_expiry") @Parameter(name = "near_expiry", description = "any value: expiring within days")
                String nearExpiry,
        @Parameter(description = "the near-expiry window in days, 0 to 3650 (30 by default)") Integer days,
        Long supplier,
        String search,
        @Parameter(description = "approved, pending or blocked") String status,
        @Parameter(description = "the id of the location the batches lie at") Long location) {

    /** The filter as the batch statement binds it, on the store's {@code today}. */
    BatchRepository.Filter on(LocalDate today) {
        if (status != null && BatchStatus.parse(status).isEmpty()) {
            throw FieldErrors.single("status", "catalog.batch_status");
        }
        return new BatchRepository.Filter(
                product,
                active,
                expired,
                nearExpiry == null ? null : window(days),
                supplier,
                search,
                today,
                status,
                location);
    }

    /** The near-expiry window: {@code days} from 0 to 3650, 30 when not given. */
    static int window(Integer days) {
        if (days == null) {
            return 30;
        }
        if (days < 0 || days > 3650) {
            throw FieldErrors.single("days", "validation.invalid");
        }
        return days;
    }
}
