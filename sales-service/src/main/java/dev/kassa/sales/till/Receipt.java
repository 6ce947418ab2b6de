package dev.kassa.sales.till;

import dev.kassa.platform.tenancy.TenantContext;
import dev.kassa.platform.tenancy.TenantRegistry;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

/**
 * The receipt shape the original documented but never served ({@code sales/{id}/receipt/}). Dates are in the
 * store's time zone; taxes are the VAT included in the prices. The store's name, address, phone and legal
 * details come from auth's StoreCreated/StoreUpdated events (the tenant registry).
 */
record Receipt(
        String storeKey,
        String storeName,
        String storeAddress,
        String storePhone,
        String legalName,
        String taxId,
        String receiptNumber,
        String cashier,
        LocalDateTime date,
        String status,
        List<Line> items,
        BigDecimal subtotal,
        BigDecimal discount,
        BigDecimal tax,
        BigDecimal total,
        List<Payment> payments,
        BigDecimal change) {

    /** A line: {@code modifiers} the names of the options chosen (the unit price includes what they add). */
    record Line(
            String name,
            String sku,
            BigDecimal quantity,
            BigDecimal unitPrice,
            BigDecimal total,
            BigDecimal taxRate,
            List<String> modifiers) {}

    record Payment(String method, String methodDisplay, BigDecimal amount, BigDecimal received, BigDecimal change) {}

    static Receipt of(SaleView sale, TenantRegistry.Profile store) {
        var tenant = TenantContext.require();
        Instant at = sale.completedAt() != null ? sale.completedAt() : sale.createdAt();
        return new Receipt(
                tenant.key(),
                store.name(),
                store.address(),
                store.phone(),
                store.legalName(),
                store.taxId(),
                sale.receiptNumber(),
                sale.cashierName(),
                LocalDateTime.ofInstant(at, tenant.zone()),
                sale.status(),
                sale.items().stream()
                        .map(i -> new Line(
                                i.productName(),
                                i.productSku(),
                                i.quantity(),
                                i.unitPrice(),
                                i.lineTotal(),
                                i.taxRate(),
                                i.modifiers().stream().map(m -> m.name()).toList()))
                        .toList(),
                sale.subtotal(),
                sale.discountAmount(),
                sale.taxAmount(),
                sale.totalAmount(),
                sale.payments().stream()
                        .map(p -> new Payment(
                                p.paymentMethod(),
                                p.paymentMethodDisplay(),
                                p.amount(),
                                p.receivedAmount(),
                                p.changeAmount()))
                        .toList(),
                sale.changeAmount());
    }
}
