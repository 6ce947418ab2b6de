package dev.kassa.catalog.inventory.stock;

import dev.kassa.catalog.catalogue.MadeOfOthers;
import dev.kassa.platform.data.SqlArrays;
import dev.kassa.platform.export.CursorReader;
import dev.kassa.platform.tenancy.TenantContext;
import dev.kassa.platform.web.JdbcPages;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** The statements of receipts, adjustments and the stock history ({@link StockService}). */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
class StockRepository {

    /** A locked product as a stock change needs it: the cost of a new batch, and whether its stock is counted at all. */
    record LockedProduct(BigDecimal costPrice, boolean tracked, boolean hazardous) {}

    /** A batch as an adjustment sees it: its quantity, what tills hold of it, and whether it may be sold. */
    record BatchStock(long id, BigDecimal quantity, BigDecimal held, boolean sellable) {}

    private static final RowMapper<StockMovement> MOVEMENT = (rs, i) -> new StockMovement(
            rs.getLong("id"),
            rs.getLong("product_id"),
            (Long) rs.getObject("batch_id"),
            rs.getString("batch_number"),
            (Long) rs.getObject("location_id"),
            rs.getBigDecimal("quantity"),
            rs.getString("reason"),
            rs.getString("reference"),
            rs.getString("note"),
            (Long) rs.getObject("created_by"),
            rs.getTimestamp("created_at").toInstant());

    /** The movements of one product ({@code :product}) and one reason ({@code :reason}), each when given. */
    static final String MOVEMENT_FILTER =
            """
            where (cast(:product as bigint) is null or m.product_id = :product) and (cast(:reason as text) is null or m.reason = :reason)
              and (cast(:location as bigint) is null or m.batch_id in (select l.id from batches l where l.location_id = :location))
            """;

    /** A movement as its file row shows it: the product and batch named, the batch's cost beside the quantity. */
    record MovementRow(
            Instant at,
            String sku,
            String product,
            String batch,
            String reason,
            BigDecimal quantity,
            BigDecimal cost,
            String reference,
            String note,
            Long createdBy,
            String location) {}

    private static final RowMapper<MovementRow> MOVEMENT_ROW = (rs, i) -> new MovementRow(
            rs.getTimestamp("created_at").toInstant(),
            rs.getString("sku"),
            rs.getString("name"),
            rs.getString("batch_number"),
            rs.getString("reason"),
            rs.getBigDecimal("quantity"),
            rs.getBigDecimal("purchase_price"),
            rs.getString("reference"),
            rs.getString("note"),
            (Long) rs.getObject("created_by"),
            rs.getString("location_code"));

    private final JdbcClient sql;
    private final CursorReader cursor;

    StockRepository(JdbcClient sql, JdbcTemplate jdbc) {
        this.sql = sql;
        this.cursor = new CursorReader(jdbc);
    }

    /**
     * Locks the product row as holds do ({@code for no key update}: rows that merely reference the product do not wait)
     * and answers what a stock change needs of it; empty if there is no such product.
     */
    Optional<LockedProduct> lockProduct(long productId) {
        return sql.sql("select cost_price, track_inventory, hazardous from products where id = :id for no key update")
                .param("id", productId)
                .query((rs, i) -> new LockedProduct(rs.getBigDecimal(1), rs.getBoolean(2), rs.getBoolean(3)))
                .optional();
    }

    boolean productExists(long productId) {
        return sql.sql("select exists (select 1 from products where id = :id)")
                .param("id", productId)
                .query(Boolean.class)
                .single();
    }

    boolean supplierExists(long supplierId) {
        return sql.sql("select exists (select 1 from suppliers where id = :id)")
                .param("id", supplierId)
                .query(Boolean.class)
                .single();
    }

    private static final String BATCHES =
            """
            select b.id, b.quantity,
                   coalesce((select sum(h.quantity) from reservations h
                              where h.batch_id = b.id and h.status = 'active' and h.reserved_until > now()), 0),
                   """
                    + Expiry.SELLABLE
                    + """
            , b.product_id
              from batches b
            """;

    /** A sellable batch with what a transfer carries of it to another store: its cost, number and dates. */
    record ShippableBatch(
            long id,
            long product,
            BigDecimal quantity,
            BigDecimal held,
            BigDecimal cost,
            String number,
            LocalDate made,
            LocalDate expiry) {}

    /** The products' sellable batches, earliest expiry first (FEFO), each with what tills hold of it. */
    List<ShippableBatch> sellableBatches(Collection<Long> productIds) {
        return sql.sql(
                        """
                        select b.id, b.product_id, b.quantity,
                               coalesce((select sum(h.quantity) from reservations h
                                          where h.batch_id = b.id and h.status = 'active' and h.reserved_until > now()), 0) as held,
                               b.purchase_price, b.batch_number, b.manufacturing_date, b.expiry_date
                          from batches b
                         where b.product_id = any(cast(:products as bigint[])) and b.is_active and b.quantity > 0 and """
                                + Expiry.SELLABLE
                                + """
                         order by b.product_id, b.expiry_date asc nulls last, b.received_at asc, b.id asc
                        """)
                .param("products", SqlArrays.texts(productIds))
                .param("today", TenantContext.require().today())
                .query((rs, i) -> new ShippableBatch(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getBigDecimal(3),
                        rs.getBigDecimal(4),
                        rs.getBigDecimal(5),
                        rs.getString(6),
                        rs.getObject(7, LocalDate.class),
                        rs.getObject(8, LocalDate.class)))
                .list();
    }

    private static final RowMapper<BatchStock> BATCH_STOCK =
            (rs, i) -> new BatchStock(rs.getLong(1), rs.getBigDecimal(2), rs.getBigDecimal(3), rs.getBoolean(4));

    /** The product's active batches (or the one named), earliest expiry first, no expiry last. */
    List<BatchStock> batches(long productId, Long batchId) {
        return sql.sql(
                        BATCHES
                                + """
                         where b.product_id = :product and b.is_active and (cast(:batch as bigint) is null or b.id = :batch)
                         order by b.expiry_date asc nulls last, b.received_at asc, b.id asc
                        """)
                .param("product", productId)
                .param("batch", batchId)
                .param("today", TenantContext.require().today())
                .query(BATCH_STOCK)
                .list();
    }

    /**
     * The products' active batches in one query (at {@code location} only, when given), each product's in the order of
     * {@link #batches}.
     */
    Map<Long, List<BatchStock>> batches(Collection<Long> productIds, Long location) {
        Map<Long, List<BatchStock>> all = new HashMap<>();
        sql.sql(
                        BATCHES
                                + """
                         where b.product_id = any(cast(:products as bigint[])) and b.is_active
                           and (cast(:location as bigint) is null or b.location_id = :location)
                         order by b.product_id, b.expiry_date asc nulls last, b.received_at asc, b.id asc
                        """)
                .param("products", SqlArrays.texts(productIds))
                .param("location", location)
                .param("today", TenantContext.require().today())
                .query(rs -> {
                    all.computeIfAbsent(rs.getLong(5), p -> new ArrayList<>()).add(BATCH_STOCK.mapRow(rs, 0));
                });
        return all;
    }

    /**
     * Locks the products and answers those that exist, in the order every hold locks them too: products made of others
     * ({@link MadeOfOthers}) first, then the rest, each in id order (so a stock change and a till's hold of a product
     * made of others never wait for each other in a circle).
     */
    Map<Long, LockedProduct> lockProducts(Collection<Long> productIds) {
        Map<Long, LockedProduct> locked = new HashMap<>();
        sql.sql(
                        """
                        select p.id, p.cost_price, p.track_inventory, p.hazardous
                          from products p where p.id = any(cast(:ids as bigint[]))
                         order by %s desc, p.id
                           for no key update of p
                        """
                                .formatted(MadeOfOthers.P))
                .param("ids", SqlArrays.texts(productIds))
                .query(rs -> {
                    locked.put(
                            rs.getLong(1), new LockedProduct(rs.getBigDecimal(2), rs.getBoolean(3), rs.getBoolean(4)));
                });
        return locked;
    }

    /** Newest first; what the filter lets through (no product: the store's). */
    Page<StockMovement> movements(MovementFilter filter, Pageable page) {
        return JdbcPages.page(
                sql,
                """
                        select m.id, m.product_id, m.batch_id, b.batch_number, b.location_id, m.quantity, m.reason, m.reference, m.note,
                               m.created_by, m.created_at
                          from stock_movements m left join batches b on b.id = m.batch_id""",
                "from stock_movements m",
                MOVEMENT_FILTER,
                "m.created_at desc, m.id desc",
                q -> q.param("product", filter.product())
                        .param("reason", filter.reason())
                        .param("location", filter.location()),
                MOVEMENT,
                page);
    }

    /** The movements the filter lets through with their product and batch, newest first, from a cursor. */
    void forEachMovement(MovementFilter filter, Consumer<? super MovementRow> row) {
        Map<String, Object> params = new HashMap<>();
        params.put("product", filter.product());
        params.put("reason", filter.reason());
        params.put("location", filter.location());
        cursor.forEach(
                """
                select m.created_at, p.sku, p.name, b.batch_number, m.reason, m.quantity, b.purchase_price, m.reference,
                       m.note, m.created_by, bl.code as location_code
                  from stock_movements m join products p on p.id = m.product_id left join batches b on b.id = m.batch_id
                  left join locations bl on bl.id = b.location_id
                """
                        + MOVEMENT_FILTER + " order by m.created_at desc, m.id desc",
                params,
                MOVEMENT_ROW,
                row);
    }
}
