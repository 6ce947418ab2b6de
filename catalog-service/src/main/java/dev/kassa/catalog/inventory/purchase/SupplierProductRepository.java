package dev.kassa.catalog.inventory.purchase;

import dev.kassa.platform.data.SqlArrays;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every statement on {@code supplier_products}: what each supplier last charged for each product, and its pack size. */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
class SupplierProductRepository {

    /** A product a supplier delivers: its last cost, pack size and last delivery (null: not delivered yet). */
    record SupplierProduct(
            long supplier,
            long product,
            String name,
            String sku,
            BigDecimal lastCost,
            BigDecimal packSize,
            Instant lastReceivedAt) {}

    private final JdbcClient sql;

    SupplierProductRepository(JdbcClient sql) {
        this.sql = sql;
    }

    /** What {@code supplierId} last charged for each of {@code products} it has delivered or priced. */
    Map<Long, BigDecimal> lastCosts(long supplierId, Collection<Long> products) {
        Map<Long, BigDecimal> costs = new HashMap<>();
        sql.sql(
                        """
                        select product_id, last_cost from supplier_products
                         where supplier_id = :supplier and product_id = any(cast(:products as bigint[]))
                        """)
                .param("supplier", supplierId)
                .param("products", SqlArrays.texts(products))
                .query((rs, i) -> costs.put(rs.getLong(1), rs.getBigDecimal(2)))
                .list();
        return costs;
    }

    /** A delivery's costs become the supplier's last (the last line of a product wins). */
    void delivered(long supplierId, List<Long> products, List<BigDecimal> costs) {
        sql.sql(
                        """
                        insert into supplier_products (supplier_id, product_id, last_cost, last_received_at)
                        select distinct on (product) :supplier, product, cost, now()
                          from unnest(cast(:products as bigint[]), cast(:costs as numeric[])) with ordinality as t(product, cost, n)
                         order by product, n desc
                        on conflict (supplier_id, product_id) do update set last_cost = excluded.last_cost,
                            last_received_at = excluded.last_received_at
                        """)
                .param("supplier", supplierId)
                .param("products", SqlArrays.texts(products))
                .param("costs", SqlArrays.texts(costs))
                .update();
    }

    /** Sets the pack size (and the cost, when given; the product's cost price for a product not priced yet). */
    void set(long supplierId, long productId, BigDecimal packSize, BigDecimal cost) {
        sql.sql(
                        """
                        insert into supplier_products (supplier_id, product_id, last_cost, pack_size)
                        select :supplier, p.id, coalesce(cast(:cost as numeric), p.cost_price), :pack from products p where p.id = :product
                        on conflict (supplier_id, product_id) do update set pack_size = excluded.pack_size,
                            last_cost = coalesce(cast(:cost as numeric), supplier_products.last_cost)
                        """)
                .param("supplier", supplierId)
                .param("product", productId)
                .param("pack", packSize)
                .param("cost", cost)
                .update();
    }

    @Transactional(readOnly = true)
    List<SupplierProduct> of(long supplierId) {
        return sql.sql(
                        """
                        select sp.*, p.name, p.sku from supplier_products sp join products p on p.id = sp.product_id
                         where sp.supplier_id = :supplier order by p.name, p.id
                        """)
                .param("supplier", supplierId)
                .query((rs, i) -> row(rs))
                .list();
    }

    Optional<SupplierProduct> find(long supplierId, long productId) {
        return sql.sql(
                        """
                        select sp.*, p.name, p.sku from supplier_products sp join products p on p.id = sp.product_id
                         where sp.supplier_id = :supplier and sp.product_id = :product
                        """)
                .param("supplier", supplierId)
                .param("product", productId)
                .query((rs, i) -> row(rs))
                .optional();
    }

    private static SupplierProduct row(java.sql.ResultSet rs) throws java.sql.SQLException {
        Timestamp last = rs.getTimestamp("last_received_at");
        return new SupplierProduct(
                rs.getLong("supplier_id"),
                rs.getLong("product_id"),
                rs.getString("name"),
                rs.getString("sku"),
                rs.getBigDecimal("last_cost"),
                rs.getBigDecimal("pack_size"),
                last == null ? null : last.toInstant());
    }
}
