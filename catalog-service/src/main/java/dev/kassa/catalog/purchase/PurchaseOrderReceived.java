package dev.kassa.catalog.purchase;

import dev.kassa.platform.events.KassaEvent;
import dev.kassa.platform.events.Topics;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * Goods came for a purchase order (one receipt): what each line took in, into which batch, at what cost, and the order's
 * status after it; each product's stock change also went out as a {@code StockChanged} of reason purchase.
 */
@KassaEvent(topic = Topics.CATALOG)
public record PurchaseOrderReceived(
        long orderId,
        String number,
        long supplierId,
        String supplierName,
        long receiptId,
        String orderStatus,
        BigDecimal receiptCost,
        Long receivedBy,
        Instant receivedAt,
        List<Line> lines) {

    public record Line(long lineId, long productId, BigDecimal quantity, BigDecimal costPrice, Long batchId) {}
}
