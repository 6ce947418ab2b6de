package dev.kassa.customer.ledger;

import dev.kassa.platform.events.KassaEvent;
import dev.kassa.platform.events.Topics;

import java.math.BigDecimal;

/**
 * A customer's ledger gained an entry: the balance changed (negative balance: debt) or, for the bonus entries, the loyalty
 * points did ({@code pointsChange}, the balance unchanged). A debt payment names its method and who took it, so a cash payment
 * taken at a till lands in that cashier's open shift.
 */
@KassaEvent(topic = Topics.CUSTOMER)
public record CustomerBalanceChanged(
        long customerId,
        long transactionId,
        String transactionType,
        BigDecimal amount,
        BigDecimal balanceBefore,
        BigDecimal balanceAfter,
        String saleId,
        String paymentMethod,
        Long performedBy,
        int pointsChange,
        Integer pointsAfter) {}
