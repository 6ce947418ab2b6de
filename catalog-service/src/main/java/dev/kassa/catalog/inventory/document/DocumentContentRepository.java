package dev.kassa.catalog.inventory.document;

import dev.kassa.catalog.inventory.stock.StockReason;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What the warehouse documents show: a receipt's header and lines (an order's receipt or a batch received by hand), a
 * transfer's goods batch by batch, a move's movements and a count's products, from the tables of purchase orders,
 * batches and movements, transfers and counts, with the products' names and units and the locations' codes. Each read
 * is a read-only transaction of its own: a document is drawn after its reads, holding no connection meanwhile.
 */
@Repository
@Transactional(readOnly = true)
class DocumentContentRepository {

    /** A receipt's header: the order (none for a batch received by hand), the supplier, who took the goods in, when. */
    record Receipt(
            Long order,
            String orderNumber,
            String supplier,
            String supplierPhone,
            String supplierAddress,
            Long receivedBy,
            Instant receivedAt,
            String notes) {}

    /** A line of goods: its place, product, unit, batch, where it lies, how much, at what cost (null: not shown). */
    record Goods(
            int no,
            String name,
            String sku,
            String unit,
            String batchNumber,
            LocalDate expiry,
            String location,
            BigDecimal quantity,
            BigDecimal cost) {}

    /** A batch received by hand: the receipt and its one line. */
    record BatchReceipt(Receipt receipt, Goods line) {}

    /** A movement of a move: its product, its batch and where that batch lies, signed quantity; who and when. */
    record Moved(long product, Goods goods, Long movedBy, Instant movedAt, String note) {}

    /** A product of a count: where its stock lies, and what the shelf should hold (counted: when it was counted). */
    record CountLine(String name, String sku, String barcode, String unit, String locations, BigDecimal expected) {}

    private final JdbcClient sql;

    DocumentContentRepository(JdbcClient sql) {
        this.sql = sql;
    }

    /** An order's receipt: the order, its supplier, who took the goods in and when. */
    Receipt orderReceipt(long receipt) {
        return sql.sql(
                        """
                        select o.id, o.number, s.name, s.phone, s.address, r.received_by, r.received_at, r.notes
                          from purchase_receipts r
                          join purchase_orders o on o.id = r.order_id
                          left join suppliers s on s.id = o.supplier_id
                         where r.id = :receipt
                        """)
                .param("receipt", receipt)
                .query((rs, i) -> new Receipt(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        (Long) rs.getObject(6),
                        instant(rs.getTimestamp(7)),
                        rs.getString(8)))
                .single();
    }

    /** What an order's receipt took in, line by line: into which batch, at which location. */
    List<Goods> orderReceiptLines(long receipt) {
        return sql.sql(
                        """
                        select l.line_no as no, p.name, p.sku, u.short_name as unit, b.batch_number, b.expiry_date,
                               loc.code as location, rl.quantity, rl.cost_price as cost
                          from purchase_receipt_lines rl
                          join purchase_order_lines l on l.id = rl.line_id
                          join products p on p.id = l.product_id
                          left join units u on u.id = p.unit_id
                          left join batches b on b.id = rl.batch_id
                          left join locations loc on loc.id = b.location_id
                         where rl.receipt_id = :receipt
                         order by l.line_no, rl.batch_id
                        """)
                .param("receipt", receipt)
                .query((rs, i) -> goods(rs))
                .list();
    }

    /** A batch received by hand: its receipt movement (how much, by whom, when), its supplier and where it lies. */
    BatchReceipt batchReceipt(long batch) {
        return sql.sql(
                        """
                        select 1 as no, p.name, p.sku, u.short_name as unit, b.batch_number, b.expiry_date,
                               loc.code as location, m.quantity, b.purchase_price as cost,
                               coalesce(s.name, b.supplier_name) as supplier, s.phone, s.address,
                               m.created_by, m.created_at, m.note
                          from batches b
                          join stock_movements m
                            on m.product_id = b.product_id and m.batch_id = b.id and m.reason = :reason
                          join products p on p.id = b.product_id
                          left join units u on u.id = p.unit_id
                          left join suppliers s on s.id = b.supplier_id
                          left join locations loc on loc.id = b.location_id
                         where b.id = :batch
                         order by m.id limit 1
                        """)
                .param("reason", StockReason.RECEIPT.code())
                .param("batch", batch)
                .query((rs, i) -> new BatchReceipt(
                        new Receipt(
                                null,
                                null,
                                rs.getString("supplier"),
                                rs.getString("phone"),
                                rs.getString("address"),
                                (Long) rs.getObject("created_by"),
                                instant(rs.getTimestamp("created_at")),
                                rs.getString("note")),
                        goods(rs)))
                .single();
    }

    /** What a transfer carries, line by line and batch by batch, at the source's cost. */
    List<Goods> shipped(long transfer) {
        return sql.sql(
                        """
                        select l.line_no as no, l.name, l.sku, u.short_name as unit, t.batch_number, t.expiry_date,
                               cast(null as text) as location, t.quantity, t.cost_price as cost
                          from transfer_lines l
                          join transfer_parts t on t.line_id = l.id
                          left join products p on p.id = l.product_id
                          left join units u on u.id = p.unit_id
                         where l.transfer_id = :transfer
                         order by l.line_no, t.part_no
                        """)
                .param("transfer", transfer)
                .query((rs, i) -> goods(rs))
                .list();
    }

    /** A move's movements in their order: out of a batch (negative), into its copy at the other location. */
    List<Moved> move(String reference) {
        return sql.sql(
                        """
                        select 0 as no, p.name, p.sku, u.short_name as unit, b.batch_number, b.expiry_date,
                               loc.code as location, m.quantity, cast(null as numeric) as cost,
                               m.product_id, m.created_by, m.created_at, m.note
                          from stock_movements m
                          join products p on p.id = m.product_id
                          left join units u on u.id = p.unit_id
                          left join batches b on b.id = m.batch_id
                          left join locations loc on loc.id = b.location_id
                         where m.reason = :reason and m.reference = :reference
                         order by m.id
                        """)
                .param("reason", StockReason.MOVE.code())
                .param("reference", reference)
                .query((rs, i) -> new Moved(
                        rs.getLong("product_id"),
                        goods(rs),
                        (Long) rs.getObject("created_by"),
                        instant(rs.getTimestamp("created_at")),
                        rs.getString("note")))
                .list();
    }

    /**
     * A count's products by name: the codes of the locations where their stock lies, and what the shelf should hold
     * (for one counted, what was expected at its last count; else on hand less what tills hold now); for a count of one
     * location, its stock there only.
     */
    List<CountLine> countLines(long count) {
        return sql.sql(
                        """
                        select p.name, p.sku, p.barcode, u.short_name as unit, stock.codes,
                               coalesce(i.expected, greatest(0, stock.on_hand - held.quantity)) as expected
                          from stock_count_items i
                          join stock_counts c on c.id = i.count_id
                          join products p on p.id = i.product_id
                          left join units u on u.id = p.unit_id
                          cross join lateral (
                                select coalesce(sum(b.quantity), 0) as on_hand,
                                       string_agg(distinct loc.code, ', ' order by loc.code)
                                           filter (where b.quantity > 0) as codes
                                  from batches b left join locations loc on loc.id = b.location_id
                                 where b.product_id = i.product_id and b.is_active
                                   and b.location_id = coalesce(c.location_id, b.location_id)) stock
                          cross join lateral (
                                select coalesce(sum(r.quantity), 0) as quantity from reservations r
                                 where r.product_id = i.product_id and r.status = 'active'
                                   and r.reserved_until > now()
                                   and (c.location_id is null or r.batch_id in (
                                        select h.id from batches h where h.location_id = c.location_id))) held
                         where i.count_id = :count
                         order by p.name, p.id
                        """)
                .param("count", count)
                .query((rs, i) -> new CountLine(
                        rs.getString("name"),
                        rs.getString("sku"),
                        rs.getString("barcode"),
                        rs.getString("unit"),
                        rs.getString("codes"),
                        rs.getBigDecimal("expected")))
                .list();
    }

    /** The goods a row holds (no, name, sku, unit, batch_number, expiry_date, location, quantity, cost). */
    private static Goods goods(ResultSet rs) throws SQLException {
        return new Goods(
                rs.getInt("no"),
                rs.getString("name"),
                rs.getString("sku"),
                rs.getString("unit"),
                rs.getString("batch_number"),
                rs.getObject("expiry_date", LocalDate.class),
                rs.getString("location"),
                rs.getBigDecimal("quantity"),
                rs.getBigDecimal("cost"));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
