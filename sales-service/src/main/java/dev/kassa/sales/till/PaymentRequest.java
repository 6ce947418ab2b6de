package dev.kassa.sales.till;

import dev.kassa.platform.money.PaymentMethod;
import dev.kassa.platform.validation.Money;
import dev.kassa.platform.validation.OneOf;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;

/**
 * One tender of a checkout, as the seed API sends it: a known method and a positive amount; {@code received_amount} (what
 * the cashier was handed, cash only: {@link Settlement} checks it against the amount), the card's last four digits.
 */
public record PaymentRequest(
        @NotNull(message = "sales.payment_method_unknown")
                @OneOf(of = PaymentMethod.class, message = "sales.payment_method_unknown")
                String paymentMethod,
        @NotNull(message = "validation.positive") @Money(positive = true, message = "validation.positive")
                BigDecimal amount,
        @Money(positive = true, message = "validation.invalid") BigDecimal receivedAmount,
        @Pattern(regexp = "\\d{4}", message = "sales.card_last4_invalid") String cardLast4,
        @Size(max = 100) String transactionId) {}
