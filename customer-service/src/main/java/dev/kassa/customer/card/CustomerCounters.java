package dev.kassa.customer.card;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/**
 * The statements of {@code customers} besides the entity's: the columns sales and payments move (balance, points and
 * purchase totals, each moved by one statement that reads and writes the row at once, so that an edit of the card and a
 * sale or payment at the same moment cannot lose one another), a deleted group's members, and whether an id was ever
 * stored. Part of {@link CustomerRepository}, the one writer of {@code customers}: the entity writes the card, these
 * statements the rest, and no other class writes the table.
 */
public interface CustomerCounters {

    /** A balance moved: before and after, and the customer's points as they are. */
    record BalanceMoved(BigDecimal before, BigDecimal after, int points) {}

    /** Points moved: the points after, and the balance as it is. */
    record PointsMoved(int after, BigDecimal balance) {}

    /**
     * Moves the balance by {@code amount}; empty when there is no such customer or the balance would pass ±{@code limit}.
     */
    Optional<BalanceMoved> moveBalance(long customer, BigDecimal amount, BigDecimal limit);

    /** Moves the points by {@code delta}; empty when there is no such customer. */
    Optional<PointsMoved> movePoints(long customer, int delta);

    /** Counts a purchase of {@code total} made at {@code at} (the last purchase is the latest, whatever the order of arrival). */
    void addPurchase(long customer, BigDecimal total, Instant at);

    /** Takes a refund of {@code amount} off the purchase total (never below zero). */
    void removePurchase(long customer, BigDecimal amount);

    /** Whether a customer with this id was ever stored (deleted ones included: their sales and debts still count). */
    boolean stored(long customer);

    /** Members of a group deleted: they stay, without a group. */
    void ungroup(long group);
}
