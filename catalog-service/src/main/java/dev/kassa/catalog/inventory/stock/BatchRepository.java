package dev.kassa.catalog.inventory.stock;

import dev.kassa.platform.data.LikePatterns;
import dev.kassa.platform.data.SqlArrays;
import dev.kassa.platform.web.JdbcPages;
import dev.kassa.platform.web.SqlOrdering;
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
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Batches (spec C24): the one writer of {@code batches} (a product's first batch, receipts, sales taking from them, returns,
 * corrections, details, archiving), and the batch endpoints' views with supplier and expiry figures in the store's dates.
 */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
public class BatchRepository {

    public record View(
            long id,
            long product,
            String productName,
            String batchNumber,
            String barcode,
            BigDecimal quantity,
            BigDecimal reservedQuantity,
            BigDecimal purchasePrice,
            LocalDate manufacturingDate,
            LocalDate expiryDate,
            Long supplier,
            String supplierName,
            String notes,
            boolean isActive,
            boolean isExpired,
            Long daysUntilExpiry,
            boolean isNearExpiry,
            Instant receivedAt,
            Instant updatedAt,
            String status,
            String statusReason,
            Instant statusChangedAt,
            long location,
            String locationCode) {}

    /** Filters of the batch lists; {@code today} is the store's date. */
    public record Filter(
            Long product,
            Boolean active,
            Boolean expired,
            Integer nearExpiryDays,
            Long supplier,
            String search,
            LocalDate today,
            String status,
            Long location) {}

    /** FEFO by default: earliest expiry first, no expiry last. */
    static final SqlOrdering ORDERING = SqlOrdering.of(
            "expiry_date",
            "b.id",
            Map.of(
                    "expiry_date",
                    "b.expiry_date, b.received_at",
                    "received_at",
                    "b.received_at",
                    "quantity",
                    "b.quantity"));

    private static final String SELECT =
            """
            select b.*, p.name as product_name, coalesce(s.name, b.supplier_name) as supplier_display, l.code as location_code,
                   coalesce((select sum(h.quantity) from reservations h
                              where h.batch_id = b.id and h.status = 'active' and h.reserved_until > now()), 0) as reserved
              from batches b join products p on p.id = b.product_id left join suppliers s on s.id = b.supplier_id
              join locations l on l.id = b.location_id
            """;
    private static final String WHERE =
            """
             where (cast(:product as bigint) is null or b.product_id = :product)
               and (cast(:active as boolean) is null or b.is_active = :active)
               and (cast(:expired as boolean) is null
                    or cast(:expired as boolean) = (b.expiry_date is not null and b.expiry_date < cast(:today as date)))
               and (cast(:days as integer) is null
                    or b.expiry_date between cast(:today as date) and cast(:today as date) + cast(:days as integer))
               and (cast(:supplier as bigint) is null or b.supplier_id = :supplier)
               and (cast(:status as text) is null or b.status = :status)
               and (cast(:location as bigint) is null or b.location_id = :location)
               and (cast(:like as text) is null or b.batch_number ilike :like or b.supplier_name ilike :like or b.barcode ilike :like)
            """;

    private final JdbcClient sql;

    BatchRepository(JdbcClient sql) {
        this.sql = sql;
    }

    private RowMapper<View> mapper(LocalDate today) {
        return (rs, i) -> {
            LocalDate expiry = rs.getObject("expiry_date", LocalDate.class);
            Long days = expiry == null ? null : ChronoUnit.DAYS.between(today, expiry);
            return new View(
                    rs.getLong("id"),
                    rs.getLong("product_id"),
                    rs.getString("product_name"),
                    rs.getString("batch_number"),
                    rs.getString("barcode"),
                    rs.getBigDecimal("quantity"),
                    rs.getBigDecimal("reserved").setScale(3),
                    rs.getBigDecimal("purchase_price"),
                    rs.getObject("manufacturing_date", LocalDate.class),
                    expiry,
                    (Long) rs.getObject("supplier_id"),
                    rs.getString("supplier_display"),
                    rs.getString("notes"),
                    rs.getBoolean("is_active"),
                    days != null && days < 0,
                    days,
                    days != null && days >= 0 && days <= 30,
                    rs.getTimestamp("received_at").toInstant(),
                    rs.getTimestamp("updated_at").toInstant(),
                    rs.getString("status"),
                    rs.getString("status_reason"),
                    rs.getTimestamp("status_changed_at") == null
                            ? null
                            : rs.getTimestamp("status_changed_at").toInstant(),
                    rs.getLong("location_id"),
                    rs.getString("location_code"));
        };
    }

    public Optional<View> find(long id, LocalDate today) {
        return sql.sql(SELECT + " where b.id = :id")
                .param("id", id)
                .query(mapper(today))
                .optional();
    }

    /** A product's batches with stock at a location, FEFO: what a move of the product from there takes, in order. */
    List<View> atLocation(long productId, long location, LocalDate today) {
        String at = " where b.product_id = :product and b.location_id = :location and b.is_active and b.quantity > 0";
        return sql.sql(SELECT + at + " order by " + ORDERING.orderBy(null))
                .param("product", productId)
                .param("location", location)
                .query(mapper(today))
                .list();
    }

    /** A page of the batches the filter lets through, in {@code orderBy} order, with the count of all of them. */
    public Page<View> page(Filter f, String orderBy, Pageable page) {
        return JdbcPages.page(
                sql,
                SELECT,
                "from batches b",
                WHERE,
                orderBy,
                q -> q.param("product", f.product())
                        .param("active", f.active())
                        .param("expired", f.expired())
                        .param("today", f.today())
                        .param("days", f.nearExpiryDays())
                        .param("supplier", f.supplier())
                        .param("status", f.status())
                        .param("location", f.location())
                        .param("like", LikePatterns.contains(f.search())),
                mapper(f.today()),
                page);
    }

    /**
     * A new batch (its quantity goes with a stock movement the caller records), approved or {@code pending} a check;
     * batches has no other writer than this class.
     */
    public long insert(
            long productId,
            String number,
            String barcode,
            BigDecimal quantity,
            BigDecimal purchasePrice,
            LocalDate made,
            LocalDate expiry,
            Long supplierId,
            String supplierName,
            String notes,
            boolean pending,
            Long location) {
        return sql.sql(
                        """
                        insert into batches (product_id, batch_number, barcode, quantity, purchase_price, manufacturing_date, expiry_date,
                                             supplier_id, supplier_name, notes, status, location_id)
                        values (:product, :number, :barcode, :quantity, :purchasePrice, :made, :expiry, :supplier, :supplierName, :notes,
                                case when :pending then 'pending' else 'approved' end,
                                coalesce(cast(:location as bigint), (select id from locations where is_default)))
                        returning id
                        """)
                .param("pending", pending)
                .param("location", location)
                .param("product", productId)
                .param("number", number)
                .param("barcode", barcode)
                .param("quantity", quantity)
                .param("purchasePrice", purchasePrice)
                .param("made", made)
                .param("expiry", expiry)
                .param("supplier", supplierId)
                .param("supplierName", supplierName)
                .param("notes", notes)
                .query(Long.class)
                .single();
    }

    /**
     * A batch to insert with others ({@link #insertAll}), no supplier, dates but the expiry, or notes; at
     * {@code location} (null: the store's default one).
     */
    record NewBatch(
            long productId,
            String number,
            String barcode,
            BigDecimal quantity,
            BigDecimal purchasePrice,
            LocalDate expiry,
            Long location) {}

    /** Several new batches in one statement (one per product): each product's new batch's id. */
    Map<Long, Long> insertAll(List<NewBatch> rows) {
        Map<Long, Long> ids = new HashMap<>();
        sql.sql(
                        """
                        insert into batches (product_id, batch_number, barcode, quantity, purchase_price, expiry_date, supplier_name, notes,
                                             location_id)
                        select p, num, code, q, price, expiry, '', '', coalesce(loc, (select id from locations where is_default))
                          from unnest(cast(:products as bigint[]), cast(:numbers as varchar[]), cast(:barcodes as varchar[]),
                                      cast(:quantities as numeric[]), cast(:prices as numeric[]), cast(:expiries as date[]),
                                      cast(:locations as bigint[]))
                               with ordinality as b(p, num, code, q, price, expiry, loc, n)
                         order by n
                        returning id, product_id
                        """)
                .param("products", SqlArrays.texts(rows, NewBatch::productId))
                .param("numbers", SqlArrays.texts(rows, NewBatch::number))
                .param("barcodes", SqlArrays.texts(rows, NewBatch::barcode))
                .param("quantities", SqlArrays.texts(rows, NewBatch::quantity))
                .param("prices", SqlArrays.texts(rows, NewBatch::purchasePrice))
                .param("expiries", SqlArrays.texts(rows, NewBatch::expiry))
                .param("locations", SqlArrays.texts(rows, NewBatch::location))
                .query(rs -> {
                    ids.put(rs.getLong(2), rs.getLong(1));
                });
        return ids;
    }

    /**
     * What tills hold of the batch: every active hold, lapsed ones included until the sweep expires them, because a sale
     * completing in the meantime still takes its hold from the batch.
     */
    BigDecimal heldQuantity(long id) {
        return sql.sql("select coalesce(sum(quantity), 0) from reservations where batch_id = :id and status = 'active'")
                .param("id", id)
                .query(BigDecimal.class)
                .single();
    }

    /** A batch's quality status ({@code approved}, {@code pending}, {@code blocked}), with its reason, by {@code userId}. */
    void decide(long id, BatchStatus status, String reason, long userId) {
        sql.sql(
                        """
                        update batches set status = :status, status_reason = :reason, status_changed_by = :user,
                               status_changed_at = now(), updated_at = now()
                         where id = :id
                        """)
                .param("status", status.code())
                .param("reason", reason)
                .param("user", userId)
                .param("id", id)
                .update();
    }

    /** Takes an empty batch out of use for good: it stays, inactive, for the movements and sales that name it. */
    void archive(long id) {
        sql.sql("update batches set is_active = false, updated_at = now() where id = :id")
                .param("id", id)
                .update();
    }

    /** Changes of several batches' quantities in one statement. */
    void changeQuantities(List<BatchSpread.Take> changes) {
        if (changes.isEmpty()) {
            return;
        }
        sql.sql(
                        """
                        update batches b set quantity = b.quantity + c.q, updated_at = now()
                          from unnest(cast(:ids as bigint[]), cast(:changes as numeric[])) as c(id, q)
                         where b.id = c.id
                        """)
                .param("ids", SqlArrays.texts(changes, BatchSpread.Take::batch))
                .param("changes", SqlArrays.texts(changes, BatchSpread.Take::change))
                .update();
    }

    void updateDetails(
            long id,
            String number,
            LocalDate made,
            LocalDate expiry,
            Long supplierId,
            String supplierName,
            String notes,
            boolean active) {
        sql.sql(
                        """
                        update batches set batch_number = :number, manufacturing_date = :made, expiry_date = :expiry, supplier_id = :supplier,
                               supplier_name = :supplierName, notes = :notes, is_active = :active, updated_at = :at
                         where id = :id
                        """)
                .param("number", number)
                .param("made", made)
                .param("expiry", expiry)
                .param("supplier", supplierId)
                .param("supplierName", supplierName)
                .param("notes", notes)
                .param("active", active)
                .param("at", Timestamp.from(Instant.now()))
                .param("id", id)
                .update();
    }

    /**
     * Takes each batch's quantity from it where the batch has that much, in one statement; answers the batches that had
     * less (nothing was taken from those).
     */
    Set<Long> takeFromBatches(Map<Long, BigDecimal> quantities) {
        Set<Long> taken = new HashSet<>(sql.sql(
                        """
                        with wanted as (select id, quantity from unnest(cast(:ids as bigint[]), cast(:quantities as numeric[])) as t(id, quantity))
                        update batches b set quantity = b.quantity - w.quantity from wanted w where b.id = w.id and b.quantity >= w.quantity
                        returning b.id
                        """)
                .param("ids", SqlArrays.texts(quantities.keySet()))
                .param("quantities", SqlArrays.texts(quantities.values()))
                .query(Long.class)
                .list());
        Set<Long> lacking = new TreeSet<>(quantities.keySet());
        lacking.removeAll(taken);
        return lacking;
    }

    /** Sets the batch's quantity to zero; answers what it had (what a sale beyond it could still take out of it). */
    BigDecimal emptyBatch(long batchId) {
        return sql.sql(
                        """
                        with had as (select id, quantity from batches where id = :id for update)
                        update batches b set quantity = 0 from had where b.id = had.id returning had.quantity
                        """)
                .param("id", batchId)
                .query(BigDecimal.class)
                .optional()
                .orElse(BigDecimal.ZERO);
    }

    /** Puts {@code quantity} back into the product's batch; false if the product has no such batch. */
    boolean returnToBatch(long productId, long batchId, BigDecimal quantity) {
        // a batch a move or a manager archived empty is in use again with the goods that came back to it
        return sql.sql(
                                """
                        update batches set quantity = quantity + :quantity, is_active = true, updated_at = now()
                         where id = :id and product_id = :product
                        """)
                        .param("quantity", quantity)
                        .param("id", batchId)
                        .param("product", productId)
                        .update()
                == 1;
    }

    /** A supplier deleted: the batches received from it keep its name. */
    public void keepSupplierName(long supplierId, String name) {
        sql.sql("update batches set supplier_name = :name where supplier_id = :id and supplier_name = ''")
                .param("name", name)
                .param("id", supplierId)
                .update();
    }
}
