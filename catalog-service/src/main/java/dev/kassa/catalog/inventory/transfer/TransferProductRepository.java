package dev.kassa.catalog.inventory.transfer;

import dev.kassa.platform.data.SqlArrays;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The products a transfer's lines name: at the source by id, at the destination by the source's SKU or barcode. */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
class TransferProductRepository {

    /** A product as a line names it. */
    record Product(long id, String name, String sku, String barcode) {}

    private final JdbcClient sql;

    TransferProductRepository(JdbcClient sql) {
        this.sql = sql;
    }

    /** The products that exist and keep stock, as a line names them. */
    Map<Long, Product> trackedProducts(Collection<Long> ids) {
        Map<Long, Product> found = new HashMap<>();
        sql.sql(
                        """
                        select id, name, sku, barcode from products
                         where id = any(cast(:ids as bigint[])) and track_inventory
                        """)
                .param("ids", SqlArrays.texts(ids))
                .query(rs -> {
                    found.put(
                            rs.getLong(1),
                            new Product(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)));
                });
        return found;
    }

    /**
     * For each (SKU, barcode) pair the product of this store with that SKU, else (without an SKU) with that barcode as its
     * own or an extra code, that keeps stock; null where there is none. In the pairs' order.
     */
    List<Long> match(List<String> skus, List<String> barcodes) {
        List<Long> found = new ArrayList<>();
        sql.sql(
                        """
                        select (select p.id from products p
                                 where p.track_inventory
                                   and ((c.sku is not null and c.sku <> '' and p.sku = c.sku)
                                        or ((c.sku is null or c.sku = '') and c.code is not null and c.code <> ''
                                            and (p.barcode = c.code
                                                 or p.id in (select x.product_id from product_barcodes x where x.barcode = c.code))))
                                 order by p.id limit 1)
                          from unnest(cast(:skus as varchar[]), cast(:codes as varchar[])) with ordinality as c(sku, code, n)
                         order by c.n
                        """)
                .param("skus", SqlArrays.texts(skus, s -> s))
                .param("codes", SqlArrays.texts(barcodes, s -> s))
                .query(rs -> {
                    found.add((Long) rs.getObject(1));
                });
        return found;
    }
}
