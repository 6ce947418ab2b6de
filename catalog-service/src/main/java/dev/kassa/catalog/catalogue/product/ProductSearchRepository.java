package dev.kassa.catalog.catalogue.product;

import dev.kassa.catalog.catalogue.StockFigures;
import dev.kassa.platform.web.SqlOrdering;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.util.Map;

/**
 * The product list's filters (spec C10) as SQL: which products, in which order, one page of their ids and the count;
 * the products themselves are then read as aggregates ({@link ProductRepository}). Also what a deletion and a switch to
 * made on sale must know.
 */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
class ProductSearchRepository {

    /** The product list's orderings (its query's {@code ordering}) as columns, newest first by default. */
    static final SqlOrdering ORDERING = SqlOrdering.of(
            "-created_at",
            "p.id",
            Map.of(
                    "name",
                    "p.name",
                    "created_at",
                    "p.created_at",
                    "updated_at",
                    "p.updated_at",
                    "sale_price",
                    "p.sale_price"));

    private final JdbcClient sql;
    private final StockFigures stock;

    ProductSearchRepository(JdbcClient sql, StockFigures stock) {
        this.sql = sql;
        this.stock = stock;
    }

    /** Locks the product's row against every other writer until the transaction ends (before deleting it); false if there is none. */
    boolean lockForDelete(long id) {
        return sql.sql("select id from products where id = :id for update")
                .param("id", id)
                .query(Long.class)
                .optional()
                .isPresent();
    }

    /**
     * Whether the product was ever sold or refunded, is held or sold from a till, goes into a recipe or a modifier's
     * option, or has variants: then it is kept (and deactivated).
     */
    boolean hasSalesHistory(long id) {
        return sql.sql(
                        "select " + stock.traded()
                                + """
                             or exists (select 1 from recipe_components where component_id = :id)
                            or exists (select 1 from modifier_options where component_id = :id or replaces_id = :id)
                            or exists (select 1 from products where variant_of = :id)
                        """)
                .param("id", id)
                .query(Boolean.class)
                .single();
    }

    /**
     * What switching a product to made on sale must know: whether it has a recipe, goes into another product's recipe
     * or an option's, and has stock of its own.
     */
    record Making(boolean hasRecipe, boolean component, boolean stocked) {}

    Making making(long id) {
        return sql.sql(
                        """
                        select exists (select 1 from recipe_components where product_id = :id),
                               exists (select 1 from recipe_components where component_id = :id)
                                   or exists (select 1 from modifier_options
                                               where component_id = :id or replaces_id = :id),
                        """
                                + stock.stocked())
                .param("id", id)
                .query((rs, i) -> new Making(rs.getBoolean(1), rs.getBoolean(2), rs.getBoolean(3)))
                .single();
    }
}
