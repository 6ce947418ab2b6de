package dev.kassa.platform.money;

import dev.kassa.platform.data.Coded;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Optional;
import java.util.function.Function;

/**
 * How a sale, a refund or a debt is paid. The API and the events carry the lower-case {@link #code()} ({@code "cash"});
 * {@code credit} is bought on the customer's account (nasiya), {@code bonus} paid with the customer's loyalty points.
 * Readers of events keep the method a string and sum by it here, so a method added later is counted as "other", not refused.
 */
public enum PaymentMethod implements Coded {
    CASH,
    CARD,
    MOBILE,
    TRANSFER,
    CREDIT,
    BONUS;

    /** The method of this code, if Kassa knows it. */
    public static Optional<PaymentMethod> of(String code) {
        return Coded.of(PaymentMethod.class, code);
    }

    /** Whether {@code code} names a method Kassa knows. */
    public static boolean isKnown(String code) {
        return of(code).isPresent();
    }

    /** The sum of the payments made with this method (zero when there are none, or no payments at all). */
    public <T> BigDecimal paidIn(Collection<T> payments, Function<T, String> method, Function<T, BigDecimal> amount) {
        String code = code();
        return payments == null
                ? BigDecimal.ZERO
                : payments.stream()
                        .filter(p -> code.equals(method.apply(p)))
                        .map(amount)
                        .reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
