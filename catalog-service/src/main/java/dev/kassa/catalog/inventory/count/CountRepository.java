package dev.kassa.catalog.inventory.count;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
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
import java.sql.Array;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every statement on {@code stock_counts}, {@code stock_count_items} and {@code stock_count_lines}. */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
class CountRepository {

    /** A count's figures over its products: how many, counted, differing, and the differences' value at cost. */
    record Totals(long products, long counted, long differing, BigDecimal surplusValue, BigDecimal shortageValue) {}

    /**
     * A count with its figures and its location (none: the whole store); its answer shows it (the status by its code,
     * the figures as its caller may see).
     */
    @Schema(name = "CountRow")
    record Row(
            long id,
            String name,
            @Schema(implementation = String.class) CountStatus status,
            boolean blind,
            @JsonInclude(JsonInclude.Include.NON_NULL) Long location,
            @JsonInclude(JsonInclude.Include.NON_NULL) String locationCode,
            List<Long> products,
            List<Long> categories,
            Long createdBy,
            Instant createdAt,
            Long finishedBy,
            Instant finishedAt,
            @JsonIgnore Totals totals) {}

    /**
     * A product of a count: {@code counted} null until counted; {@code expected} what the shelf should have held at its
     * last line (now, while not counted); {@code applied} the change made, once applied. Its answer shows it (not the
     * cost, which values its difference).
     */
    @Schema(name = "CountItem")
    record Item(
            long product,
            String name,
            String sku,
            String barcode,
            BigDecimal expected,
            BigDecimal counted,
            Instant countedAt,
            BigDecimal applied,
            @JsonIgnore BigDecimal costPrice) {}

    /** Which products a page of items shows. */
    enum State {
        ALL,
        COUNTED,
        NOT_COUNTED,
        DIFFERENT
    }

    private static final String SELECT =
            """
            select c.id, c.name, c.status, c.blind, c.location_id, l.code as location_code, c.products, c.categories,
                   c.created_by, c.created_at, c.finished_by, c.finished_at, t.products as in_scope, t.counted,
                   t.differing, t.surplus, t.shortage
              from stock_counts c
              left join locations l on l.id = c.location_id
              cross join lateral (
                    select count(*) as products, count(i.counted) as counted,
                           count(*) filter (where i.counted <> i.expected) as differing,
                           coalesce(sum((i.counted - i.expected) * coalesce(i.cost_price, p.cost_price))
                                    filter (where i.counted > i.expected), 0) as surplus,
                           coalesce(sum((i.expected - i.counted) * coalesce(i.cost_price, p.cost_price))
                                    filter (where i.counted < i.expected), 0) as shortage
                      from stock_count_items i join products p on p.id = i.product_id
                     where i.count_id = c.id) t
            """;

    private static final RowMapper<Row> ROW = (rs, i) -> new Row(
            rs.getLong("id"),
            rs.getString("name"),
            CountStatus.of(rs.getString("status")),
            rs.getBoolean("blind"),
            (Long) rs.getObject("location_id"),
            rs.getString("location_code"),
            ids(rs.getArray("products")),
            ids(rs.getArray("categories")),
            (Long) rs.getObject("created_by"),
            rs.getTimestamp("created_at").toInstant(),
            (Long) rs.getObject("finished_by"),
            rs.getTimestamp("finished_at") == null
                    ? null
                    : rs.getTimestamp("finished_at").toInstant(),
            new Totals(
                    rs.getLong("in_scope"),
                    rs.getLong("counted"),
                    rs.getLong("differing"),
                    rs.getBigDecimal("surplus"),
                    rs.getBigDecimal("shortage")));

    private static final RowMapper<Item> ITEM = (rs, i) -> new Item(
            rs.getLong("product_id"),
            rs.getString("name"),
            rs.getString("sku"),
            rs.getString("barcode"),
            rs.getBigDecimal("expected"),
            rs.getBigDecimal("counted"),
            rs.getTimestamp("counted_at") == null
                    ? null
                    : rs.getTimestamp("counted_at").toInstant(),
            rs.getBigDecimal("applied"),
            rs.getBigDecimal("cost_price"));

    private final JdbcClient sql;

    CountRepository(JdbcClient sql) {
        this.sql = sql;
    }

    /**
     * A new open count (of one location, or of the whole store: null) and its products: the tracked active products
     * named, or those of the categories named and their subcategories, or all of them.
     */
    long open(
            String name,
            boolean blind,
            Long location,
            Collection<Long> products,
            Collection<Long> categories,
            long userId) {
        long id = sql.sql(
                        """
                        insert into stock_counts (name, blind, location_id, products, categories, created_by)
                        values (:name, :blind, :location, cast(:products as bigint[]), cast(:categories as bigint[]),
                                :user)
                        returning id
                        """)
                .param("name", name)
                .param("blind", blind)
                .param("location", location)
                .param("products", products == null ? null : SqlArrays.texts(products))
                .param("categories", categories == null ? null : SqlArrays.texts(categories))
                .param("user", userId)
                .query(Long.class)
                .single();
        sql.sql(
                        """
                        insert into stock_count_items (count_id, product_id)
                        select :id, p.id from products p
                         where p.track_inventory and p.is_active
                           and (cast(:products as bigint[]) is null or p.id = any(cast(:products as bigint[])))
                           and (cast(:categories as bigint[]) is null or p.category_id in (
                                 with recursive c(id) as (
                                     select id from categories where id = any(cast(:categories as bigint[]))
                                     union select k.id from categories k join c on k.parent_id = c.id)
                                 select id from c))
                         order by p.id
                        """)
                .param("id", id)
                .param("products", products == null ? null : SqlArrays.texts(products))
                .param("categories", categories == null ? null : SqlArrays.texts(categories))
                .update();
        return id;
    }

    /** Which of the products exist with their stock tracked, and which of the categories exist. */
    List<Long> trackedProducts(Collection<Long> ids) {
        return sql.sql("select id from products where id = any(cast(:ids as bigint[])) and track_inventory")
                .param("ids", SqlArrays.texts(ids))
                .query(Long.class)
                .list();
    }

    List<Long> categories(Collection<Long> ids) {
        return sql.sql("select id from categories where id = any(cast(:ids as bigint[]))")
                .param("ids", SqlArrays.texts(ids))
                .query(Long.class)
                .list();
    }

    Optional<Row> find(long id) {
        return sql.sql(SELECT + " where c.id = :id").param("id", id).query(ROW).optional();
    }

    /** Newest first, of one status or all, of one location or all. */
    Page<Row> page(CountStatus status, Long location, Pageable page) {
        return JdbcPages.page(
                sql,
                SELECT,
                "from stock_counts c",
                """
                where (cast(:status as text) is null or c.status = :status)
                  and (cast(:location as bigint) is null or c.location_id = :location)
                """,
                "c.created_at desc, c.id desc",
                q -> q.param("status", status == null ? null : status.code()).param("location", location),
                ROW,
                page);
    }

    /** The location a count covers: null for the whole store (or no such count). */
    Long location(long id) {
        List<Long> found = sql.sql("select location_id from stock_counts where id = :id")
                .param("id", id)
                .query((rs, i) -> rs.getObject(1, Long.class))
                .list();
        return found.isEmpty() ? null : found.get(0);
    }

    /**
     * The count's status, with the count locked: {@code share} while lines are added (several devices at once), not
     * {@code share} (for update) to apply or cancel it, which waits for the lines being added.
     */
    Optional<StockCount> load(long id, boolean share) {
        return sql.sql("select status, blind from stock_counts where id = :id for " + (share ? "share" : "update"))
                .param("id", id)
                .query((rs, i) -> new StockCount(id, CountStatus.of(rs.getString(1)), rs.getBoolean(2)))
                .optional();
    }

    /**
     * The products of the count among {@code products}, locked in id order, with their running totals (null: not
     * counted yet).
     */
    Map<Long, BigDecimal> lockItems(long id, Collection<Long> products) {
        Map<Long, BigDecimal> items = new HashMap<>();
        sql.sql(
                        """
                        select product_id, counted from stock_count_items
                         where count_id = :id and product_id = any(cast(:products as bigint[]))
                         order by product_id for update
                        """)
                .param("id", id)
                .param("products", SqlArrays.texts(products))
                .query(rs -> {
                    items.put(rs.getLong(1), rs.getBigDecimal(2));
                });
        return items;
    }

    /** A line as counted: its product, quantity, mode, device, and what the shelf should have held then. */
    record Line(long product, BigDecimal quantity, String mode, String device, BigDecimal expected) {}

    /** The lines in their order, and each product's running total and expectation after the last of them. */
    void count(long id, List<Line> lines, Map<Long, Line> totals, long userId) {
        sql.sql(
                        """
                        insert into stock_count_lines (count_id, product_id, quantity, mode, device, expected, created_by)
                        select :id, p, q, m, d, e, :user
                          from unnest(cast(:products as bigint[]), cast(:quantities as numeric[]), cast(:modes as varchar[]),
                                      cast(:devices as varchar[]), cast(:expected as numeric[])) with ordinality as l(p, q, m, d, e, n)
                         order by n
                        """)
                .param("id", id)
                .param("user", userId)
                .param("products", SqlArrays.texts(lines, Line::product))
                .param("quantities", SqlArrays.texts(lines, Line::quantity))
                .param("modes", SqlArrays.texts(lines, Line::mode))
                .param("devices", SqlArrays.texts(lines, Line::device))
                .param("expected", SqlArrays.texts(lines, Line::expected))
                .update();
        List<Line> items = new ArrayList<>(totals.values());
        sql.sql(
                        """
                        update stock_count_items i set counted = t.q, expected = t.e, counted_at = now()
                          from unnest(cast(:products as bigint[]), cast(:quantities as numeric[]), cast(:expected as numeric[]))
                               as t(p, q, e)
                         where i.count_id = :id and i.product_id = t.p
                        """)
                .param("id", id)
                .param("products", SqlArrays.texts(items, Line::product))
                .param("quantities", SqlArrays.texts(items, Line::quantity))
                .param("expected", SqlArrays.texts(items, Line::expected))
                .update();
    }

    /** The counted products whose count differs from what was expected: each one's difference. */
    Map<Long, BigDecimal> differences(long id) {
        Map<Long, BigDecimal> differences = new LinkedHashMap<>();
        sql.sql(
                        """
                        select product_id, counted - expected from stock_count_items
                         where count_id = :id and counted is not null and counted <> expected order by product_id
                        """)
                .param("id", id)
                .query(rs -> {
                    differences.put(rs.getLong(1), rs.getBigDecimal(2));
                });
        return differences;
    }

    /**
     * The count applied by {@code userId}: each counted product's change made ({@code applied}; none for those that did
     * not differ) and every product's cost kept as it is now.
     */
    void applied(long id, Map<Long, BigDecimal> applied, long userId) {
        List<Map.Entry<Long, BigDecimal>> changes = new ArrayList<>(applied.entrySet());
        sql.sql(
                        """
                        update stock_count_items i
                           set applied = case when i.counted is null then null else coalesce(a.q, 0) end,
                               cost_price = p.cost_price
                          from products p left join unnest(cast(:products as bigint[]), cast(:changes as numeric[])) as a(p, q)
                               on a.p = p.id
                         where i.count_id = :id and p.id = i.product_id
                        """)
                .param("id", id)
                .param("products", SqlArrays.texts(changes, Map.Entry::getKey))
                .param("changes", SqlArrays.texts(changes, Map.Entry::getValue))
                .update();
        finish(id, CountStatus.APPLIED, userId);
    }

    /** The count finished ({@code applied} or {@code cancelled}) by {@code userId}. */
    void finish(long id, CountStatus status, long userId) {
        sql.sql("update stock_counts set status = :status, finished_by = :user, finished_at = now() where id = :id")
                .param("id", id)
                .param("status", status.code())
                .param("user", userId)
                .update();
    }

    /**
     * A count's products: counted ones with what was expected at their last line, the others with what the shelf should
     * hold now (on hand less what tills hold; at the count's location, when it has one).
     */
    private static final String ITEMS =
            """
            select i.product_id, p.name, p.sku, p.barcode, i.counted, i.counted_at, i.applied,
                   coalesce(i.cost_price, p.cost_price) as cost_price,
                   coalesce(i.expected, greatest(0.000, (select coalesce(sum(b.quantity), 0.000) from batches b
                                                      where b.product_id = i.product_id and b.is_active
                                                        and b.location_id = coalesce(c.location_id, b.location_id))
                                                  - (select coalesce(sum(r.quantity), 0.000) from reservations r
                                                      where r.product_id = i.product_id and r.status = 'active'
                                                        and r.reserved_until > now()
                                                        and (c.location_id is null or r.batch_id in (
                                                             select h.id from batches h
                                                              where h.location_id = c.location_id))))) as expected
              from stock_count_items i join products p on p.id = i.product_id join stock_counts c on c.id = i.count_id
            """;

    /** A page of the count's products by name, all of them or those in one state. */
    Page<Item> items(long id, State state, Pageable page) {
        return JdbcPages.page(
                sql,
                ITEMS,
                "from stock_count_items i",
                """
                where i.count_id = :id
                  and (:state = 'ALL' or (:state = 'COUNTED' and i.counted is not null)
                       or (:state = 'NOT_COUNTED' and i.counted is null)
                       or (:state = 'DIFFERENT' and i.counted <> i.expected))
                """,
                "p.name, i.product_id",
                q -> q.param("id", id).param("state", state.name()),
                ITEM,
                page);
    }

    /** The count's items of these products, in the order given. */
    List<Item> items(long id, Collection<Long> products) {
        Map<Long, Item> found = new HashMap<>();
        sql.sql(ITEMS + " where i.count_id = :id and i.product_id = any(cast(:products as bigint[]))")
                .param("id", id)
                .param("products", SqlArrays.texts(products))
                .query(ITEM)
                .list()
                .forEach(item -> found.put(item.product(), item));
        return products.stream().map(found::get).toList();
    }

    private static List<Long> ids(Array array) throws SQLException {
        return array == null ? null : Arrays.asList((Long[]) array.getArray());
    }
}
