package dev.kassa.customer.customer;

import dev.kassa.platform.events.KassaEvent;
import dev.kassa.platform.events.Topics;

import java.math.BigDecimal;

/** A customer's balance changed by a ledger entry (negative balance: debt). */
@KassaEvent(topic = Topics.CUSTOMER)
public record CustomerBalanceChanged(long customerId, long transactionId, String transactionType, BigDecimal amount, BigDecimal balanceBefore,
                                     BigDecimal balanceAfter, String saleId) { }
