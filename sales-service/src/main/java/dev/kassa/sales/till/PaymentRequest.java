package dev.kassa.sales.till;

import dev.kassa.platform.validation.Money;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;

/**
 * One tender of a checkout, as the seed API sends it: the code of a method the store has enabled (checked when it is
 * recorded, {@code PaymentRepository#add}) and a positive amount; {@code received_amount} (what
 * the cashier was handed, cash only: {@link Settlement} checks it against the amount), the card's last four digits.
 */
public record PaymentRequest(
        @NotNull(message = "sales.payment_method_unknown")
                @Pattern(regexp = "[a-z][a-z0-9_]{1,19}", message = "sales.payment_method_unknown")
                String paymentMethod,
        @NotNull(message = "validation.positive") @Money(positive = true, message = "validation.positive")
                BigDecimal amount,
        @Money(positive = true, message = "validation.invalid") BigDecimal receivedAmount,
        @Pattern(regexp = "\\d{4}", message = "sales.card_last4_invalid") String cardLast4,
        @Size(max = 100) String transactionId) {}
