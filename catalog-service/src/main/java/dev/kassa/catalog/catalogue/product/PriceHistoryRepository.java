package dev.kassa.catalog.catalogue.product;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/** What each product has been sold for and since when ({@code product_prices}, kept by triggers: tenant migration V10). */
@Repository
class PriceHistoryRepository {

    private final JdbcClient sql;

    PriceHistoryRepository(JdbcClient sql) {
        this.sql = sql;
    }

    /** The prices the product had at {@code since} or took after it, each once, oldest first; none for no such product. */
    @Transactional(readOnly = true)
    List<BigDecimal> since(long productId, Instant since) {
        return sql.sql(
                        """
                        select sale_price from (
                            (select sale_price, valid_from, id from product_prices
                              where product_id = :id and valid_from <= :since order by valid_from desc, id desc limit 1)
                            union all
                            select sale_price, valid_from, id from product_prices where product_id = :id and valid_from > :since
                        ) had
                        group by sale_price order by min(valid_from), min(id)
                        """)
                .param("id", productId)
                .param("since", Timestamp.from(since))
                .query(BigDecimal.class)
                .list();
    }
}
