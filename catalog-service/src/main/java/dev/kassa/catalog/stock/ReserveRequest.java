package dev.kassa.catalog.stock;

import java.math.BigDecimal;

/**
 * @param requestRef idempotency key of this hold (one per scanned line); repeating it returns the same hold
 * @param saleRef    the sale the hold belongs to, when known
 * @param barcode    instead of {@code productId}: a scanned product, extra or batch code
 */
public record ReserveRequest(
        String requestRef, String saleRef, Long productId, BigDecimal quantity, Long batchId, String barcode) {}
