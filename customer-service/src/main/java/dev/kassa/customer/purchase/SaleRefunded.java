package dev.kassa.customer.purchase;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.math.BigDecimal;

/** The part of the SaleRefunded contract that customer-service reads. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SaleRefunded(
        String saleId,
        String receiptNumber,
        Long customerId,
        BigDecimal amount,
        BigDecimal creditAmount,
        BigDecimal bonusAmount) {
    /** The part of the refund that reduces the customer's debt instead of leaving the till. */
    public BigDecimal credit() {
        return creditAmount == null ? BigDecimal.ZERO : creditAmount;
    }

    /** The part of the refund given back as the loyalty points it was paid with. */
    public BigDecimal bonus() {
        return bonusAmount == null ? BigDecimal.ZERO : bonusAmount;
    }
}
