package dev.kassa.analytics.facts;

import dev.kassa.platform.money.PaymentMethod;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * How money moved in a sale or a refund, in the report columns: cash, card, credit (the customer's account) and every other
 * method together; and by each method's own code ({@code methods}, the store's own methods included). A sale and a refund
 * are split the same way, here.
 */
public record Tenders(
        BigDecimal cash, BigDecimal card, BigDecimal other, BigDecimal credit, Map<String, BigDecimal> methods) {

    /** The split of a sale's payments; a method unknown to Kassa counts as other, and by its code. */
    public static <T> Tenders of(Collection<T> payments, Function<T, String> method, Function<T, BigDecimal> amount) {
        BigDecimal cash = PaymentMethod.CASH.paidIn(payments, method, amount);
        BigDecimal card = PaymentMethod.CARD.paidIn(payments, method, amount);
        BigDecimal credit = PaymentMethod.CREDIT.paidIn(payments, method, amount);
        Map<String, BigDecimal> methods = new LinkedHashMap<>();
        BigDecimal all = BigDecimal.ZERO;
        for (T p : payments == null ? List.<T>of() : payments) {
            BigDecimal paid = amount.apply(p);
            all = all.add(paid);
            if (paid.signum() != 0) {
                String code = method.apply(p);
                methods.merge(code == null || code.isBlank() ? "other" : code, paid, BigDecimal::add);
            }
        }
        return new Tenders(cash, card, all.subtract(cash).subtract(card).subtract(credit), credit, Map.copyOf(methods));
    }

    /** A refund's split: {@code credit} back to the buyer's account, the rest paid out by {@code method}. */
    public static Tenders ofRefund(String method, BigDecimal paidBack, BigDecimal credit) {
        List<Map.Entry<String, BigDecimal>> moved = List.of(
                Map.entry(method == null ? "" : method, paidBack), Map.entry(PaymentMethod.CREDIT.code(), credit));
        return of(moved, Map.Entry::getKey, Map.Entry::getValue);
    }

    /** What each method moved, as a list (one order for its codes and amounts). */
    public List<Map.Entry<String, BigDecimal>> paid() {
        return List.copyOf(methods.entrySet());
    }

    /** The same split, every amount negated (a refund's facts are negative). */
    public Tenders negate() {
        Map<String, BigDecimal> negated = new LinkedHashMap<>();
        methods.forEach((m, a) -> negated.put(m, a.negate()));
        return new Tenders(cash.negate(), card.negate(), other.negate(), credit.negate(), Map.copyOf(negated));
    }
}
