package dev.kassa.catalog.catalogue.category;

import dev.kassa.platform.sync.ChangeFeed;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The change feeds of categories and units ({@code category_changes}, {@code unit_changes}, kept by triggers, tenant
 * migration V8), read as the platform's {@link ChangeFeed}.
 */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
class ReferenceChangeRepository {

    private final JdbcClient sql;

    ReferenceChangeRepository(JdbcClient sql) {
        this.sql = sql;
    }

    ChangeFeed.Page categories(ChangeFeed.Cursor after, int limit) {
        return ChangeFeed.after(sql, "category_changes", "category_id", after, limit);
    }

    ChangeFeed.Page units(ChangeFeed.Cursor after, int limit) {
        return ChangeFeed.after(sql, "unit_changes", "unit_id", after, limit);
    }
}
