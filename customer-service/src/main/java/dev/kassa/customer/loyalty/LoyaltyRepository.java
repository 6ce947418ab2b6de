package dev.kassa.customer.loyalty;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.util.Optional;

/** The store's loyalty rules, the points columns of a purchase and a customer's points ({@link Loyalty}'s statements). */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
class LoyaltyRepository {

    /** What a purchase earned and spent in points, and what of it was refunded ({@code customer_purchases}). */
    record PointsOfPurchase(
            BigDecimal refunded,
            BigDecimal base,
            int earned,
            int reversed,
            BigDecimal bonusAmount,
            int bonusPoints,
            BigDecimal bonusRefunded,
            BigDecimal per) {}

    /** The customer's points and balance after a change. */
    record After(int points, BigDecimal balance) {}

    private final JdbcClient sql;

    LoyaltyRepository(JdbcClient sql) {
        this.sql = sql;
    }

    LoyaltySettings settings() {
        return sql.sql(
                        "select is_enabled, amount_per_point, point_value, updated_at from loyalty_settings where id = 1")
                .query((rs, i) -> new LoyaltySettings(
                        rs.getBoolean(1),
                        rs.getBigDecimal(2),
                        rs.getBigDecimal(3),
                        rs.getTimestamp(4).toInstant()))
                .single();
    }

    void updateSettings(boolean enabled, BigDecimal perPoint, BigDecimal value) {
        sql.sql(
                        "update loyalty_settings set is_enabled = :enabled, amount_per_point = :per, point_value = :value, updated_at = now()")
                .param("enabled", enabled)
                .param("per", perPoint)
                .param("value", value)
                .update();
    }

    void spentOn(String saleId, BigDecimal bonus, int points) {
        sql.sql("update customer_purchases set bonus_amount = :amount, bonus_points = :points where sale_id = :sale")
                .param("amount", bonus)
                .param("points", points)
                .param("sale", saleId)
                .update();
    }

    void earnedOn(String saleId, BigDecimal base, int earned, BigDecimal perPoint) {
        sql.sql(
                        "update customer_purchases set points_base = :base, points_earned = :earned, points_per = :per where sale_id = :sale")
                .param("base", base)
                .param("earned", earned)
                .param("per", perPoint)
                .param("sale", saleId)
                .update();
    }

    /** The purchase's points, locked until the transaction ends; empty if the purchase is not known. */
    Optional<PointsOfPurchase> lockPoints(String saleId) {
        return sql.sql(
                        """
                        select refunded, points_base, points_earned, points_reversed, bonus_amount, bonus_points, bonus_refunded, points_per
                          from customer_purchases where sale_id = :sale for update
                        """)
                .param("sale", saleId)
                .query((rs, i) -> new PointsOfPurchase(
                        rs.getBigDecimal(1),
                        rs.getBigDecimal(2),
                        rs.getInt(3),
                        rs.getInt(4),
                        rs.getBigDecimal(5),
                        rs.getInt(6),
                        rs.getBigDecimal(7),
                        rs.getBigDecimal(8)))
                .optional();
    }

    void bonusRefunded(String saleId, BigDecimal now) {
        sql.sql("update customer_purchases set bonus_refunded = :now where sale_id = :sale")
                .param("now", now)
                .param("sale", saleId)
                .update();
    }

    void pointsReversed(String saleId, int points) {
        sql.sql("update customer_purchases set points_reversed = points_reversed + :n where sale_id = :sale")
                .param("n", points)
                .param("sale", saleId)
                .update();
    }

    /** Moves the customer's points by {@code delta}; the points and balance afterwards, empty if there is no such customer. */
    Optional<After> movePoints(long customerId, int delta) {
        return sql.sql(
                        "update customers set loyalty_points = loyalty_points + :delta, updated_at = now() where id = :id "
                                + "returning loyalty_points, balance")
                .param("delta", delta)
                .param("id", customerId)
                .query((rs, i) -> new After(rs.getInt(1), rs.getBigDecimal(2)))
                .optional();
    }
}
