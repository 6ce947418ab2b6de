package dev.kassa.sales.till;

import dev.kassa.platform.data.SqlArrays;
import dev.kassa.platform.web.JdbcPages;
import dev.kassa.sales.catalog.Hold;
import dev.kassa.sales.catalog.HoldIntentRepository;
import dev.kassa.sales.catalog.Modifier;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The lines of the store's sales ({@code sale_items}), inside the caller's transaction. */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
class SaleLineRepository {

    record Item(
            long id,
            long saleId,
            long productId,
            String productName,
            String productSku,
            String unit,
            Long batchId,
            String batchNumber,
            BigDecimal quantity,
            BigDecimal unitPrice,
            BigDecimal unitCost,
            BigDecimal discountAmount,
            BigDecimal taxRate,
            BigDecimal lineTotal,
            String reservationRef,
            BigDecimal refundedQuantity,
            Instant createdAt,
            List<Modifier> modifiers) {

        /** The options as {@code SaleCompleted} announces them. */
        List<SaleCompleted.LineModifier> announcedModifiers() {
            return modifiers.stream()
                    .map(m -> new SaleCompleted.LineModifier(m.id(), m.group(), m.name(), m.price()))
                    .toList();
        }
    }

    static final RowMapper<Item> ITEM = (rs, i) -> new Item(
            rs.getLong("id"),
            rs.getLong("sale_id"),
            rs.getLong("product_id"),
            rs.getString("product_name"),
            rs.getString("product_sku"),
            rs.getString("unit"),
            (Long) rs.getObject("batch_id"),
            rs.getString("batch_number"),
            rs.getBigDecimal("quantity"),
            rs.getBigDecimal("unit_price"),
            rs.getBigDecimal("unit_cost"),
            rs.getBigDecimal("discount_amount"),
            rs.getBigDecimal("tax_rate"),
            rs.getBigDecimal("line_total"),
            rs.getString("reservation_ref"),
            rs.getBigDecimal("refunded_quantity"),
            rs.getTimestamp("created_at").toInstant(),
            Modifier.parse(rs.getString("modifiers")));

    private final JdbcClient sql;

    SaleLineRepository(JdbcClient sql) {
        this.sql = sql;
    }

    /** Lines of many sales in one query (for lists), keyed by sale id. */
    Map<Long, List<Item>> itemsOf(List<Long> saleIds) {
        if (saleIds.isEmpty()) {
            return Map.of();
        }
        return sql
                .sql("select * from sale_items where sale_id in (:sales) order by id")
                .param("sales", saleIds)
                .query(ITEM)
                .list()
                .stream()
                .collect(Collectors.groupingBy(Item::saleId));
    }

    Page<Item> itemPage(Long sale, Long product, String orderBy, Pageable page) {
        String where =
                """
                where (cast(:sale as bigint) is null or i.sale_id = :sale) and (cast(:product as bigint) is null or i.product_id = :product)
                """;
        return JdbcPages.page(
                sql,
                "select i.* from sale_items i",
                "from sale_items i",
                where,
                orderBy,
                q -> q.param("sale", sale).param("product", product),
                ITEM,
                page);
    }

    Optional<Item> item(long id) {
        return sql.sql("select * from sale_items where id = :id")
                .param("id", id)
                .query(ITEM)
                .optional();
    }

    /** A sale's lines ({@code :sale}) in the order they were added. */
    static final String ITEMS_OF_SALE = "select * from sale_items where sale_id = :sale order by id";

    List<Item> items(long saleId) {
        return sql.sql(ITEMS_OF_SALE).param("sale", saleId).query(ITEM).list();
    }

    /**
     * A line per batch the hold took from, at the product's price with what its options add (the options kept on it), under the hold's reference (and the request's): a
     * scan's lines are told apart by their hold reference, so a line is never merged into another; its total is
     * {@link SaleTotals#lineTotal}. Written in one statement, which answers every line of the sale with the new ones, in
     * order (what the sale's totals are recomputed from), and removes the holds' intents ({@link HoldIntentRepository#ENDED}):
     * the lines own the holds now. Empty, with nothing written, when an intent was given up meanwhile (swept because the
     * scan took too long, its hold released): no line may be written without its hold.
     */
    Optional<List<Item>> addLines(long saleId, Hold hold, String ref, String requestKey) {
        return addLines(saleId, List.of(hold), List.of(ref), requestKey);
    }

    /**
     * The lines of the holds' allocations, added when every hold's intent was still there (and ended), answering every
     * line of the sale in order.
     */
    private static final String ADD_LINES = "with " + HoldIntentRepository.ENDED + ",\n"
            + """
            added as (
                insert into sale_items (sale_id, product_id, product_name, product_sku, unit, batch_id, batch_number, quantity,
                                        unit_price, unit_cost, tax_rate, line_total, reservation_ref, request_ref,
                                        modifiers)
                select :sale, a.product, a.name, a.sku, a.unit, a.batch, a.number, a.quantity, a.price, a.cost, a.tax_rate,
                       a.total, a.ref, :request, cast(a.modifiers as jsonb)
                  from unnest(cast(:products as bigint[]), cast(:names as text[]), cast(:skus as text[]),
                              cast(:units as text[]), cast(:prices as numeric[]), cast(:taxRates as numeric[]),
                              cast(:refs as text[]), cast(:batches as bigint[]), cast(:numbers as text[]),
                              cast(:quantities as numeric[]), cast(:costs as numeric[]), cast(:totals as numeric[]),
                              cast(:modifiers as text[]))
                       with ordinality as a(product, name, sku, unit, price, tax_rate, ref, batch, number, quantity, cost,
                                            total, modifiers, n)
                 where (select count(*) from ended) = :holds
                 order by a.n
                returning *)
            select * from (select * from sale_items where sale_id = :sale union all select * from added) lines order by id
            """;

    /** {@link #addLines(long, Hold, String, String)} for several holds, each under its reference, in one statement. */
    Optional<List<Item>> addLines(long saleId, List<Hold> holds, List<String> refs, String requestKey) {
        record Row(Hold hold, String ref, Hold.Allocation allocation) {
            Hold.Product product() {
                return hold.product();
            }
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < holds.size(); i++) {
            for (Hold.Allocation a : holds.get(i).allocations()) {
                rows.add(new Row(holds.get(i), refs.get(i), a));
            }
        }
        List<Item> lines = sql.sql(ADD_LINES)
                .param("intents", refs.toArray(String[]::new))
                .param("holds", refs.size())
                .param("sale", saleId)
                .param("request", requestKey)
                .param("products", SqlArrays.texts(rows, r -> r.product().id()))
                .param("names", SqlArrays.texts(rows, r -> r.product().name()))
                .param("skus", SqlArrays.texts(rows, r -> r.product().sku()))
                .param(
                        "units",
                        SqlArrays.texts(
                                rows,
                                r -> r.product().unit() == null
                                        ? ""
                                        : r.product().unit()))
                .param("prices", SqlArrays.texts(rows, r -> r.hold().unitPrice()))
                .param(
                        "modifiers",
                        SqlArrays.texts(rows, r -> Modifier.json(r.hold().modifiers())))
                .param("taxRates", SqlArrays.texts(rows, r -> r.product().taxRate()))
                .param("refs", SqlArrays.texts(rows, Row::ref))
                .param("batches", SqlArrays.texts(rows, r -> r.allocation().batchId()))
                .param("numbers", SqlArrays.texts(rows, r -> r.allocation().batchNumber()))
                .param("quantities", SqlArrays.texts(rows, r -> r.allocation().quantity()))
                .param("costs", SqlArrays.texts(rows, r -> r.allocation().unitCost()))
                .param(
                        "totals",
                        SqlArrays.texts(
                                rows,
                                r -> SaleTotals.lineTotal(
                                        r.allocation().quantity(), r.hold().unitPrice(), BigDecimal.ZERO)))
                .query(ITEM)
                .list();
        // the new lines are those under the holds' references (each reference is new to the sale, and a hold has at
        // least one allocation, its shortfall's included): none when an intent was gone
        return rows.isEmpty()
                        || lines.stream().anyMatch(line -> rows.get(0).ref().equals(line.reservationRef()))
                ? Optional.of(lines)
                : Optional.empty();
    }

    /** A line's discount as an amount off its gross (quantity × price); its total follows ({@link SaleTotals#lineTotal}). */
    void setLineDiscount(Item line, BigDecimal amount) {
        sql.sql("update sale_items set discount_amount = :amount, line_total = :lineTotal where id = :id")
                .param("amount", amount)
                .param("lineTotal", SaleTotals.lineTotal(line.quantity(), line.unitPrice(), amount))
                .param("id", line.id())
                .update();
    }

    /** The sale holding the lines a keyed scan wrote, if it wrote any. */
    Optional<Long> saleOfRequest(String requestKey) {
        return sql.sql("select sale_id from sale_items where request_ref = :ref limit 1")
                .param("ref", requestKey)
                .query(Long.class)
                .optional();
    }

    /** Removes a line together with the other lines of the same scan (one hold); returns the hold's reference. */
    Optional<String> removeScan(long saleId, long itemId) {
        List<String> refs = sql.sql("select reservation_ref from sale_items where id = :id and sale_id = :sale")
                .param("id", itemId)
                .param("sale", saleId)
                .query(String.class)
                .list();
        if (refs.isEmpty()) {
            return Optional.empty();
        }
        sql.sql("delete from sale_items where sale_id = :sale and reservation_ref = :ref")
                .param("sale", saleId)
                .param("ref", refs.get(0))
                .update();
        return Optional.of(refs.get(0));
    }

    /** What was refunded of a line so far goes up by {@code quantity} (its refund line is written beside it). */
    void markRefunded(long itemId, BigDecimal quantity) {
        sql.sql("update sale_items set refunded_quantity = refunded_quantity + :quantity where id = :item")
                .param("quantity", quantity)
                .param("item", itemId)
                .update();
    }
}
