package dev.kassa.catalog.stock;

import dev.kassa.platform.validation.Quantity;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;

/**
 * @param requestRef idempotency key of this hold (one per scanned line); repeating it returns the same hold
 * @param saleRef    the sale the hold belongs to, when known
 * @param barcode    instead of {@code productId}: a scanned product, extra or batch code
 * @param allowShort an offline till's sale that already happened: what the batches do not have is held without a batch
 *                   (the reservation's {@code shortfall}) instead of refused
 */
public record ReserveRequest(
        @NotBlank @Size(max = 64) String requestRef,
        String saleRef,
        Long productId,
        @NotNull @Quantity(positive = true, max = Quantity.Max.LINE) BigDecimal quantity,
        Long batchId,
        String barcode,
        Boolean allowShort) {

    boolean allowsShort() {
        return Boolean.TRUE.equals(allowShort);
    }
}
