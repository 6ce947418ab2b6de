package dev.kassa.catalog.inventory.transfer;

import dev.kassa.platform.events.KassaEvent;
import dev.kassa.platform.events.Topics;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Goods left the source store for another of its owner's stores (the event's store is the source): each line with the
 * batches it took and their cost, number and dates, so that the destination (catalog's transfer consumer) makes the
 * same batches when it receives them. Each product's stock change also went out as a {@code StockChanged} of reason
 * transfer.
 */
@KassaEvent(topic = Topics.CATALOG)
public record TransferShipped(
        long transferId,
        String number,
        String fromStore,
        String toStore,
        String notes,
        Long shippedBy,
        Instant shippedAt,
        BigDecimal shippedCost,
        List<Line> lines) {

    public record Line(
            long lineId,
            int lineNo,
            long productId,
            String name,
            String sku,
            String barcode,
            BigDecimal quantity,
            List<Part> parts) {}

    public record Part(
            long batchId,
            BigDecimal quantity,
            BigDecimal costPrice,
            String batchNumber,
            LocalDate manufacturingDate,
            LocalDate expiryDate) {}

    /** The shipment of {@code transfer} (shipped, with its lines and the parts that left for each). */
    static TransferShipped of(
            TransferRepository.Row transfer, List<TransferRepository.Line> lines, List<TransferRepository.Part> parts) {
        return new TransferShipped(
                transfer.id(),
                transfer.number(),
                transfer.fromStore(),
                transfer.toStore(),
                transfer.notes(),
                transfer.shippedBy(),
                transfer.shippedAt(),
                transfer.shippedCost(),
                lines.stream()
                        .map(l -> new Line(
                                l.id(),
                                l.lineNo(),
                                l.goods().productId(),
                                l.goods().name(),
                                l.goods().sku(),
                                l.goods().barcode(),
                                l.goods().shippedQuantity(),
                                parts.stream()
                                        .filter(p -> p.lineId() == l.id())
                                        .map(p -> new Part(
                                                p.sourceBatchId(),
                                                p.quantity(),
                                                p.costPrice(),
                                                p.batchNumber(),
                                                p.manufacturingDate(),
                                                p.expiryDate()))
                                        .toList()))
                        .toList());
    }
}
