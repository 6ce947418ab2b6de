package dev.kassa.catalog.catalogue.product;

import dev.kassa.platform.data.SqlArrays;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.util.Collection;
import java.util.List;

/**
 * {@link ProductChain}'s statements: the products' columns of the chain, written with the products (Spring Data finds
 * this fragment of {@link ProductRepository} by its name).
 */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
class ProductChainImpl implements ProductChain {

    private final JdbcClient sql;

    ProductChainImpl(JdbcClient sql) {
        this.sql = sql;
    }

    /** Gives each of the products that has none its chain-wide key (a new random one). */
    @Override
    public void keyAll(Collection<Long> products) {
        sql.sql(
                        "update products set chain_key = gen_random_uuid() where id = any(cast(:ids as bigint[])) and chain_key is null")
                .param("ids", SqlArrays.texts(products))
                .update();
    }

    /** Makes the product the copy of the chain's product {@code key} shared from {@code store}. */
    @Override
    public void link(long product, String key, String store) {
        sql.sql("update products set chain_key = cast(:key as uuid), shared_from = :store where id = :id")
                .param("id", product)
                .param("key", key)
                .param("store", store)
                .update();
    }

    @Override
    public void linkAll(List<Long> products, List<String> keys, String store) {
        if (products.isEmpty()) {
            return;
        }
        sql.sql(
                        """
                        update products p set chain_key = cast(l.key as uuid), shared_from = :store
                          from unnest(cast(:ids as bigint[]), cast(:keys as varchar[])) as l(id, key)
                         where p.id = l.id
                        """)
                .param("ids", SqlArrays.texts(products))
                .param("keys", SqlArrays.texts(keys))
                .param("store", store)
                .update();
    }

    /** A copy's sale price or active flag set by its own store: the chain's changes leave it alone from now on. */
    @Override
    public void own(long product, boolean salePrice, boolean active) {
        sql.sql(
                        """
                        update products set own_sale_price = own_sale_price or :price, own_active = own_active or :active
                         where id = :id and shared_from is not null
                        """)
                .param("id", product)
                .param("price", salePrice)
                .param("active", active)
                .update();
    }
}
