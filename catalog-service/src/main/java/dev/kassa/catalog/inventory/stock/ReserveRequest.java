package dev.kassa.catalog.inventory.stock;

import dev.kassa.platform.validation.Quantity;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.util.List;

/**
 * @param requestRef idempotency key of this hold (one per scanned line); repeating it returns the same hold
 * @param saleRef    the sale the hold belongs to, when known
 * @param barcode    instead of {@code productId}: a scanned product, extra or batch code
 * @param allowShort an offline till's sale that already happened: what the batches do not have is held without a batch
 *                   (the reservation's {@code shortfall}) instead of refused
 * @param modifiers  the options of the product's modifier groups the line chose, priced in the answer
 * @param kept       a hold that does not lapse (a production order's materials, issue 87 point 5): it stays until it is
 *                   released or taken, never expired by the sweep as a till's abandoned line is
 */
public record ReserveRequest(
        @NotBlank @Size(max = 64) String requestRef,
        String saleRef,
        Long productId,
        @NotNull @Quantity(positive = true, max = Quantity.Max.LINE) BigDecimal quantity,
        Long batchId,
        String barcode,
        Boolean allowShort,
        @Size(max = 20) List<Long> modifiers,
        Boolean kept) {

    /** The options the line chose (issue 65 point 2), none when not given. */
    List<Long> chosen() {
        return modifiers == null ? List.of() : modifiers;
    }

    boolean allowsShort() {
        return Boolean.TRUE.equals(allowShort);
    }

    boolean keeps() {
        return Boolean.TRUE.equals(kept);
    }
}
