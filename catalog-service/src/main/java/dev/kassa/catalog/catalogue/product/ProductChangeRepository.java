package dev.kassa.catalog.catalogue.product;

import dev.kassa.platform.sync.ChangeFeed;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The products' change feed ({@code product_changes}, kept by a trigger on {@code products} and
 * {@code product_barcodes}, tenant migration V6), read as the platform's {@link ChangeFeed}.
 */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
class ProductChangeRepository {

    private final JdbcClient sql;

    ProductChangeRepository(JdbcClient sql) {
        this.sql = sql;
    }

    ChangeFeed.Page after(ChangeFeed.Cursor after, int limit) {
        return ChangeFeed.after(sql, "product_changes", "product_id", after, limit);
    }
}
