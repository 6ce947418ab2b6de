package dev.kassa.analytics.facts;

import dev.kassa.platform.money.PaymentMethod;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * How money moved in a sale or a refund, in the report columns: cash, card, credit (the customer's account) and every other
 * method together. A sale and a refund are split the same way, here.
 */
public record Tenders(BigDecimal cash, BigDecimal card, BigDecimal other, BigDecimal credit) {

    /** The split of a sale's payments; a method unknown to Kassa counts as other. */
    public static <T> Tenders of(Collection<T> payments, Function<T, String> method, Function<T, BigDecimal> amount) {
        BigDecimal cash = PaymentMethod.CASH.paidIn(payments, method, amount);
        BigDecimal card = PaymentMethod.CARD.paidIn(payments, method, amount);
        BigDecimal credit = PaymentMethod.CREDIT.paidIn(payments, method, amount);
        BigDecimal all = payments == null
                ? BigDecimal.ZERO
                : payments.stream().map(amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new Tenders(cash, card, all.subtract(cash).subtract(card).subtract(credit), credit);
    }

    /** A refund's split: {@code credit} back to the buyer's account, the rest paid out by {@code method}. */
    public static Tenders ofRefund(String method, BigDecimal paidBack, BigDecimal credit) {
        List<Map.Entry<String, BigDecimal>> moved = List.of(
                Map.entry(method == null ? "" : method, paidBack), Map.entry(PaymentMethod.CREDIT.code(), credit));
        return of(moved, Map.Entry::getKey, Map.Entry::getValue);
    }

    /** The same split, every amount negated (a refund's facts are negative). */
    public Tenders negate() {
        return new Tenders(cash.negate(), card.negate(), other.negate(), credit.negate());
    }
}
