package dev.kassa.analytics.ingest;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.kassa.analytics.facts.Refund;
import dev.kassa.analytics.facts.Sale;
import dev.kassa.analytics.facts.Tenders;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The parts of sales' events that analytics reads (contracts: docs/events.md). */
final class SalesEvents {
    private SalesEvents() {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record SaleCompleted(
            String saleId,
            String receiptNumber,
            Instant completedAt,
            LocalDate businessDate,
            Long customerId,
            BigDecimal discount,
            BigDecimal tax,
            BigDecimal total,
            List<Line> lines,
            List<Payment> payments) {

        @JsonIgnoreProperties(ignoreUnknown = true)
        record Line(
                long productId,
                String productName,
                BigDecimal quantity,
                BigDecimal unitPrice,
                BigDecimal discount,
                BigDecimal lineTotal,
                BigDecimal unitCost) {}

        @JsonIgnoreProperties(ignoreUnknown = true)
        record Payment(String method, BigDecimal amount) {}

        Sale toFact() {
            return new Sale(
                    saleId,
                    receiptNumber,
                    businessDate,
                    completedAt,
                    customerId,
                    total,
                    discount,
                    tax,
                    Tenders.of(payments, Payment::method, Payment::amount),
                    lines.stream()
                            .map(l -> new Sale.Line(
                                    l.productId(),
                                    l.productName(),
                                    l.quantity(),
                                    l.unitPrice(),
                                    l.discount(),
                                    l.lineTotal(),
                                    l.unitCost()))
                            .toList());
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record SaleRefunded(
            String saleId,
            String refundId,
            String receiptNumber,
            LocalDate businessDate,
            BigDecimal amount,
            BigDecimal creditAmount,
            String method,
            List<Line> lines) {

        @JsonIgnoreProperties(ignoreUnknown = true)
        record Line(long productId, BigDecimal quantity, BigDecimal amount) {}

        Refund toFact() {
            return new Refund(
                    refundId,
                    saleId,
                    receiptNumber,
                    businessDate,
                    amount,
                    creditAmount == null ? BigDecimal.ZERO : creditAmount,
                    method,
                    lines.stream()
                            .map(l -> new Refund.Line(l.productId(), l.quantity(), l.amount()))
                            .toList());
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record SessionOpened(long sessionId, long registerId, long cashierId, Instant openedAt, LocalDate businessDate) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record SessionClosed(long sessionId, long registerId, long cashierId, Instant closedAt, LocalDate businessDate) {}
}
