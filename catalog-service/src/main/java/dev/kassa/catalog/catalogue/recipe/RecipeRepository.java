package dev.kassa.catalog.catalogue.recipe;

import dev.kassa.catalog.catalogue.MadeOfOthers;
import dev.kassa.catalog.catalogue.StockFigures;
import dev.kassa.platform.data.SqlArrays;
import dev.kassa.platform.tenancy.TenantContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Every statement on {@code recipe_components}: a recipe is read with what each component costs and has to sell now. */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
class RecipeRepository {

    /** A component as the recipe shows it: how much of it goes into one unit, its cost price and what is left of it. */
    record Component(
            long product,
            String name,
            String unit,
            BigDecimal quantity,
            BigDecimal costPrice,
            boolean trackInventory,
            BigDecimal available) {}

    /** A component as a request sets it. */
    record Part(long product, BigDecimal quantity) {}

    private final JdbcClient sql;
    private final StockFigures stock;

    RecipeRepository(JdbcClient sql, StockFigures stock) {
        this.sql = sql;
        this.stock = stock;
    }

    /** The product's components in the recipe's order. */
    List<Component> of(long product) {
        return sql.sql(
                        """
                        select c.id, c.name, u.short_name, rc.quantity, c.cost_price, c.track_inventory, %s as available
                          from recipe_components rc join products c on c.id = rc.component_id
                          join units u on u.id = c.unit_id
                         where rc.product_id = :product
                         order by rc.position, c.id
                        """
                                .formatted(stock.available("c")))
                .param("product", product)
                .param("today", TenantContext.require().today())
                .query((rs, i) -> new Component(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getBigDecimal(4),
                        rs.getBigDecimal(5),
                        rs.getBoolean(6),
                        rs.getBigDecimal(7).setScale(3)))
                .list();
    }

    /** The product is made of exactly these components afterwards, in this order (none: it is made of nothing). */
    void set(long product, List<Part> parts) {
        sql.sql("delete from recipe_components where product_id = :product")
                .param("product", product)
                .update();
        sql.sql(
                        """
                        insert into recipe_components (product_id, component_id, quantity, position)
                        select :product, c.id, c.quantity, c.position
                          from unnest(cast(:components as bigint[]), cast(:quantities as numeric[])) with ordinality
                               as c(id, quantity, position)
                        """)
                .param("product", product)
                .param("components", SqlArrays.texts(parts, Part::product))
                .param("quantities", SqlArrays.texts(parts, Part::quantity))
                .update();
    }

    /**
     * Takes the store's lock on recipes until the transaction ends (two recipes set at once could otherwise close a
     * circle between products made ahead), then locks the product and the {@code components} it is to be made of, in
     * the order every hold and stock change locks products (those made of others first, then by id): against a recipe
     * being set on them, or a component being made on sale, meanwhile. Answers those that exist, each with whether it
     * is made ahead.
     */
    Map<Long, Boolean> lock(long product, Collection<Long> components) {
        sql.sql("select pg_advisory_xact_lock(hashtextextended('kassa.catalog.recipes:' || current_schema(), 0))")
                .query((rs, i) -> 1)
                .list();
        Map<Long, Boolean> ahead = new HashMap<>();
        sql.sql(
                        """
                        select p.id, p.made = 'ahead' from products p
                         where p.id = :product or p.id = any(cast(:ids as bigint[]))
                         order by %s desc, p.id
                           for no key update of p
                        """
                                .formatted(MadeOfOthers.P))
                .param("product", product)
                .param("ids", SqlArrays.texts(components))
                .query(rs -> {
                    ahead.put(rs.getLong(1), rs.getBoolean(2));
                });
        return ahead;
    }

    /** Which of {@code ids} are products. */
    List<Long> existing(Collection<Long> ids) {
        return sql.sql("select id from products where id = any(cast(:ids as bigint[]))")
                .param("ids", SqlArrays.texts(ids))
                .query(Long.class)
                .list();
    }

    /**
     * Which of {@code ids} are made of other products themselves (made on sale: one made ahead has stock of its own).
     */
    List<Long> composites(Collection<Long> ids) {
        return sql.sql("select p.id from products p where p.id = any(cast(:ids as bigint[])) and " + MadeOfOthers.P)
                .param("ids", SqlArrays.texts(ids))
                .query(Long.class)
                .list();
    }

    /**
     * Which of {@code components} are made of {@code product} at any depth, through components made ahead with recipes
     * of their own: a recipe naming one would go round in a circle.
     */
    List<Long> madeOf(long product, Collection<Long> components) {
        return sql.sql(
                        """
                        with recursive down(root, id) as (
                            select c.id, c.id from unnest(cast(:ids as bigint[])) as c(id)
                            union
                            select down.root, rc.component_id
                              from recipe_components rc join down on rc.product_id = down.id)
                        select distinct root from down where id = :product
                        """)
                .param("ids", SqlArrays.texts(components))
                .param("product", product)
                .query(Long.class)
                .list();
    }

    /** Whether the product goes into another product's recipe, or a modifier's option puts it into one. */
    boolean isComponent(long product) {
        return sql.sql(
                        """
                        select exists (select 1 from recipe_components where component_id = :id)
                            or exists (select 1 from modifier_options where component_id = :id or replaces_id = :id)
                        """)
                .param("id", product)
                .query(Boolean.class)
                .single();
    }
}
