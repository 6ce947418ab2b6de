package dev.kassa.sales.print;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;

/** A sale's refunds as its receipt lists them, oldest first. */
@Repository
@Transactional(readOnly = true)
class SaleRefundRepository {

    private final JdbcClient sql;

    SaleRefundRepository(JdbcClient sql) {
        this.sql = sql;
    }

    List<ReceiptPrintout.Refund> of(long saleId) {
        return sql.sql("select created_at, amount, method from refunds where sale_id = :sale order by id")
                .param("sale", saleId)
                .query((rs, n) -> new ReceiptPrintout.Refund(
                        rs.getTimestamp("created_at").toInstant(), rs.getBigDecimal("amount"), rs.getString("method")))
                .list();
    }
}
