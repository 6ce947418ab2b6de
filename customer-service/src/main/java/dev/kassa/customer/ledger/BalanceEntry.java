package dev.kassa.customer.ledger;

import java.math.BigDecimal;

/**
 * A change of a customer's balance: {@code amount} moved it from {@code before} to {@code after}; {@code saleId} the sale
 * behind it, if any; {@code pointsAfter} the customer's points now (a balance entry leaves them as they are).
 */
public record BalanceEntry(
        long customer,
        String type,
        BigDecimal amount,
        BigDecimal before,
        BigDecimal after,
        String saleId,
        String method,
        String description,
        Long performedBy,
        Integer pointsAfter) {}
