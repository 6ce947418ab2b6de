package dev.kassa.customer.purchase;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.kassa.platform.money.PaymentMethod;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The part of the SaleCompleted contract that customer-service reads. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SaleCompleted(
        String saleId,
        String receiptNumber,
        Long customerId,
        Instant completedAt,
        LocalDate businessDate,
        BigDecimal total,
        List<Line> lines,
        List<Payment> payments) {
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Line(BigDecimal quantity) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Payment(String method, BigDecimal amount) {}

    /** The part of the sale bought on credit (the customer's new debt). */
    public BigDecimal credit() {
        return paid(PaymentMethod.CREDIT);
    }

    /** The part of the sale paid with loyalty points. */
    public BigDecimal bonus() {
        return paid(PaymentMethod.BONUS);
    }

    private BigDecimal paid(PaymentMethod method) {
        return method.paidIn(payments, Payment::method, Payment::amount);
    }

    public BigDecimal itemsQuantity() {
        return lines == null
                ? BigDecimal.ZERO
                : lines.stream().map(Line::quantity).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
