package dev.kassa.catalog.inventory.document;

import dev.kassa.catalog.inventory.stock.StockReason;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Which record a warehouse document's number names in this store (a purchase order's receipt, a batch received by hand,
 * a shipped transfer, a move, a count), and the transfers and counts the documents are made of.
 */
@Repository
@Transactional(readOnly = true)
class DocumentRepository {

    /** A transfer as its waybill shows it; {@code shippedAt} null until it is shipped. */
    record Shipment(
            long id,
            String number,
            String status,
            String fromStore,
            String toStore,
            String notes,
            Long shippedBy,
            Instant shippedAt) {}

    /** A count as its sheet shows it, with the code of the location it covers (null: the whole store). */
    record Count(long id, String name, boolean blind, Long createdBy, Instant createdAt, String location) {}

    private final JdbcClient sql;

    DocumentRepository(JdbcClient sql) {
        this.sql = sql;
    }

    /** The record a number names in this store, if any. */
    Optional<Located> locate(DocumentNumber number) {
        return switch (number.kind()) {
            case ORDER_RECEIPT -> orderReceipt(number);
            case BATCH_RECEIPT -> receivedByHand(number.value())
                    ? Optional.of(new Located(
                            DocumentType.GOODS_RECEIPT,
                            DocumentNumber.batchReceipt(number.value()),
                            number.value(),
                            null))
                    : Optional.empty();
            case TRANSFER -> transfer(number);
            case MOVE -> moved(number.owner())
                    ? Optional.of(new Located(DocumentType.MOVE_NOTE, number.owner(), null, null))
                    : Optional.empty();
            case COUNT -> count(number.value())
                    .map(c -> new Located(DocumentType.COUNT_SHEET, DocumentNumber.count(c.id()), c.id(), null));
        };
    }

    /** The order's receipt at that place among its receipts (their order of taking in). */
    private Optional<Located> orderReceipt(DocumentNumber number) {
        return sql.sql(
                        """
                        select r.order_id, r.id from purchase_receipts r join purchase_orders o on o.id = r.order_id
                         where o.number = :order order by r.id limit 1 offset :skip
                        """)
                .param("order", number.owner())
                .param("skip", number.value() - 1)
                .query((rs, i) -> new Located(
                        DocumentType.GOODS_RECEIPT,
                        DocumentNumber.orderReceipt(number.owner(), number.value()),
                        rs.getLong(1),
                        rs.getLong(2)))
                .optional();
    }

    /** The number of the order's receipt (none when the receipt is not the order's). */
    Optional<String> orderReceiptNumber(long order, long receipt) {
        return sql.sql(
                        """
                        select o.number,
                               (select count(*) from purchase_receipts e where e.order_id = o.id and e.id <= r.id)
                          from purchase_receipts r join purchase_orders o on o.id = r.order_id
                         where r.id = :receipt and r.order_id = :order
                        """)
                .param("receipt", receipt)
                .param("order", order)
                .query((rs, i) -> DocumentNumber.orderReceipt(rs.getString(1), rs.getLong(2)))
                .optional();
    }

    /** Whether the batch came in by hand (a {@code receipt} movement made it). */
    boolean receivedByHand(long batch) {
        return sql.sql(
                        """
                        select count(*) > 0 from batches b join stock_movements m
                            on m.product_id = b.product_id and m.batch_id = b.id and m.reason = :reason
                         where b.id = :batch
                        """)
                .param("reason", StockReason.RECEIPT.code())
                .param("batch", batch)
                .query(Boolean.class)
                .single();
    }

    /**
     * The shipped transfer of that number: the one from the store the number names (its last 8 hex digits); without
     * them, this store's own, else the only one coming in under that number.
     */
    private Optional<Located> transfer(DocumentNumber number) {
        record Candidate(long id, boolean outgoing, String fromStore) {}
        List<Candidate> found = sql
                .sql(
                        """
                        select id, direction = 'out', from_store from transfers
                         where number = :number and shipped_at is not null
                         order by direction = 'out' desc, id
                        """)
                .param("number", number.owner())
                .query((rs, i) -> new Candidate(rs.getLong(1), rs.getBoolean(2), rs.getString(3)))
                .list()
                .stream()
                .filter(c -> number.store() == null
                        || DocumentNumber.storeSuffix(c.fromStore()).equals(number.store()))
                .toList();
        boolean single = !found.isEmpty() && (found.get(0).outgoing() || found.size() == 1);
        return single
                ? Optional.of(new Located(
                        DocumentType.TRANSFER_WAYBILL,
                        DocumentNumber.transfer(number.owner(), found.get(0).fromStore()),
                        found.get(0).id(),
                        null))
                : Optional.empty();
    }

    /** Whether a move has this reference. */
    private boolean moved(String reference) {
        return sql.sql("select count(*) > 0 from stock_movements where reason = :reason and reference = :reference")
                .param("reason", StockReason.MOVE.code())
                .param("reference", reference)
                .query(Boolean.class)
                .single();
    }

    /** A transfer of this store, shipped or not. */
    Optional<Shipment> shipment(long id) {
        return sql.sql(
                        """
                        select id, number, status, from_store, to_store, notes, shipped_by, shipped_at
                          from transfers where id = :id
                        """)
                .param("id", id)
                .query((rs, i) -> new Shipment(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        (Long) rs.getObject(7),
                        instant(rs.getTimestamp(8))))
                .optional();
    }

    Optional<Count> count(long id) {
        return sql.sql(
                        """
                        select c.id, c.name, c.blind, c.created_by, c.created_at, l.code
                          from stock_counts c left join locations l on l.id = c.location_id
                         where c.id = :id
                        """)
                .param("id", id)
                .query((rs, i) -> new Count(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getBoolean(3),
                        (Long) rs.getObject(4),
                        instant(rs.getTimestamp(5)),
                        rs.getString(6)))
                .optional();
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
