package dev.kassa.sales.print;

import dev.kassa.sales.payment.PaymentMethodRepository;
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
        return sql.sql(
                        """
                        select r.created_at, r.amount, r.method, m.name
                          from refunds r left join payment_methods m on m.code = r.method where r.sale_id = :sale order by r.id
                        """)
                .param("sale", saleId)
                .query((rs, n) -> new ReceiptPrintout.Refund(
                        rs.getTimestamp("created_at").toInstant(),
                        rs.getBigDecimal("amount"),
                        PaymentMethodRepository.displayName(rs.getString("method"), rs.getString("name"))))
                .list();
    }
}
