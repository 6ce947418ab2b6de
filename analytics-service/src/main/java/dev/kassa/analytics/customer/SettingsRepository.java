package dev.kassa.analytics.customer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.SQLException;
import java.util.Arrays;

/** The store's RFM settings; the original's thresholds until the owner changes them. */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
class SettingsRepository {

    private final JdbcClient jdbc;

    SettingsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    RfmSettings rfm() {
        return jdbc.sql(
                        "select rfm_window_days, rfm_recency, rfm_frequency, rfm_monetary from analytics_settings where id = 1")
                .query((rs, i) -> new RfmSettings(
                        rs.getInt(1), ints(rs.getArray(2)), ints(rs.getArray(3)), decimals(rs.getArray(4))))
                .optional()
                .orElseGet(RfmSettings::defaults);
    }

    void save(RfmSettings s) {
        jdbc.sql(
                        """
                        insert into analytics_settings (id, rfm_window_days, rfm_recency, rfm_frequency, rfm_monetary)
                        values (1, :window, cast(:recency as integer[]), cast(:frequency as integer[]), cast(:monetary as numeric[]))
                        on conflict (id) do update set rfm_window_days = excluded.rfm_window_days, rfm_recency = excluded.rfm_recency,
                            rfm_frequency = excluded.rfm_frequency, rfm_monetary = excluded.rfm_monetary, updated_at = now()
                        """)
                .param("window", s.windowDays())
                .param("recency", literal(s.recencyDays()))
                .param("frequency", literal(s.frequency()))
                .param("monetary", literal(s.monetary()))
                .update();
    }

    /** A PostgreSQL array literal: {@code {7,30,60,90}}. */
    private static String literal(int[] values) {
        return "{"
                + String.join(
                        ",", Arrays.stream(values).mapToObj(String::valueOf).toList()) + "}";
    }

    private static String literal(BigDecimal[] values) {
        return "{"
                + String.join(
                        ",",
                        Arrays.stream(values).map(BigDecimal::toPlainString).toList()) + "}";
    }

    private static int[] ints(Array array) throws SQLException {
        Object[] values = (Object[]) array.getArray();
        return Arrays.stream(values).mapToInt(v -> ((Number) v).intValue()).toArray();
    }

    private static BigDecimal[] decimals(Array array) throws SQLException {
        Object[] values = (Object[]) array.getArray();
        return Arrays.stream(values).map(v -> new BigDecimal(v.toString())).toArray(BigDecimal[]::new);
    }
}
