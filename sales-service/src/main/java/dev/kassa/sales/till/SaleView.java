package dev.kassa.sales.till;

import dev.kassa.platform.error.Messages;
import dev.kassa.sales.catalog.Modifier;
import dev.kassa.sales.payment.PaymentMethodRepository;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** SaleDetail (spec §5.4.1) plus the change handed back. */
public record SaleView(
        long id,
        long session,
        String sessionInfo,
        String cashierName,
        String receiptNumber,
        String status,
        String statusDisplay,
        Long customer,
        String customerName,
        String customerPhone,
        BigDecimal subtotal,
        BigDecimal discountAmount,
        BigDecimal discountPercent,
        BigDecimal taxAmount,
        BigDecimal totalAmount,
        BigDecimal changeAmount,
        int itemsCount,
        BigDecimal totalQuantity,
        Instant createdAt,
        Instant completedAt,
        List<ItemView> items,
        List<PaymentView> payments) {

    public record ItemView(
            long id,
            long sale,
            long product,
            String productName,
            String productSku,
            Long batch,
            String batchNumber,
            BigDecimal quantity,
            BigDecimal unitPrice,
            BigDecimal discountAmount,
            BigDecimal taxRate,
            BigDecimal lineTotal,
            BigDecimal refundedQuantity,
            Instant createdAt,
            List<Modifier> modifiers) {}

    public record PaymentView(
            long id,
            long sale,
            long session,
            String paymentMethod,
            String paymentMethodDisplay,
            BigDecimal amount,
            BigDecimal receivedAmount,
            BigDecimal changeAmount,
            String cardLast4,
            String transactionId,
            Instant createdAt) {}

    static ItemView item(SaleLineRepository.Item i) {
        return new ItemView(
                i.id(),
                i.saleId(),
                i.productId(),
                i.productName(),
                i.productSku(),
                i.batchId(),
                i.batchNumber(),
                i.quantity(),
                i.unitPrice(),
                i.discountAmount(),
                i.taxRate(),
                i.lineTotal(),
                i.refundedQuantity(),
                i.createdAt(),
                i.modifiers());
    }

    static SaleView of(
            SaleRepository.Sale s, List<SaleLineRepository.Item> items, List<PaymentRepository.Payment> payments) {
        return new SaleView(
                s.id(),
                s.sessionId(),
                s.registerName(),
                s.cashierName(),
                s.receiptNumber(),
                s.status().wire(),
                Messages.get("sale.status." + s.status().wire()),
                s.customerId(),
                s.customerName(),
                s.customerPhone(),
                s.subtotal(),
                s.discountAmount(),
                s.discountPercent(),
                s.taxAmount(),
                s.totalAmount(),
                s.changeAmount(),
                items.size(),
                items.stream()
                        .map(SaleLineRepository.Item::quantity)
                        .reduce(BigDecimal.ZERO.setScale(3), BigDecimal::add),
                s.createdAt(),
                s.completedAt(),
                items.stream().map(SaleView::item).toList(),
                payments.stream().map(SaleView::payment).toList());
    }

    static PaymentView payment(PaymentRepository.Payment p) {
        return new PaymentView(
                p.id(),
                p.saleId(),
                p.sessionId(),
                p.method(),
                PaymentMethodRepository.displayName(p.method(), p.methodName()),
                p.amount(),
                p.receivedAmount(),
                p.changeAmount(),
                p.cardLast4(),
                p.transactionId(),
                p.createdAt());
    }
}
