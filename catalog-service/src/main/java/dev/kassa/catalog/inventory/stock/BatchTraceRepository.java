package dev.kassa.catalog.inventory.stock;

import dev.kassa.platform.data.SqlArrays;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** What a batch's trace reads: its ledger movements and the sales that took from it (their completed holds). */
@Repository
@Transactional(propagation = Propagation.MANDATORY, readOnly = true)
class BatchTraceRepository {

    /** A movement of the batch's stock. */
    record Moved(String reason, BigDecimal quantity, String reference, String note, Long by, Instant at) {}

    /**
     * A sale that took from the batch: its id, receipt number, buyer (null: anonymous) with their name and phone as the
     * sale had them, how much and when.
     */
    record Sold(
            String sale,
            String receiptNumber,
            Long customer,
            String customerName,
            String customerPhone,
            BigDecimal quantity,
            Instant at) {

        /** The sale without the person who bought: for a caller who may not read customers. */
        Sold anonymous() {
            return new Sold(sale, receiptNumber, null, null, null, quantity, at);
        }
    }

    private final JdbcClient sql;

    BatchTraceRepository(JdbcClient sql) {
        this.sql = sql;
    }

    /**
     * Every batch of the lot of batch {@code id}, itself included, in use or not: the batch and a move's copies at other
     * locations (the same product and number, the same cost and expiry), in id order.
     */
    List<Long> lot(long id) {
        return sql.sql(
                        """
                        select c.id from batches b join batches c
                          on c.product_id = b.product_id and c.batch_number = b.batch_number
                             and c.purchase_price = b.purchase_price and c.expiry_date is not distinct from b.expiry_date
                         where b.id = :id
                         order by c.id
                        """)
                .param("id", id)
                .query(Long.class)
                .list();
    }

    /** The lot's movements other than sales and its moves between locations, in their order. */
    List<Moved> movements(List<Long> lot) {
        return sql.sql(
                        """
                        select reason, quantity, reference, note, created_by, created_at from stock_movements
                         where batch_id = any(cast(:ids as bigint[])) and reason not in ('sale', 'move') order by id
                        """)
                .param("ids", SqlArrays.texts(lot))
                .query((rs, i) -> new Moved(
                        rs.getString(1),
                        rs.getBigDecimal(2),
                        rs.getString(3),
                        rs.getString(4),
                        (Long) rs.getObject(5),
                        rs.getTimestamp(6).toInstant()))
                .list();
    }

    /** What the lot's sale movements took out in all. */
    BigDecimal sold(List<Long> lot) {
        return sql.sql(
                        """
                        select coalesce(-sum(quantity), 0) from stock_movements
                         where batch_id = any(cast(:ids as bigint[])) and reason = 'sale'
                        """)
                .param("ids", SqlArrays.texts(lot))
                .query(BigDecimal.class)
                .single();
    }

    /** Each sale that took from the lot, in the order they completed. */
    List<Sold> sales(List<Long> lot) {
        return sql.sql(
                        """
                        select sale_ref, max(receipt_number), max(customer_id), max(customer_name), max(customer_phone), sum(quantity),
                               max(updated_at) from reservations
                         where batch_id = any(cast(:ids as bigint[])) and status = 'completed'
                         group by sale_ref order by max(updated_at), sale_ref
                        """)
                .param("ids", SqlArrays.texts(lot))
                .query((rs, i) -> new Sold(
                        rs.getString(1),
                        rs.getString(2),
                        (Long) rs.getObject(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getBigDecimal(6),
                        rs.getTimestamp(7).toInstant()))
                .list();
    }

    /**
     * The other active batches of the same lot as batch {@code id}: a move's copies at other locations (the same product
     * and number, the same cost and dates), in id order.
     */
    List<Long> copiesOf(long id) {
        return sql.sql(
                        """
                        select c.id from batches b join batches c
                          on c.product_id = b.product_id and c.batch_number = b.batch_number and c.id <> b.id
                             and c.purchase_price = b.purchase_price and c.expiry_date is not distinct from b.expiry_date
                         where b.id = :id and c.is_active
                         order by c.id
                        """)
                .param("id", id)
                .query(Long.class)
                .list();
    }
}
