package dev.kassa.catalog.catalogue.product;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kassa.catalog.catalogue.MadeOfOthers;
import dev.kassa.catalog.catalogue.StockFigures;
import dev.kassa.platform.data.SqlArrays;
import dev.kassa.platform.tenancy.TenantContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.util.List;

/**
 * What a guest may order (issue 65 point 6): the store's active products that can be sold now (stock not tracked, or
 * sellable stock left: fresh batches, the store's today, less the tills' holds), by category; never what they cost or how much is left.
 */
@Repository
class ProductMenuRepository {

    /** A dish or a product on the menu; {@code category} null for those without one. */
    record MenuItem(
            long id,
            String name,
            String description,
            BigDecimal price,
            String unit,
            Long categoryId,
            String category,
            List<MenuGroup> modifierGroups) {}

    /** A modifier group the dish offers, with its options and how many of them a guest must and may choose. */
    record MenuGroup(long id, String name, int min, int max, List<MenuOption> options) {}

    /** An option of a modifier group and what it adds to the price. */
    record MenuOption(long id, String name, BigDecimal price) {}

    private static final TypeReference<List<MenuGroup>> GROUPS = new TypeReference<>() {};

    private final JdbcClient sql;
    private final StockFigures stock;
    private final ObjectMapper json;

    ProductMenuRepository(JdbcClient sql, ObjectMapper json, StockFigures stock) {
        this.sql = sql;
        this.stock = stock;
        this.json = json;
    }

    private List<MenuGroup> groups(String text) {
        try {
            return json.readValue(text, GROUPS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a dish's modifier groups as PostgreSQL aggregated them", e);
        }
    }

    /**
     * The menu in one statement (each dish with the modifier groups it offers): by category name (those without one last), then by name; only the products {@code ids}
     * names when it names any (a waiter's order lines).
     */
    @Transactional(readOnly = true)
    List<MenuItem> items(List<Long> ids) {
        return sql.sql(
                        """
                        select p.id, p.name, p.description, p.sale_price, u.short_name, c.id as category_id, c.name as category,
                               (select coalesce(json_agg(json_build_object(
                                           'id', g.id, 'name', g.name, 'min', g.min_choices, 'max', g.max_choices,
                                           'options', (select coalesce(json_agg(json_build_object(
                                                                  'id', o.id, 'name', o.name, 'price', o.price)
                                                                  order by o.position, o.id), '[]')
                                                         from modifier_options o where o.group_id = g.id))
                                           order by pm.position, g.id), '[]')
                                  from product_modifier_groups pm join modifier_groups g on g.id = pm.group_id
                                 where pm.product_id = p.id) as modifier_groups
                          from products p join units u on u.id = p.unit_id left join categories c on c.id = p.category_id
                         where p.is_active
                           and case when %s
                                    -- made of others: while every component it takes has enough for one
                                    then not exists (select 1 from recipe_components rc join products c on c.id = rc.component_id
                                                      where rc.product_id = p.id and c.track_inventory
                                                        and %s < rc.quantity)
                                    else not p.track_inventory or %s > 0 end
                           and (:all or p.id = any(cast(:ids as bigint[])))
                         order by c.name nulls last, c.id, p.name, p.id
                        """
                                .formatted(MadeOfOthers.P, stock.available("c"), stock.available("p")))
                .param("today", TenantContext.require().today())
                .param("all", ids.isEmpty())
                .param("ids", SqlArrays.texts(ids))
                .query((rs, i) -> new MenuItem(
                        rs.getLong("id"),
                        rs.getString("name"),
                        rs.getString("description"),
                        rs.getBigDecimal("sale_price"),
                        rs.getString("short_name"),
                        (Long) rs.getObject("category_id"),
                        rs.getString("category"),
                        groups(rs.getString("modifier_groups"))))
                .list();
    }
}
