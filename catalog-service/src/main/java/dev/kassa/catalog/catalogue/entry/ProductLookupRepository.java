package dev.kassa.catalog.catalogue.entry;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Whether a product exists, for the features below products that attach something to one (an image, a modifier group):
 * they cannot ask the products' own feature, which uses them.
 */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
public class ProductLookupRepository {

    private final JdbcClient sql;

    ProductLookupRepository(JdbcClient sql) {
        this.sql = sql;
    }

    public boolean exists(long product) {
        return sql.sql("select exists (select 1 from products where id = :id)")
                .param("id", product)
                .query(Boolean.class)
                .single();
    }
}
