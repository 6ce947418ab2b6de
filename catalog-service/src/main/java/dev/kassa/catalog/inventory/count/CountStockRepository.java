package dev.kassa.catalog.inventory.count;

import dev.kassa.catalog.catalogue.StockLevel;
import dev.kassa.catalog.inventory.stock.Expiry;
import dev.kassa.catalog.inventory.stock.StockLevelRepository;
import dev.kassa.platform.data.SqlArrays;
import dev.kassa.platform.tenancy.TenantContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * What lies at one location for a count of it (issue 86 point 1), read from the batches there and what tills hold of
 * them: the products' stock at the location (applying the count corrects the batches there through the stock ledger).
 */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
class CountStockRepository {

    /** The products' stock at {@code :location}, in the columns {@link StockLevelRepository#level} reads. */
    private static final String LEVELS =
            """
            select p.id, coalesce(sum(b.quantity), 0.000) as on_hand,
                   coalesce(sum(b.quantity) filter (where %s), 0.000) as sellable,
                   coalesce(sum(b.quantity) filter (where b.status <> 'approved'), 0.000) as unavailable,
                   coalesce((select sum(r.quantity) from reservations r join batches h on h.id = r.batch_id
                              where r.product_id = p.id and h.location_id = :location and r.status = 'active'
                                and r.reserved_until > now()), 0.000) as reserved
              from products p left join batches b on b.product_id = p.id and b.is_active and b.location_id = :location
             where p.id = any(cast(:products as bigint[]))
             group by p.id
            """
                    .formatted(Expiry.SELLABLE);

    private final JdbcClient sql;

    CountStockRepository(JdbcClient sql) {
        this.sql = sql;
    }

    /** Each product's stock at the location as the whole store's is read (none there: zero). */
    Map<Long, StockLevel> levels(long location, Collection<Long> products) {
        Map<Long, StockLevel> levels = new HashMap<>();
        sql.sql(LEVELS)
                .param("location", location)
                .param("products", SqlArrays.texts(products))
                .param("today", TenantContext.require().today())
                .query(rs -> {
                    levels.put(rs.getLong("id"), StockLevelRepository.level(rs, false));
                });
        products.forEach(id -> levels.putIfAbsent(id, StockLevel.ZERO));
        return levels;
    }
}
