package dev.kassa.analytics.inventory;

import dev.kassa.platform.data.SqlArrays;
import dev.kassa.platform.web.JdbcPages;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Spec §8.1 InventorySnapshot: a product's stock on a business date, kept current from catalog's {@code StockChanged}
 * (and from {@code ProductUpdated} when prices or levels change). Value at cost and at sale price from the product's
 * prices; turnover and days of stock from the last 30 days of sales (net of refunds: the product's day rows, at most 30
 * of them, not every line it sold); low means above zero and at most the minimum
 * (as catalog's low-stock list), out means nothing left, over means at or above a set maximum.
 */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
public class SnapshotRepository {

    public record Snapshot(
            long id,
            long product,
            String productName,
            LocalDate date,
            BigDecimal quantityOnHand,
            BigDecimal reservedQuantity,
            BigDecimal availableQuantity,
            BigDecimal totalCost,
            BigDecimal totalValue,
            BigDecimal turnoverRate,
            int daysOfStock,
            boolean isOutOfStock,
            boolean isLowStock,
            boolean isOverstock,
            Instant createdAt) {}

    private static final String SELECT =
            """
            select s.*, coalesce(p.name, '') as product_name from inventory_snapshots s left join products p on p.product_id = s.product_id""";
    /** Each product's most recent snapshot: the stock as it stands. */
    private static final String LATEST =
            """
            select * from (select s.*, coalesce(p.name, '') as product_name
                             from inventory_snapshots s left join products p on p.product_id = s.product_id
                            where s.is_latest) latest""";

    private static final RowMapper<Snapshot> ROW = (rs, i) -> new Snapshot(
            rs.getLong("id"),
            rs.getLong("product_id"),
            rs.getString("product_name"),
            rs.getObject("date", LocalDate.class),
            rs.getBigDecimal("quantity_on_hand"),
            rs.getBigDecimal("reserved_quantity"),
            rs.getBigDecimal("available_quantity"),
            rs.getBigDecimal("total_cost"),
            rs.getBigDecimal("total_value"),
            rs.getBigDecimal("turnover_rate"),
            rs.getInt("days_of_stock"),
            rs.getBoolean("is_out_of_stock"),
            rs.getBoolean("is_low_stock"),
            rs.getBoolean("is_overstock"),
            rs.getTimestamp("created_at").toInstant());

    private final JdbcClient sql;

    SnapshotRepository(JdbcClient sql) {
        this.sql = sql;
    }

    /** A product's stock on a business date: {@code onHand}, of which {@code available} can still be sold. */
    public record Level(long product, LocalDate date, BigDecimal onHand, BigDecimal available) {}

    /** The product's stock on {@code date} is now {@code onHand}, of which {@code available} can still be sold. */
    public void stockChanged(long product, LocalDate date, BigDecimal onHand, BigDecimal available) {
        stockChanged(List.of(new Level(product, date, onHand, available)));
    }

    /**
     * Several products' stock (at most one level per product and date), in one statement: an inbox poll's levels, or
     * every product carried into a new day.
     */
    public void stockChanged(List<Level> levels) {
        if (levels.isEmpty()) {
            return;
        }
        List<Level> moved = sql
                .sql(
                        """
                        insert into inventory_snapshots (product_id, date, quantity_on_hand, reserved_quantity, available_quantity, total_cost,
                                                         total_value, turnover_rate, days_of_stock, is_out_of_stock, is_low_stock, is_overstock)
                        select t.product, t.date, t.on_hand, greatest(t.on_hand - t.available, 0), t.available,
                               round(t.on_hand * coalesce(p.cost_price, 0), 2), round(t.on_hand * coalesce(p.sale_price, 0), 2),
                               case when s.sold > 0 and t.on_hand > 0 then least(round(s.sold / t.on_hand, 2), 9999999) else 0 end,
                               case when s.sold > 0 and t.on_hand > 0 then least(floor(t.on_hand * 30 / s.sold), 100000) else 0 end,
                               t.on_hand <= 0, t.on_hand > 0 and t.on_hand <= coalesce(p.min_quantity, 0),
                               p.max_quantity is not null and p.max_quantity > 0 and t.on_hand >= p.max_quantity
                          from unnest(cast(:products as bigint[]), cast(:dates as date[]), cast(:onHands as numeric[]),
                                      cast(:availables as numeric[])) as t(product, date, on_hand, available)
                         cross join lateral (select coalesce(sum(quantity_sold), 0) as sold from product_performance
                                              where product_id = t.product and date > t.date - 30 and date <= t.date) s
                          left join products p on p.product_id = t.product
                        on conflict (product_id, date) do update set quantity_on_hand = excluded.quantity_on_hand,
                            reserved_quantity = excluded.reserved_quantity, available_quantity = excluded.available_quantity,
                            total_cost = excluded.total_cost, total_value = excluded.total_value, turnover_rate = excluded.turnover_rate,
                            days_of_stock = excluded.days_of_stock, is_out_of_stock = excluded.is_out_of_stock,
                            is_low_stock = excluded.is_low_stock, is_overstock = excluded.is_overstock, updated_at = now()
                        returning product_id, date, is_latest
                        """)
                .param("products", SqlArrays.texts(levels, Level::product))
                .param("dates", SqlArrays.texts(levels, Level::date))
                .param("onHands", SqlArrays.texts(levels, Level::onHand))
                .param("availables", SqlArrays.texts(levels, Level::available))
                .query((rs, i) -> rs.getBoolean(3)
                        ? null
                        : new Level(rs.getLong(1), rs.getObject(2, LocalDate.class), null, null))
                .list()
                .stream()
                .filter(Objects::nonNull)
                .toList();
        if (moved.isEmpty()) {
            // on most changes the rows are today's and already the newest: their flags stay, nothing else moves
            return;
        }
        // a product's newest row is its stock as it stands: move the flag where a row written here is now the newest
        // (rows
        // whose flag stays as it is are not written again)
        sql.sql(
                        """
                        update inventory_snapshots s set is_latest = not s.is_latest
                          from unnest(cast(:products as bigint[]), cast(:dates as date[])) as t(product, date)
                         where s.product_id = t.product and (s.is_latest or s.date = t.date)
                           and s.is_latest <> (s.date = (select max(date) from inventory_snapshots where product_id = t.product))
                        """)
                .param("products", SqlArrays.texts(moved, Level::product))
                .param("dates", SqlArrays.texts(moved, Level::date))
                .update();
    }

    /** The product's prices or levels changed: its stock as last known is valued and flagged again on {@code date}. */
    public void productChanged(long product, LocalDate date) {
        sql.sql(
                        "select quantity_on_hand, available_quantity from inventory_snapshots where product_id = :product order by date desc limit 1")
                .param("product", product)
                .query((rs, i) -> new BigDecimal[] {rs.getBigDecimal(1), rs.getBigDecimal(2)})
                .optional()
                .ifPresent(last -> stockChanged(product, date, last[0], last[1]));
    }

    /**
     * A new product: it has no stock until a stock event says otherwise, so it is out of stock from the day it is created
     * (a stock event of the same poll, written at its end, replaces this row).
     */
    public void productCreated(long product, LocalDate date) {
        boolean known = sql.sql("select exists (select 1 from inventory_snapshots where product_id = :product)")
                .param("product", product)
                .query(Boolean.class)
                .single();
        if (known) {
            productChanged(product, date);
        } else {
            stockChanged(product, date, BigDecimal.ZERO, BigDecimal.ZERO);
        }
    }

    /** Gives every product whose latest snapshot is older than {@code today} a row for today with its stock as last known. */
    public int carryForward(LocalDate today) {
        var last = sql.sql(
                        "select product_id, quantity_on_hand, available_quantity from inventory_snapshots where is_latest and date < :today")
                .param("today", today)
                .query((rs, i) -> new Level(rs.getLong(1), today, rs.getBigDecimal(2), rs.getBigDecimal(3)))
                .list();
        stockChanged(last);
        return last.size();
    }

    @Transactional(readOnly = true)
    Page<Snapshot> page(
            Long product, LocalDate date, Boolean low, Boolean out, Boolean over, String orderBy, Pageable page) {
        return JdbcPages.page(
                sql,
                SELECT,
                "from inventory_snapshots s",
                """
                        where (cast(:product as bigint) is null or s.product_id = :product) and (cast(:date as date) is null or s.date = :date)
                          and (cast(:low as boolean) is null or s.is_low_stock = :low)
                          and (cast(:out as boolean) is null or s.is_out_of_stock = :out)
                          and (cast(:over as boolean) is null or s.is_overstock = :over)
                        """,
                orderBy,
                q -> q.param("product", product)
                        .param("date", date)
                        .param("low", low)
                        .param("out", out)
                        .param("over", over),
                ROW,
                page);
    }

    @Transactional(readOnly = true)
    Optional<Snapshot> find(long id) {
        return sql.sql(SELECT + " where s.id = :id").param("id", id).query(ROW).optional();
    }

    /** Each product's latest snapshot, filtered by flag when given, by name (or by days of stock for alerts). */
    @Transactional(readOnly = true)
    public List<Snapshot> latest(String filter, String order) {
        return sql.sql(LATEST + " where " + filter + " order by " + order)
                .query(ROW)
                .list();
    }

    /** The newest date among the products' latest snapshots; empty without any snapshot. */
    /** The stock as it stands valued at cost and at retail (each product's latest snapshot), in the caller's transaction. */
    public StockValue stockValue() {
        return sql.sql(
                        """
                        select coalesce(sum(total_cost), 0), coalesce(sum(total_value), 0) from inventory_snapshots where is_latest
                        """)
                .query((rs, i) -> new StockValue(
                        rs.getBigDecimal(1).setScale(2), rs.getBigDecimal(2).setScale(2)))
                .single();
    }

    /** A store's stock valued at cost and at its sale prices. */
    public record StockValue(BigDecimal atCost, BigDecimal atRetail) {}

    @Transactional(readOnly = true)
    public Optional<LocalDate> newestDate() {
        return sql.sql("select max(date) from inventory_snapshots where is_latest")
                .query(LocalDate.class)
                .optional();
    }

    public static final String ALL = "true";
    public static final String LOW = "latest.is_low_stock";
    public static final String OUT = "latest.is_out_of_stock";
    public static final String BY_NAME = "latest.product_name, latest.product_id";
    public static final String BY_DAYS_OF_STOCK = "latest.days_of_stock, latest.product_id";

    /** Removes the snapshots dated before {@code oldest} (retention); how many. */
    public int removeBefore(LocalDate oldest) {
        return sql.sql("delete from inventory_snapshots where date < :oldest")
                .param("oldest", oldest)
                .update();
    }
}
