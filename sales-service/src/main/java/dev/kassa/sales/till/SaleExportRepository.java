package dev.kassa.sales.till;

import dev.kassa.platform.export.CursorReader;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.function.Consumer;

/**
 * The sales list's rows for a file, read from a cursor ({@link CursorReader}) and handed on one by one, so a
 * year of sales leaves without being held: a row per sale with its payments by tender, or a row per sold line.
 */
@Repository
@Transactional(propagation = Propagation.MANDATORY, readOnly = true)
class SaleExportRepository {

    /** What every row of a sale's names: its receipt, status, business date and time (the first four columns). */
    record Receipt(String number, SaleStatus status, LocalDate businessDate, Instant completedAt) {}

    /** A sale as its file row shows it; {@code cash}, {@code card} and {@code other} are what each tender paid. */
    record SaleRow(
            Receipt receipt,
            String register,
            String cashier,
            String customer,
            String customerPhone,
            BigDecimal quantity,
            BigDecimal subtotal,
            BigDecimal discount,
            BigDecimal tax,
            BigDecimal total,
            BigDecimal cash,
            BigDecimal card,
            BigDecimal other) {}

    /** A sold line with its sale's receipt, date, seller and buyer. */
    record LineRow(
            Receipt receipt,
            String cashier,
            String customer,
            String sku,
            String product,
            String unit,
            BigDecimal quantity,
            BigDecimal unitPrice,
            BigDecimal discount,
            BigDecimal taxRate,
            BigDecimal lineTotal,
            BigDecimal refundedQuantity) {}

    private static final String SALES =
            """
            select s.receipt_number, s.status, s.business_date, s.completed_at, r.name as register, s.cashier_name,
                   s.customer_name, s.customer_phone,
                   (select coalesce(sum(i.quantity), 0) from sale_items i where i.sale_id = s.id) as quantity,
                   s.subtotal, s.discount_amount, s.tax_amount, s.total_amount,
                   coalesce(paid.cash, 0.00) as cash, coalesce(paid.card, 0.00) as card,
                   coalesce(paid.other, 0.00) as other
              from sales s join sessions se on se.id = s.session_id join cash_registers r on r.id = se.cash_register_id
              left join lateral (select sum(x.amount) filter (where x.payment_method = 'cash') as cash,
                                        sum(x.amount) filter (where x.payment_method = 'card') as card,
                                        sum(x.amount) filter (where x.payment_method not in ('cash', 'card')) as other
                                   from payments x where x.sale_id = s.id) paid on true
            """;

    private static final String LINES =
            """
            select s.receipt_number, s.status, s.business_date, s.completed_at, s.cashier_name, s.customer_name,
                   i.product_sku, i.product_name, i.unit, i.quantity, i.unit_price, i.discount_amount, i.tax_rate,
                   i.line_total, i.refunded_quantity
              from sales s join sale_items i on i.sale_id = s.id
            """;

    private final CursorReader cursor;

    SaleExportRepository(JdbcTemplate jdbc) {
        this.cursor = new CursorReader(jdbc);
    }

    void sales(SaleSearchRepository.Filter filter, String orderBy, Consumer<? super SaleRow> row) {
        stream(
                SALES,
                orderBy,
                filter,
                (rs, i) -> new SaleRow(
                        receipt(rs),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getString(8),
                        rs.getBigDecimal(9),
                        rs.getBigDecimal(10),
                        rs.getBigDecimal(11),
                        rs.getBigDecimal(12),
                        rs.getBigDecimal(13),
                        rs.getBigDecimal(14),
                        rs.getBigDecimal(15),
                        rs.getBigDecimal(16)),
                row);
    }

    void lines(SaleSearchRepository.Filter filter, String orderBy, Consumer<? super LineRow> row) {
        stream(
                LINES,
                orderBy + ", i.id",
                filter,
                (rs, i) -> new LineRow(
                        receipt(rs),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getString(8),
                        rs.getString(9),
                        rs.getBigDecimal(10),
                        rs.getBigDecimal(11),
                        rs.getBigDecimal(12),
                        rs.getBigDecimal(13),
                        rs.getBigDecimal(14),
                        rs.getBigDecimal(15)),
                row);
    }

    /** The rows of {@code select} the list's filter lets through, in {@code orderBy} order, one at a time. */
    private <T> void stream(
            String select,
            String orderBy,
            SaleSearchRepository.Filter filter,
            RowMapper<T> mapper,
            Consumer<? super T> row) {
        cursor.forEach(
                select + SaleSearchRepository.WHERE + " order by " + orderBy,
                SaleSearchRepository.params(filter),
                mapper,
                row);
    }

    private static Receipt receipt(ResultSet rs) throws SQLException {
        return new Receipt(
                rs.getString(1), SaleStatus.of(rs.getString(2)), rs.getObject(3, LocalDate.class), instant(rs, 4));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        java.sql.Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
