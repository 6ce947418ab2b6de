package dev.kassa.customer.loyalty;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.util.Optional;

/** The store's loyalty rules, and a purchase's points read for a refund ({@link LoyaltyService}'s statements). */
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

    private final JdbcClient sql;

    LoyaltyRepository(JdbcClient sql) {
        this.sql = sql;
    }

    LoyaltySettings settings() {
        return sql.sql(
                        "select is_enabled, amount_per_point, point_value, offline_credit_over_limit, updated_at from loyalty_settings where id = 1")
                .query((rs, i) -> new LoyaltySettings(
                        rs.getBoolean(1),
                        rs.getBigDecimal(2),
                        rs.getBigDecimal(3),
                        rs.getBigDecimal(4),
                        rs.getTimestamp(5).toInstant()))
                .single();
    }

    void updateSettings(boolean enabled, BigDecimal perPoint, BigDecimal value, BigDecimal offlineCreditOverLimit) {
        sql.sql(
                        """
                        update loyalty_settings set is_enabled = :enabled, amount_per_point = :per, point_value = :value,
                               offline_credit_over_limit = :offline, updated_at = now()""")
                .param("enabled", enabled)
                .param("per", perPoint)
                .param("value", value)
                .param("offline", offlineCreditOverLimit)
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
}
