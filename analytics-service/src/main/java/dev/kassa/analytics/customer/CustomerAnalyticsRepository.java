package dev.kassa.analytics.customer;

import dev.kassa.platform.web.JdbcPages;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Spec §8.1 CustomerAnalytics, one current row per customer who ever bought: recency since their last purchase (whole
 * history), frequency and monetary (net of refunds) within the store's window ending today, scored by the store's
 * thresholds. Written inside the caller's transaction.
 */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
public class CustomerAnalyticsRepository {

    @Schema(name = "CustomerAnalyticsRow")
    public record Row(
            long id,
            long customer,
            String customerName,
            String customerPhone,
            String customerType,
            LocalDate periodStart,
            LocalDate periodEnd,
            int recencyDays,
            int frequency,
            BigDecimal monetary,
            int rScore,
            int fScore,
            int mScore,
            int rfmScore,
            String segment,
            int purchasesCount,
            BigDecimal totalSpent,
            BigDecimal avgPurchaseAmount,
            int creditPurchases,
            BigDecimal totalCreditAmount,
            int avgPaymentDelayDays,
            Instant createdAt,
            Instant updatedAt) {}

    record SegmentTotal(String segment, int count, BigDecimal totalSpent, BigDecimal avgPurchase) {}

    static final List<String> AT_RISK = List.of("At Risk", "Can't Lose Them", "Hibernating", "Lost");

    private static final String SELECT =
            """
            select a.*, coalesce(c.full_name, '') as customer_name, c.phone as customer_phone, c.customer_type
              from customer_analytics a left join customers c on c.customer_id = a.customer_id""";
    private static final RowMapper<Row> ROW = (rs, i) -> new Row(
            rs.getLong("id"),
            rs.getLong("customer_id"),
            rs.getString("customer_name"),
            rs.getString("customer_phone"),
            rs.getString("customer_type"),
            rs.getObject("period_start", LocalDate.class),
            rs.getObject("period_end", LocalDate.class),
            rs.getInt("recency_days"),
            rs.getInt("frequency"),
            rs.getBigDecimal("monetary"),
            rs.getInt("r_score"),
            rs.getInt("f_score"),
            rs.getInt("m_score"),
            rs.getInt("rfm_score"),
            rs.getString("segment"),
            rs.getInt("frequency"),
            rs.getBigDecimal("monetary"),
            rs.getBigDecimal("avg_purchase_amount"),
            rs.getInt("credit_purchases"),
            rs.getBigDecimal("total_credit_amount"),
            0,
            rs.getTimestamp("created_at").toInstant(),
            rs.getTimestamp("updated_at").toInstant());

    private final JdbcClient sql;

    CustomerAnalyticsRepository(JdbcClient sql) {
        this.sql = sql;
    }

    /** The customer whose sale {@code saleId} was, if analytics has that sale and it had one. */
    public Optional<Long> customerOf(String saleId) {
        return sql.sql("select customer_id from sale_facts where sale_id = :sale and customer_id is not null")
                .param("sale", saleId)
                .query(Long.class)
                .optional();
    }

    /** Recomputes one customer's row as of {@code today}. */
    public void recompute(long customerId, LocalDate today, RfmSettings settings) {
        LocalDate start = today.minusDays(settings.windowDays());
        var facts = sql.sql(
                        """
                        select max(f.business_date) as last_purchase,
                               count(*) filter (where f.business_date >= :start) as frequency,
                               coalesce(sum(f.total) filter (where f.business_date >= :start), 0)
                                 + coalesce((select sum(r.total) from sale_facts r join sale_facts o on o.sale_id = r.refund_of
                                              where r.kind = 'refund' and o.customer_id = :customer and r.business_date >= :start), 0) as monetary
                          from sale_facts f where f.kind = 'sale' and f.customer_id = :customer
                        """)
                .param("customer", customerId)
                .param("start", start)
                .query((rs, i) -> new Object[] {rs.getObject(1, LocalDate.class), rs.getInt(2), rs.getBigDecimal(3)})
                .single();
        LocalDate last = (LocalDate) facts[0];
        if (last == null) {
            sql.sql("delete from customer_analytics where customer_id = :customer")
                    .param("customer", customerId)
                    .update();
            return;
        }
        int frequency = (int) facts[1];
        BigDecimal monetary = ((BigDecimal) facts[2]).max(BigDecimal.ZERO).setScale(2, RoundingMode.HALF_UP);
        int recency = (int) Math.max(0, ChronoUnit.DAYS.between(last, today));
        Rfm.Scores scores = Rfm.score(settings, recency, frequency, monetary);
        BigDecimal average = frequency == 0
                ? BigDecimal.ZERO.setScale(2)
                : monetary.divide(BigDecimal.valueOf(frequency), 2, RoundingMode.HALF_UP);
        sql.sql(
                        """
                        insert into customer_analytics (customer_id, period_start, period_end, recency_days, frequency, monetary, r_score, f_score,
                                                        m_score, rfm_score, segment, avg_purchase_amount)
                        values (:customer, :start, :end, :recency, :frequency, :monetary, :r, :f, :m, :score, :segment, :average)
                        on conflict (customer_id) do update set period_start = excluded.period_start, period_end = excluded.period_end,
                            recency_days = excluded.recency_days, frequency = excluded.frequency, monetary = excluded.monetary,
                            r_score = excluded.r_score, f_score = excluded.f_score, m_score = excluded.m_score, rfm_score = excluded.rfm_score,
                            segment = excluded.segment, avg_purchase_amount = excluded.avg_purchase_amount, updated_at = now()
                        """)
                .param("customer", customerId)
                .param("start", start)
                .param("end", today)
                .param("recency", recency)
                .param("frequency", frequency)
                .param("monetary", monetary)
                .param("r", scores.r())
                .param("f", scores.f())
                .param("m", scores.m())
                .param("score", scores.score())
                .param("segment", Rfm.segment(scores))
                .param("average", average)
                .update();
    }

    /** Every customer's row as of {@code today} (after new settings, or when the rows are from an earlier day). */
    void recomputeAll(LocalDate today, RfmSettings settings) {
        sql.sql("select distinct customer_id from sale_facts where customer_id is not null")
                .query(Long.class)
                .list()
                .forEach(c -> recompute(c, today, settings));
    }

    boolean staleBefore(LocalDate today) {
        return sql.sql("select exists (select 1 from customer_analytics where period_end < :today)")
                .param("today", today)
                .query(Boolean.class)
                .single();
    }

    Page<Row> page(Long customer, String segment, Integer score, String orderBy, Pageable page) {
        return JdbcPages.page(
                sql,
                SELECT,
                "from customer_analytics a",
                """
                        where (cast(:customer as bigint) is null or a.customer_id = :customer)
                          and (cast(:segment as text) is null or a.segment = :segment)
                          and (cast(:score as int) is null or a.rfm_score = :score)
                        """,
                orderBy,
                q -> q.param("customer", customer).param("segment", segment).param("score", score),
                ROW,
                page);
    }

    Optional<Row> find(long id) {
        return sql.sql(SELECT + " where a.id = :id").param("id", id).query(ROW).optional();
    }

    List<SegmentTotal> segments() {
        return sql.sql(
                        """
                        select segment, count(*), sum(monetary), round(sum(monetary) / nullif(sum(frequency), 0), 2)
                          from customer_analytics group by segment order by sum(monetary) desc, segment
                        """)
                .query((rs, i) -> new SegmentTotal(
                        rs.getString(1),
                        rs.getInt(2),
                        rs.getBigDecimal(3),
                        rs.getBigDecimal(4) == null ? BigDecimal.ZERO.setScale(2) : rs.getBigDecimal(4)))
                .list();
    }

    Optional<Map<String, LocalDate>> period() {
        return sql.sql("select min(period_start), max(period_end) from customer_analytics having count(*) > 0")
                .query((rs, i) -> Map.of(
                        "period_start",
                        rs.getObject(1, LocalDate.class),
                        "period_end",
                        rs.getObject(2, LocalDate.class)))
                .optional();
    }

    List<Row> atRisk() {
        return sql.sql(SELECT + " where a.segment in (:segments) order by a.monetary desc, a.id")
                .param("segments", AT_RISK)
                .query(ROW)
                .list();
    }
}
