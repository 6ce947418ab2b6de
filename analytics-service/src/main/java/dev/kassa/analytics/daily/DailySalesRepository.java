package dev.kassa.analytics.daily;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The store's daily reports. Reads run in their own read-only transaction (the store's schema); writes only inside the inbox's. */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
class DailySalesRepository {

    private static final RowMapper<DailyReport> ROW = (rs, i) -> new DailyReport(rs.getLong("id"), rs.getObject("date", LocalDate.class),
            rs.getBigDecimal("total_sales"), rs.getInt("total_sales_count"), rs.getBigDecimal("avg_sale_amount"), rs.getBigDecimal("cash_sales"),
            rs.getBigDecimal("card_sales"), rs.getBigDecimal("total_discount"), rs.getBigDecimal("total_tax"), rs.getBigDecimal("total_items_sold"),
            rs.getInt("unique_products_sold"), rs.getInt("unique_customers"), rs.getBigDecimal("total_refunds"), rs.getInt("refunds_count"));

    private final JdbcTemplate jdbc;

    DailySalesRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    Optional<DailyReport> forDate(LocalDate date) {
        return jdbc.query("select * from daily_sales where date = ?", ROW, date).stream().findFirst();
    }

    @Transactional(readOnly = true)
    List<DailyReport> page(int limit, int offset) {
        return jdbc.query("select * from daily_sales order by date desc limit ? offset ?", ROW, limit, offset);
    }

    @Transactional(readOnly = true)
    List<DailyReport> between(LocalDate from, LocalDate to) {
        return jdbc.query("select * from daily_sales where date between ? and ? order by date", ROW, from, to);
    }

    @Transactional(readOnly = true)
    long count() {
        return jdbc.queryForObject("select count(*) from daily_sales", Long.class);
    }

    /** Records a sale once; false if it was already recorded. */
    boolean recordSale(SaleCompleted s) {
        int inserted = jdbc.update("""
                insert into sale_facts (sale_id, receipt_number, business_date, completed_at, customer_id, total, discount, tax, items_quantity, cash, card, other)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (sale_id) do nothing
                """, s.saleId(), s.receiptNumber(), s.businessDate(), java.sql.Timestamp.from(s.completedAt()), s.customerId(), s.total(),
                s.discount(), s.tax(), s.itemsQuantity(), s.paid("cash"), s.paid("card"), s.paidOther());
        if (inserted == 1) {
            for (SaleCompleted.Line line : s.lines()) {
                jdbc.update("insert into sale_fact_lines (sale_id, product_id, quantity, line_total, unit_cost) values (?, ?, ?, ?, ?)",
                        s.saleId(), line.productId(), line.quantity(), line.lineTotal(), line.unitCost() == null ? java.math.BigDecimal.ZERO : line.unitCost());
            }
        }
        return inserted == 1;
    }

    /** Records a refund once, as a negative fact on the refund's business date; false if already recorded. */
    boolean recordRefund(SaleRefunded r) {
        BigDecimal amount = r.amount().negate();
        BigDecimal quantity = r.lines().stream().map(SaleRefunded.Line::quantity).reduce(BigDecimal.ZERO, BigDecimal::add).negate();
        int inserted = jdbc.update("""
                insert into sale_facts (sale_id, receipt_number, business_date, completed_at, total, discount, tax, items_quantity, cash, card, other, kind)
                values (?, ?, ?, now(), ?, 0, 0, ?, ?, ?, ?, 'refund') on conflict (sale_id) do nothing
                """, "refund-" + r.refundId(), r.receiptNumber(), r.businessDate(), amount, quantity,
                "cash".equals(r.method()) ? amount : BigDecimal.ZERO, "card".equals(r.method()) ? amount : BigDecimal.ZERO,
                "cash".equals(r.method()) || "card".equals(r.method()) ? BigDecimal.ZERO : amount);
        return inserted == 1;
    }

    /** Rebuilds one date's report from the facts (each sale counted once; no join inflation, spec §11.5.1). */
    void recompute(LocalDate date) {
        int facts = jdbc.queryForObject("select count(*) from sale_facts where business_date = ?", Integer.class, date);
        if (facts == 0) {
            jdbc.update("delete from daily_sales where date = ?", date);
            return;
        }
        jdbc.update("""
                insert into daily_sales (date, total_sales, total_sales_count, avg_sale_amount, cash_sales, card_sales, total_discount, total_tax,
                                         total_items_sold, unique_products_sold, unique_customers, total_refunds, refunds_count)
                select f.business_date, sum(f.total), count(*) filter (where f.kind = 'sale'),
                       coalesce(round(sum(f.total) filter (where f.kind = 'sale') / nullif(count(*) filter (where f.kind = 'sale'), 0), 2), 0),
                       sum(f.cash), sum(f.card), sum(f.discount), sum(f.tax), sum(f.items_quantity),
                       (select count(distinct l.product_id) from sale_fact_lines l join sale_facts x on x.sale_id = l.sale_id where x.business_date = ?),
                       count(distinct f.customer_id),
                       coalesce(-sum(f.total) filter (where f.kind = 'refund'), 0), count(*) filter (where f.kind = 'refund')
                  from sale_facts f where f.business_date = ? group by f.business_date
                on conflict (date) do update set
                    total_sales = excluded.total_sales, total_sales_count = excluded.total_sales_count, avg_sale_amount = excluded.avg_sale_amount,
                    cash_sales = excluded.cash_sales, card_sales = excluded.card_sales, total_discount = excluded.total_discount,
                    total_tax = excluded.total_tax, total_items_sold = excluded.total_items_sold,
                    unique_products_sold = excluded.unique_products_sold, unique_customers = excluded.unique_customers,
                    total_refunds = excluded.total_refunds, refunds_count = excluded.refunds_count, updated_at = now()
                """, date, date);
    }
}
