package dev.kassa.analytics.payment;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** What each payment method took and paid back in a period, from the sales' and refunds' facts of its business dates. */
@Repository
class PaymentMethodReportRepository {

    /** One method's figures: sales it paid (and how many), refunds it paid back (positive), what is left. */
    record Method(String code, long salesCount, BigDecimal sales, BigDecimal refunds, BigDecimal net) {}

    private final JdbcClient sql;

    PaymentMethodReportRepository(JdbcClient sql) {
        this.sql = sql;
    }

    /** Every method that moved money in the period, the one that moved most first. */
    @Transactional(readOnly = true)
    List<Method> between(LocalDate from, LocalDate to) {
        return sql.sql(
                        """
                        select p.method,
                               count(*) filter (where f.kind = 'sale') as sales_count,
                               coalesce(sum(p.amount) filter (where f.kind = 'sale'), 0) as sales,
                               coalesce(-sum(p.amount) filter (where f.kind = 'refund'), 0) as refunds,
                               sum(p.amount) as net
                          from sale_facts f join sale_fact_payments p on p.sale_id = f.sale_id
                         where f.business_date between :from and :to
                         group by p.method
                         order by sum(p.amount) desc, p.method
                        """)
                .param("from", from)
                .param("to", to)
                .query((rs, i) -> new Method(
                        rs.getString("method"),
                        rs.getLong("sales_count"),
                        rs.getBigDecimal("sales"),
                        rs.getBigDecimal("refunds"),
                        rs.getBigDecimal("net")))
                .list();
    }
}
