package dev.kassa.catalog.catalogue.product;

import dev.kassa.platform.data.SqlArrays;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * A chain's catalogue in one store's tables: at the source, whom each product is shared with ({@code product_shares})
 * and the products' chain keys; at a destination, which product is the copy of a chain's product and which of its
 * fields the store set itself.
 */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
class ProductShareRepository {

    /** A store a product is shared with, by whom and when. */
    record Share(String store, Long sharedBy, Instant sharedAt) {}

    /** A product's place in the chain: its key, the store it came from (null: its own), what the store set itself. */
    record Chain(String key, String sharedFrom, boolean ownSalePrice, boolean ownActive) {}

    private static final RowMapper<ProductsShared.Entry> ENTRY = (rs, i) -> new ProductsShared.Entry(
            rs.getString("chain_key"),
            rs.getLong("id"),
            rs.getString("name"),
            rs.getString("description"),
            rs.getString("sku"),
            rs.getString("barcode"),
            rs.getString("unit_code"),
            rs.getString("category_name"),
            rs.getBigDecimal("cost_price"),
            rs.getBigDecimal("sale_price"),
            rs.getBigDecimal("wholesale_price"),
            rs.getBigDecimal("tax_rate"),
            rs.getBoolean("track_inventory"),
            rs.getBoolean("hazardous"),
            rs.getBoolean("is_active"));

    private final JdbcClient sql;

    ProductShareRepository(JdbcClient sql) {
        this.sql = sql;
    }

    /**
     * The store's own products (not copies of another store's) among {@code products} and in {@code categories} and
     * their subcategories, in id order.
     */
    @Transactional(readOnly = true)
    List<Long> own(Collection<Long> products, Collection<Long> categories) {
        return sql.sql(
                        """
                        with recursive tree as (
                            select id from categories where id = any(cast(:categories as bigint[]))
                            union select c.id from categories c join tree t on c.parent_id = t.id)
                        select p.id from products p
                         where p.shared_from is null
                           and (p.id = any(cast(:products as bigint[])) or p.category_id in (select id from tree))
                         order by p.id
                        """)
                .param("products", SqlArrays.texts(products))
                .param("categories", SqlArrays.texts(categories))
                .query(Long.class)
                .list();
    }

    /** Every product of the store's own (not a copy of another store's), in id order. */
    List<Long> allOwn() {
        return sql.sql("select id from products where shared_from is null order by id")
                .query(Long.class)
                .list();
    }

    /** Records that the products are shared with {@code store} (again: nothing changes). */
    void share(Collection<Long> products, String store, long by) {
        sql.sql(
                        """
                        insert into product_shares (product_id, store_key, shared_by)
                        select unnest(cast(:ids as bigint[])), :store, :by
                        on conflict (product_id, store_key) do nothing
                        """)
                .param("ids", SqlArrays.texts(products))
                .param("store", store)
                .param("by", by)
                .update();
    }

    /** The stores a product is shared with, in the order it was shared with them. */
    @Transactional(readOnly = true)
    List<Share> shares(long product) {
        return sql.sql(
                        "select store_key, shared_by, shared_at from product_shares where product_id = :id order by shared_at, store_key")
                .param("id", product)
                .query((rs, i) -> new Share(
                        rs.getString(1),
                        (Long) rs.getObject(2),
                        rs.getTimestamp(3).toInstant()))
                .list();
    }

    /** The products' entries as the chain carries them, in id order. */
    List<ProductsShared.Entry> entries(Collection<Long> products) {
        return sql.sql(
                        """
                        select p.*, u.code as unit_code, c.name as category_name
                          from products p join units u on u.id = p.unit_id left join categories c on c.id = p.category_id
                         where p.id = any(cast(:ids as bigint[])) and p.chain_key is not null
                         order by p.id
                        """)
                .param("ids", SqlArrays.texts(products))
                .query(ENTRY)
                .list();
    }

    /** The product's place in the chain; empty when it has none. */
    @Transactional(readOnly = true)
    Optional<Chain> chain(long product) {
        return sql.sql(
                        """
                        select chain_key, shared_from, own_sale_price, own_active from products
                         where id = :id and chain_key is not null
                        """)
                .param("id", product)
                .query((rs, i) -> new Chain(rs.getString(1), rs.getString(2), rs.getBoolean(3), rs.getBoolean(4)))
                .optional();
    }

    /** The product with this chain key, locked (its copy is changed by one event at a time). */
    Optional<Long> byKey(String key) {
        return sql.sql("select id from products where chain_key = cast(:key as uuid) for no key update")
                .param("key", key)
                .query(Long.class)
                .optional();
    }

    /**
     * The store's product with this SKU (when given), else with this barcode, that is not yet another chain's product:
     * the product the store already had before the chain shared it.
     */
    Optional<Long> unlinked(String sku, String barcode) {
        return sql.sql(
                        """
                        select id from products
                         where chain_key is null
                           and ((cast(:sku as text) is not null and sku = :sku)
                                or (cast(:sku as text) is null and cast(:barcode as text) is not null and barcode = :barcode))
                         order by id limit 1 for no key update
                        """)
                .param("sku", sku)
                .param("barcode", barcode)
                .query(Long.class)
                .optional();
    }

    /** The stores the product is shared with, by key. */
    @Transactional(readOnly = true)
    List<String> sharedWith(long product) {
        return sql.sql("select store_key from product_shares where product_id = :id order by store_key")
                .param("id", product)
                .query(String.class)
                .list();
    }
}
