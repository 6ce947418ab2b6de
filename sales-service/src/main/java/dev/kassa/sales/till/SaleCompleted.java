package dev.kassa.sales.till;

import dev.kassa.platform.events.KassaEvent;
import dev.kassa.platform.events.Topics;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Contract of {@code SaleCompleted} on {@code sales.events} (brief §5). Money and quantities travel as
 * decimal strings. Consumers: catalog (stock), analytics (reports), customer (history).
 */
@KassaEvent(topic = Topics.SALES)
public record SaleCompleted(
        String saleId,
        String receiptNumber,
        long sessionId,
        long registerId,
        long cashierId,
        Long customerId,
        String customerName,
        String customerPhone,
        Instant completedAt,
        LocalDate businessDate,
        BigDecimal subtotal,
        BigDecimal discount,
        BigDecimal tax,
        BigDecimal total,
        List<Line> lines,
        List<Payment> payments) {

    public record Line(
            long productId,
            String productName,
            Long batchId,
            BigDecimal quantity,
            BigDecimal unitPrice,
            BigDecimal discount,
            BigDecimal lineTotal,
            BigDecimal unitCost,
            String reservationRef,
            List<LineModifier> modifiers) {}

    /** An option of a modifier group the line chose: what it added to one unit's price ({@code unit_price} includes it). */
    public record LineModifier(long optionId, String group, String name, BigDecimal price) {}

    public record Payment(String method, BigDecimal amount, BigDecimal received, BigDecimal change) {}

    /** What a sale just completed ({@code done}) with its lines and the tenders applied announces. */
    static SaleCompleted of(
            SaleRepository.Sale done, List<SaleLineRepository.Item> items, List<Settlement.Applied> tenders) {
        return new SaleCompleted(
                String.valueOf(done.id()),
                done.receiptNumber(),
                done.sessionId(),
                done.registerId(),
                done.cashierUserId(),
                done.customerId(),
                done.customerId() == null || done.customerName().isBlank() ? null : done.customerName(),
                done.customerId() == null || done.customerPhone().isBlank() ? null : done.customerPhone(),
                done.completedAt(),
                done.businessDate(),
                done.subtotal(),
                done.discountAmount(),
                done.taxAmount(),
                done.totalAmount(),
                items.stream()
                        .map(i -> new Line(
                                i.productId(),
                                i.productName(),
                                i.batchId(),
                                i.quantity(),
                                i.unitPrice(),
                                i.discountAmount(),
                                i.lineTotal(),
                                i.unitCost(),
                                i.reservationRef(),
                                i.announcedModifiers()))
                        .toList(),
                tenders.stream()
                        .map(p -> new Payment(p.method(), p.amount(), p.received(), p.change()))
                        .toList());
    }
}
