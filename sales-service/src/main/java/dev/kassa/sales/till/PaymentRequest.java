package dev.kassa.sales.till;

import java.math.BigDecimal;

/** One tender of a checkout, as the seed API sends it. */
public record PaymentRequest(
        String paymentMethod, BigDecimal amount, BigDecimal receivedAmount, String cardLast4, String transactionId) {}
