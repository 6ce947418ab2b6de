package dev.kassa.catalog.inventory.purchase;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.kassa.platform.data.SqlArrays;
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
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every statement on {@code purchase_orders}, {@code purchase_order_lines}, {@code purchase_receipts} and
 * {@code purchase_receipt_lines}.
 */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
class PurchaseOrderRepository {

    /**
     * An order with its supplier's name and its lines' sums (ordered and received, at the lines' costs), as its answer
     * shows it ({@code supplier}, {@code total_cost}, the status by its code).
     */
    @Schema(name = "PurchaseOrderRow")
    record Row(
            long id,
            String number,
            @JsonProperty("supplier") long supplierId,
            String supplierName,
            @Schema(implementation = String.class) PurchaseOrderStatus status,
            LocalDate expectedAt,
            String notes,
            Long createdBy,
            Instant createdAt,
            Instant orderedAt,
            Instant finishedAt,
            String closeReason,
            int lineCount,
            @JsonProperty("total_cost") BigDecimal orderedCost,
            BigDecimal receivedCost) {}

    /** A line's product as catalog names it now. */
    @Schema(name = "PurchaseLineProduct")
    record LineProduct(@JsonProperty("product") long id, String name, String sku, String barcode) {}

    /** A line of an order: its product, how many at what cost, how many came. */
    @Schema(name = "PurchaseLineRow")
    record Line(
            long id,
            int lineNo,
            @JsonUnwrapped LineProduct product,
            BigDecimal quantity,
            BigDecimal costPrice,
            BigDecimal receivedQuantity) {}

    /** A line to write: the product, how many, at what cost. */
    record NewLine(long productId, BigDecimal quantity, BigDecimal costPrice) {}

    /** What one receipt took in for one line, into which batch. */
    record ReceivedLine(long lineId, long productId, BigDecimal quantity, BigDecimal costPrice, Long batchId) {}

    /** A receipt of the order with what it took in. */
    record Receipt(long id, Long receivedBy, Instant receivedAt, String notes, List<ReceivedLine> lines) {}

    private static final String SELECT =
            """
            select o.*, s.name as supplier_name,
                   (select count(*) from purchase_order_lines l where l.order_id = o.id) as line_count,
                   (select coalesce(sum(round(l.quantity * l.cost_price, 2)), 0) from purchase_order_lines l where l.order_id = o.id) as ordered_cost,
                   (select coalesce(sum(round(r.quantity * r.cost_price, 2)), 0) from purchase_receipt_lines r
                      join purchase_receipts p on p.id = r.receipt_id where p.order_id = o.id) as received_cost
              from purchase_orders o join suppliers s on s.id = o.supplier_id""";

    private static final RowMapper<Row> ROW = (rs, i) -> new Row(
            rs.getLong("id"),
            rs.getString("number"),
            rs.getLong("supplier_id"),
            rs.getString("supplier_name"),
            PurchaseOrderStatus.of(rs.getString("status")),
            rs.getObject("expected_at", LocalDate.class),
            rs.getString("notes"),
            rs.getObject("created_by", Long.class),
            rs.getTimestamp("created_at").toInstant(),
            instant(rs.getTimestamp("ordered_at")),
            instant(rs.getTimestamp("finished_at")),
            rs.getString("close_reason"),
            rs.getInt("line_count"),
            rs.getBigDecimal("ordered_cost"),
            rs.getBigDecimal("received_cost"));

    private final JdbcClient sql;

    PurchaseOrderRepository(JdbcClient sql) {
        this.sql = sql;
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    /** A new draft numbered {@code PO-000001} on from the store's sequence. */
    long create(long supplierId, LocalDate expectedAt, String notes, Long createdBy) {
        return sql.sql(
                        """
                        insert into purchase_orders (number, supplier_id, expected_at, notes, created_by)
                        values ('PO-' || lpad(nextval('purchase_order_numbers')::text, 6, '0'), :supplier, :expected, :notes, :by)
                        returning id
                        """)
                .param("supplier", supplierId)
                .param("expected", expectedAt)
                .param("notes", notes)
                .param("by", createdBy)
                .query(Long.class)
                .single();
    }

    /** A draft's details (what is given; null keeps). */
    void describe(long id, LocalDate expectedAt, boolean expectedGiven, String notes) {
        sql.sql(
                        """
                        update purchase_orders set expected_at = case when :expectedGiven then cast(:expected as date) else expected_at end,
                               notes = coalesce(:notes, notes), updated_at = now()
                         where id = :id
                        """)
                .param("id", id)
                .param("expected", expectedAt)
                .param("expectedGiven", expectedGiven)
                .param("notes", notes)
                .update();
    }

    /** Replaces a draft's lines, numbered in the order given. */
    void replaceLines(long orderId, List<NewLine> lines) {
        sql.sql("delete from purchase_order_lines where order_id = :id")
                .param("id", orderId)
                .update();
        sql.sql(
                        """
                        insert into purchase_order_lines (order_id, line_no, product_id, quantity, cost_price)
                        select :id, n, product, quantity, cost
                          from unnest(cast(:products as bigint[]), cast(:quantities as numeric[]), cast(:costs as numeric[]))
                               with ordinality as l(product, quantity, cost, n)
                        """)
                .param("id", orderId)
                .param("products", SqlArrays.texts(lines, NewLine::productId))
                .param("quantities", SqlArrays.texts(lines, NewLine::quantity))
                .param("costs", SqlArrays.texts(lines, NewLine::costPrice))
                .update();
    }

    /** The order's status, the order locked until the transaction ends (one change of an order at a time). */
    Optional<PurchaseOrderStatus> lock(long id) {
        return sql.sql("select status from purchase_orders where id = :id for update")
                .param("id", id)
                .query(String.class)
                .optional()
                .map(PurchaseOrderStatus::of);
    }

    /** The order with its lines, locked until the transaction ends (one change of an order at a time). */
    Optional<PurchaseOrder> load(long id) {
        return lock(id).map(status -> new PurchaseOrder(find(id).orElseThrow(), lines(id)));
    }

    /** Moves the order to {@code status}: sent keeps when ({@code ordered_at}), a final status when it finished. */
    void status(long id, PurchaseOrderStatus status) {
        sql.sql(
                        """
                        update purchase_orders set status = :status, updated_at = now(),
                               ordered_at = case when :ordering then now() else ordered_at end,
                               finished_at = case when :finishing then now() else finished_at end
                         where id = :id
                        """)
                .param("id", id)
                .param("status", status.code())
                .param("ordering", status == PurchaseOrderStatus.ORDERED)
                .param("finishing", status.isFinal())
                .update();
    }

    /** Closes the order with why (it finishes now). */
    void close(long id, String reason) {
        sql.sql(
                        """
                        update purchase_orders set status = :status, close_reason = :reason, finished_at = now(), updated_at = now()
                         where id = :id
                        """)
                .param("id", id)
                .param("status", PurchaseOrderStatus.CLOSED.code())
                .param("reason", reason)
                .update();
    }

    @Transactional(readOnly = true)
    Optional<Row> find(long id) {
        return sql.sql(SELECT + " where o.id = :id").param("id", id).query(ROW).optional();
    }

    @Transactional(readOnly = true)
    List<Line> lines(long orderId) {
        return sql.sql(
                        """
                        select l.*, p.name, p.sku, p.barcode from purchase_order_lines l join products p on p.id = l.product_id
                         where l.order_id = :id order by l.line_no
                        """)
                .param("id", orderId)
                .query((rs, i) -> new Line(
                        rs.getLong("id"),
                        rs.getInt("line_no"),
                        new LineProduct(
                                rs.getLong("product_id"),
                                rs.getString("name"),
                                rs.getString("sku"),
                                rs.getString("barcode")),
                        rs.getBigDecimal("quantity"),
                        rs.getBigDecimal("cost_price"),
                        rs.getBigDecimal("received_quantity")))
                .list();
    }

    /** Orders newest first: of a supplier, in a status, created from and to (the store's dates, as instants). */
    @Transactional(readOnly = true)
    Page<Row> page(Long supplierId, PurchaseOrderStatus status, Instant from, Instant until, Pageable page) {
        return JdbcPages.page(
                sql,
                SELECT,
                "from purchase_orders o",
                """
                where (cast(:supplier as bigint) is null or o.supplier_id = :supplier)
                  and (cast(:status as text) is null or o.status = :status)
                  and (cast(:from as timestamptz) is null or o.created_at >= :from)
                  and (cast(:until as timestamptz) is null or o.created_at < :until)""",
                "o.created_at desc, o.id desc",
                q -> q.param("supplier", supplierId)
                        .param("status", status == null ? null : status.code())
                        .param("from", from == null ? null : Timestamp.from(from))
                        .param("until", until == null ? null : Timestamp.from(until)),
                ROW,
                page);
    }

    /** The receipt made under {@code requestKey}, if any (a retried receipt). */
    Optional<Long> receiptOf(String requestKey) {
        return sql.sql("select id from purchase_receipts where request_key = :key")
                .param("key", requestKey)
                .query(Long.class)
                .optional();
    }

    /** Records a receipt, what it took in for each line and the lines' received quantities. */
    long receive(long orderId, long supplierId, String requestKey, Long by, String notes, List<ReceivedLine> lines) {
        long id = sql.sql(
                        """
                        insert into purchase_receipts (order_id, request_key, received_by, notes) values (:order, :key, :by, :notes)
                        returning id
                        """)
                .param("order", orderId)
                .param("key", requestKey)
                .param("by", by)
                .param("notes", notes)
                .query(Long.class)
                .single();
        sql.sql(
                        """
                        with l as (select * from unnest(cast(:lines as bigint[]), cast(:batches as bigint[]), cast(:quantities as numeric[]),
                                                       cast(:costs as numeric[])) with ordinality as t(line, batch, quantity, cost, n)),
                             written as (insert into purchase_receipt_lines (receipt_id, line_id, batch_id, quantity, cost_price)
                                         select :receipt, line, batch, quantity, cost from l order by n)
                        update purchase_order_lines o set received_quantity = o.received_quantity + s.quantity
                          from (select line, sum(quantity) as quantity from l group by line) s
                         where o.id = s.line
                        """)
                .param("receipt", id)
                .param("lines", SqlArrays.texts(lines, ReceivedLine::lineId))
                .param("batches", SqlArrays.texts(lines, ReceivedLine::batchId))
                .param("quantities", SqlArrays.texts(lines, ReceivedLine::quantity))
                .param("costs", SqlArrays.texts(lines, ReceivedLine::costPrice))
                .update();
        return id;
    }

    @Transactional(readOnly = true)
    List<Receipt> receipts(long orderId) {
        Map<Long, List<ReceivedLine>> lines = new HashMap<>();
        sql.sql(
                        """
                        select r.receipt_id, r.line_id, l.product_id, r.quantity, r.cost_price, r.batch_id
                          from purchase_receipt_lines r join purchase_order_lines l on l.id = r.line_id
                         where l.order_id = :id order by r.receipt_id, l.line_no
                        """)
                .param("id", orderId)
                .query((rs, i) -> lines.computeIfAbsent(rs.getLong(1), k -> new java.util.ArrayList<>())
                        .add(new ReceivedLine(
                                rs.getLong(2),
                                rs.getLong(3),
                                rs.getBigDecimal(4),
                                rs.getBigDecimal(5),
                                rs.getObject(6, Long.class))))
                .list();
        return sql.sql("select * from purchase_receipts where order_id = :id order by id")
                .param("id", orderId)
                .query((rs, i) -> new Receipt(
                        rs.getLong("id"),
                        rs.getObject("received_by", Long.class),
                        rs.getTimestamp("received_at").toInstant(),
                        rs.getString("notes"),
                        lines.getOrDefault(rs.getLong("id"), List.of())))
                .list();
    }

    boolean supplierExists(long supplierId) {
        return sql.sql("select exists (select 1 from suppliers where id = :id)")
                .param("id", supplierId)
                .query(Boolean.class)
                .single();
    }

    boolean supplierActive(long supplierId) {
        return sql.sql("select exists (select 1 from suppliers where id = :id and is_active)")
                .param("id", supplierId)
                .query(Boolean.class)
                .single();
    }

    /** The supplier as an order's document names it: name, contact, phone, email, address. */
    @Transactional(readOnly = true)
    List<String> supplierContact(long supplierId) {
        return sql.sql("select name, contact_person, phone, email, address from suppliers where id = :id")
                .param("id", supplierId)
                .query((rs, i) ->
                        List.of(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)))
                .optional()
                .orElse(List.of());
    }

    /** The cost prices of those of {@code products} that keep stock (what an order may name). */
    Map<Long, BigDecimal> trackedCostPrices(Collection<Long> products) {
        Map<Long, BigDecimal> costs = new HashMap<>();
        sql.sql("select id, cost_price from products where id = any(cast(:ids as bigint[])) and track_inventory")
                .param("ids", SqlArrays.texts(products))
                .query((rs, i) -> costs.put(rs.getLong(1), rs.getBigDecimal(2)))
                .list();
        return costs;
    }
}
