package dev.kassa.analytics.modifier;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What each option was sold with in a period, from the facts of the sales and refunds of its business dates: a refund
 * takes its lines' options off the figures of its own date, as it takes its amount off the sales reports.
 */
@Repository
class ModifierReportRepository {

    /**
     * One option's figures: its group's and its own name as last sold (a refund's names are those of its sale), the sales it was in, the units sold with it and what
     * it added to them, less what refunds gave back.
     */
    record Option(long optionId, String group, String name, long salesCount, BigDecimal quantity, BigDecimal amount) {}

    private final JdbcClient sql;

    ModifierReportRepository(JdbcClient sql) {
        this.sql = sql;
    }

    /** Every option sold in the period, the one that added most first (then the one sold most). */
    @Transactional(readOnly = true)
    List<Option> between(LocalDate from, LocalDate to) {
        return sql.sql(
                        """
                        select m.option_id,
                               (array_agg(m.group_name order by f.kind = 'sale' desc, f.completed_at desc))[1] as group_name,
                               (array_agg(m.name order by f.kind = 'sale' desc, f.completed_at desc))[1] as name,
                               count(distinct m.sale_id) filter (where f.kind = 'sale') as sales_count,
                               sum(m.quantity) as quantity,
                               sum(m.amount) as amount
                          from sale_facts f join sale_fact_modifiers m on m.sale_id = f.sale_id
                         where f.business_date between :from and :to and f.kind in ('sale', 'refund')
                         group by m.option_id
                         order by sum(m.amount) desc, sum(m.quantity) desc, m.option_id
                        """)
                .param("from", from)
                .param("to", to)
                .query((rs, i) -> new Option(
                        rs.getLong("option_id"),
                        rs.getString("group_name"),
                        rs.getString("name"),
                        rs.getLong("sales_count"),
                        rs.getBigDecimal("quantity"),
                        rs.getBigDecimal("amount")))
                .list();
    }
}
