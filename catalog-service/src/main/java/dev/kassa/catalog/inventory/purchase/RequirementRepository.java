package dev.kassa.catalog.inventory.purchase;

import dev.kassa.catalog.inventory.stock.Expiry;
import dev.kassa.platform.data.SqlArrays;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/** What the requirements read: each product's sales over the last weeks, stock, what is on order and its supplier. */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
class RequirementRepository {

    /**
     * A product that keeps stock: units sold (net of refunds) on the store's days from the window's first ({@code since})
     * on, read from {@code product_sales_days} (the ledger's sales by day), sellable stock, units ordered and not yet
     * received, its supplier (the one that last delivered it, else its newest batch's) with the supplier's lead time in
     * days, pack size and last cost (the product's cost price when none).
     */
    record Demand(
            long product,
            String name,
            String sku,
            BigDecimal minQuantity,
            BigDecimal sold,
            BigDecimal stock,
            BigDecimal onOrder,
            Long supplier,
            String supplierName,
            int leadTimeDays,
            BigDecimal packSize,
            BigDecimal cost) {}

    /** The statuses of orders goods may still come for: their lines' shortfall is on order. */
    private static final String[] ON_ORDER = Arrays.stream(PurchaseOrderStatus.values())
            .filter(PurchaseOrderStatus::receivable)
            .map(PurchaseOrderStatus::code)
            .toArray(String[]::new);

    /** A row of either query: the same columns. */
    private static final RowMapper<Demand> DEMAND = (rs, i) -> new Demand(
            rs.getLong("id"),
            rs.getString("name"),
            rs.getString("sku"),
            rs.getBigDecimal("min_quantity"),
            rs.getBigDecimal("sold"),
            rs.getBigDecimal("stock"),
            rs.getBigDecimal("on_order"),
            rs.getObject("supplier", Long.class),
            rs.getString("supplier_name"),
            rs.getInt("lead_time"),
            rs.getBigDecimal("pack_size"),
            rs.getBigDecimal("cost"));

    private final JdbcClient sql;

    RequirementRepository(JdbcClient sql) {
        this.sql = sql;
    }

    /** Every active product that keeps stock ({@code products} null), or those named, in one statement. */
    List<Demand> demand(LocalDate since, LocalDate today, Collection<Long> products) {
        return sql.sql(
                        """
                        with sold as (select d.product_id, -sum(d.quantity) as qty from product_sales_days d
                                       where d.day >= :since group by d.product_id),
                             stock as (select b.product_id, sum(b.quantity) filter (where %s) as qty from batches b
                                        where b.is_active group by b.product_id),
                             ordered as (select l.product_id, sum(greatest(l.quantity - l.received_quantity, 0)) as qty
                                           from purchase_order_lines l join purchase_orders o on o.id = l.order_id
                                          where o.status = any(cast(:onOrder as text[])) group by l.product_id),
                             source as (select distinct on (sp.product_id) sp.product_id, sp.supplier_id, sp.pack_size, sp.last_cost
                                          from supplier_products sp join suppliers s on s.id = sp.supplier_id and s.is_active
                                         order by sp.product_id, sp.last_received_at desc nulls last, sp.supplier_id),
                             latest as (select distinct on (b.product_id) b.product_id, b.supplier_id from batches b
                                         where b.supplier_id is not null order by b.product_id, b.received_at desc, b.id desc)
                        select p.id, p.name, p.sku, p.min_quantity, greatest(coalesce(sold.qty, 0), 0) as sold,
                               coalesce(stock.qty, 0) as stock, coalesce(ordered.qty, 0) as on_order,
                               coalesce(source.supplier_id, latest.supplier_id) as supplier, sup.name as supplier_name,
                               coalesce(sup.delivery_time, 0) as lead_time, coalesce(source.pack_size, 1) as pack_size,
                               coalesce(source.last_cost, p.cost_price) as cost
                          from products p
                          left join sold on sold.product_id = p.id
                          left join stock on stock.product_id = p.id
                          left join ordered on ordered.product_id = p.id
                          left join source on source.product_id = p.id
                          left join latest on latest.product_id = p.id
                          left join suppliers sup on sup.id = coalesce(source.supplier_id, latest.supplier_id)
                         where p.track_inventory and p.is_active
                           and (cast(:all as boolean) or p.id = any(cast(:ids as bigint[])))
                         order by p.name, p.id
                        """
                                .formatted(Expiry.SELLABLE))
                .param("since", since)
                .param("today", today)
                .param("all", products == null)
                .param("ids", products == null ? new String[0] : SqlArrays.texts(products))
                .param("onOrder", ON_ORDER)
                .query(DEMAND)
                .list();
    }

    /**
     * The products named, each read through its own indexes (its days of the window, its batches, its order lines,
     * its suppliers), for a few products at a time: the stock changes of a poll.
     */
    List<Demand> demandOf(LocalDate since, LocalDate today, Collection<Long> products) {
        return sql.sql(
                        """
                        select p.id, p.name, p.sku, p.min_quantity,
                               greatest(coalesce((select -sum(d.quantity) from product_sales_days d
                                                   where d.product_id = p.id and d.day >= :since), 0), 0) as sold,
                               coalesce((select sum(b.quantity) from batches b where b.product_id = p.id and b.is_active and %s), 0) as stock,
                               coalesce((select sum(greatest(l.quantity - l.received_quantity, 0))
                                           from purchase_order_lines l join purchase_orders o on o.id = l.order_id
                                          where l.product_id = p.id and o.status = any(cast(:onOrder as text[]))), 0) as on_order,
                               src.supplier_id as supplier, sup.name as supplier_name,
                               coalesce(sup.delivery_time, 0) as lead_time, coalesce(src.pack_size, 1) as pack_size,
                               coalesce(src.last_cost, p.cost_price) as cost
                          from products p
                          left join lateral (
                               select x.supplier_id, x.pack_size, x.last_cost from (
                                   (select sp.supplier_id, sp.pack_size, sp.last_cost, 0 as rank, sp.last_received_at as at
                                      from supplier_products sp join suppliers s on s.id = sp.supplier_id and s.is_active
                                     where sp.product_id = p.id order by sp.last_received_at desc nulls last, sp.supplier_id limit 1)
                                   union all
                                   (select b.supplier_id, cast(null as numeric), cast(null as numeric), 1, b.received_at
                                      from batches b where b.product_id = p.id and b.supplier_id is not null
                                     order by b.received_at desc, b.id desc limit 1)) x
                                order by x.rank limit 1) src on true
                          left join suppliers sup on sup.id = src.supplier_id
                         where p.id = any(cast(:ids as bigint[])) and p.track_inventory and p.is_active
                        """
                                .formatted(Expiry.SELLABLE))
                .param("since", since)
                .param("today", today)
                .param("ids", SqlArrays.texts(products))
                .param("onOrder", ON_ORDER)
                .query(DEMAND)
                .list();
    }
}
