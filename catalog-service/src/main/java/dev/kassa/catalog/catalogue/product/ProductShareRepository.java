package dev.kassa.catalog.catalogue.product;

import dev.kassa.platform.data.SqlArrays;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import static dev.kassa.platform.data.Values.blankToNull;

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
            rs.getBoolean("is_active"),
            rs.getString("made"));

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

    /**
     * For each entry (in their order) the store's product that is its copy: the one with its chain key, else one not yet
     * another chain's with its SKU (when it has one), else with its barcode; null where there is none. One statement for
     * all of them.
     */
    List<Long> copies(List<ProductsShared.Entry> entries) {
        List<Long> found = new ArrayList<>();
        sql.sql(
                        """
                        select coalesce(
                                   (select p.id from products p where p.chain_key = cast(e.key as uuid)),
                                   (select p.id from products p
                                     where p.chain_key is null
                                       and ((e.sku is not null and p.sku = e.sku)
                                            or (e.sku is null and e.code is not null and p.barcode = e.code))
                                     order by p.id limit 1))
                          from unnest(cast(:keys as varchar[]), cast(:skus as varchar[]), cast(:codes as varchar[]))
                               with ordinality as e(key, sku, code, n)
                         order by e.n
                        """)
                .param("keys", SqlArrays.texts(entries, ProductsShared.Entry::chainKey))
                .param("skus", SqlArrays.texts(entries, e -> blankToNull(e.sku())))
                .param("codes", SqlArrays.texts(entries, e -> blankToNull(e.barcode())))
                .query(rs -> {
                    found.add((Long) rs.getObject(1));
                });
        return found;
    }

    /** Stops sharing the product with {@code store}; answers whether it was shared with it. */
    boolean unshare(long product, String store) {
        return sql.sql("delete from product_shares where product_id = :id and store_key = :store")
                        .param("id", product)
                        .param("store", store)
                        .update()
                > 0;
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
