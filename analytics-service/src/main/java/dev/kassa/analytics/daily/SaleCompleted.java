package dev.kassa.analytics.daily;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The part of the SaleCompleted contract (brief §5) that analytics reads. */
@JsonIgnoreProperties(ignoreUnknown = true)
record SaleCompleted(String saleId, String receiptNumber, Instant completedAt, LocalDate businessDate, Long customerId,
                     BigDecimal discount, BigDecimal tax, BigDecimal total, List<Line> lines, List<Payment> payments) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Line(long productId, BigDecimal quantity, BigDecimal lineTotal, BigDecimal unitCost) { }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Payment(String method, BigDecimal amount) { }

    BigDecimal itemsQuantity() {
        return lines.stream().map(Line::quantity).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    BigDecimal paid(String method) {
        return payments.stream().filter(p -> method.equals(p.method())).map(Payment::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    BigDecimal paidOther() {
        return payments.stream().filter(p -> !"cash".equals(p.method()) && !"card".equals(p.method())).map(Payment::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
