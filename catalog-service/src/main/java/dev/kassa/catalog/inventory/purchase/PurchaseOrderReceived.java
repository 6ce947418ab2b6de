package dev.kassa.catalog.inventory.purchase;

import dev.kassa.platform.events.KassaEvent;
import dev.kassa.platform.events.Topics;

import java.math.BigDecimal;
import java.math.RoundingMode;
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

    /** A receipt of {@code order} ({@code status} the order's after it) with what it took in. */
    static PurchaseOrderReceived of(
            PurchaseOrderRepository.Row order,
            long receipt,
            String status,
            Long by,
            List<PurchaseOrderRepository.ReceivedLine> received) {
        return new PurchaseOrderReceived(
                order.id(),
                order.number(),
                order.supplierId(),
                order.supplierName(),
                receipt,
                status,
                received.stream()
                        .map(l -> l.quantity().multiply(l.costPrice()).setScale(2, RoundingMode.HALF_UP))
                        .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add),
                by,
                Instant.now(),
                received.stream()
                        .map(l -> new Line(l.lineId(), l.productId(), l.quantity(), l.costPrice(), l.batchId()))
                        .toList());
    }
}
