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
 */
public record ReserveRequest(
        @NotBlank @Size(max = 64) String requestRef,
        String saleRef,
        Long productId,
        @NotNull @Quantity(positive = true, max = Quantity.Max.LINE) BigDecimal quantity,
        Long batchId,
        String barcode,
        Boolean allowShort,
        @Size(max = 20) List<Long> modifiers) {

    /** The options the line chose (issue 65 point 2), none when not given. */
    List<Long> chosen() {
        return modifiers == null ? List.of() : modifiers;
    }

    boolean allowsShort() {
        return Boolean.TRUE.equals(allowShort);
    }
}
