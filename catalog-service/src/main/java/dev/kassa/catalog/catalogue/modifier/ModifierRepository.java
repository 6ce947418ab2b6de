package dev.kassa.catalog.catalogue.modifier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kassa.catalog.catalogue.MadeOfOthers;
import dev.kassa.platform.data.SqlArrays;
import dev.kassa.platform.web.JdbcPages;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every statement on {@code modifier_groups}, {@code modifier_options} and {@code product_modifier_groups}: a group is
 * read with its options in one statement.
 */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
class ModifierRepository {

    /**
     * An option of a group, in the group's order; for a product made of others, the {@code component} it puts in (in
     * place of the one it {@code replaces}, when it names one), {@code componentQuantity} of it a unit (null: the replaced
     * one's, or one).
     */
    record ModifierOption(
            long id, String name, BigDecimal price, Long component, BigDecimal componentQuantity, Long replaces) {}

    /** A group with its options and how many products offer it. */
    record ModifierGroup(
            long id,
            String name,
            int min,
            int max,
            List<ModifierOption> options,
            long productsCount,
            Instant createdAt,
            Instant updatedAt) {}

    /** An option as a group's request gives it: {@code id} null for a new one. */
    record OptionFields(
            Long id, String name, BigDecimal price, Long component, BigDecimal componentQuantity, Long replaces) {}

    private static final TypeReference<List<ModifierOption>> OPTIONS = new TypeReference<>() {};

    private static final String SELECT =
            """
            select g.*,
                   (select count(*) from product_modifier_groups pm where pm.group_id = g.id) as products_count,
                   (select coalesce(json_agg(json_build_object('id', o.id, 'name', o.name, 'price', o.price,
                                                               'component', o.component_id,
                                                               'component_quantity', o.component_quantity,
                                                               'replaces', o.replaces_id)
                                             order by o.position, o.id), '[]')
                      from modifier_options o where o.group_id = g.id) as options
              from modifier_groups g
            """;

    private final JdbcClient sql;
    private final ObjectMapper json;
    private final RowMapper<ModifierGroup> row;

    ModifierRepository(JdbcClient sql, ObjectMapper json) {
        this.sql = sql;
        this.json = json;
        this.row = (rs, i) -> new ModifierGroup(
                rs.getLong("id"),
                rs.getString("name"),
                rs.getInt("min_choices"),
                rs.getInt("max_choices"),
                options(rs.getString("options")),
                rs.getLong("products_count"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }

    private List<ModifierOption> options(String text) {
        try {
            return json.readValue(text, OPTIONS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("options of a modifier group as PostgreSQL aggregated them", e);
        }
    }

    /** A page of groups by name, {@code like} matched against the name (null: all). */
    Page<ModifierGroup> page(String like, Pageable page) {
        return JdbcPages.page(
                sql,
                SELECT,
                "from modifier_groups g",
                " where (cast(:like as text) is null or g.name ilike :like)",
                "g.name, g.id",
                q -> q.param("like", like),
                row,
                page);
    }

    Optional<ModifierGroup> find(long id) {
        return sql.sql(SELECT + " where g.id = :id").param("id", id).query(row).optional();
    }

    long insert(String name, int min, int max) {
        return sql.sql(
                        "insert into modifier_groups (name, min_choices, max_choices) values (:name, :min, :max) returning id")
                .param("name", name)
                .param("min", min)
                .param("max", max)
                .query(Long.class)
                .single();
    }

    void update(long id, String name, int min, int max) {
        sql.sql(
                        """
                        update modifier_groups set name = :name, min_choices = :min, max_choices = :max, updated_at = now()
                         where id = :id
                        """)
                .param("id", id)
                .param("name", name)
                .param("min", min)
                .param("max", max)
                .update();
    }

    /**
     * The group's options become exactly {@code options}, in their order: those named by id are renamed and repriced,
     * those without one added, the others removed (a sold line keeps its own copy).
     */
    void setOptions(long group, List<OptionFields> options) {
        List<Long> kept =
                options.stream().map(OptionFields::id).filter(id -> id != null).toList();
        sql.sql("delete from modifier_options where group_id = :group and not (id = any(cast(:kept as bigint[])))")
                .param("group", group)
                .param("kept", SqlArrays.texts(kept))
                .update();
        // names are unique in a group: the kept ones move aside first, so two options may swap their names
        sql.sql("update modifier_options set name = '~' || id where group_id = :group")
                .param("group", group)
                .update();
        sql.sql(
                        """
                        with o as (
                            select * from unnest(cast(:ids as bigint[]), cast(:names as text[]), cast(:prices as numeric[]),
                                                 cast(:components as bigint[]), cast(:componentQuantities as numeric[]),
                                                 cast(:replaces as bigint[]))
                                     with ordinality as o(id, name, price, component, component_quantity, replaces, position)),
                        kept as (
                            update modifier_options m set name = o.name, price = o.price, position = o.position,
                                   component_id = o.component, component_quantity = o.component_quantity,
                                   replaces_id = o.replaces
                              from o where m.id = o.id and m.group_id = :group)
                        insert into modifier_options (group_id, name, price, position, component_id, component_quantity,
                                                      replaces_id)
                        select :group, o.name, o.price, o.position, o.component, o.component_quantity, o.replaces
                          from o where o.id is null
                        """)
                .param("components", SqlArrays.texts(options, OptionFields::component))
                .param("componentQuantities", SqlArrays.texts(options, OptionFields::componentQuantity))
                .param("replaces", SqlArrays.texts(options, OptionFields::replaces))
                .param("group", group)
                .param("ids", SqlArrays.texts(options, OptionFields::id))
                .param("names", SqlArrays.texts(options, OptionFields::name))
                .param("prices", SqlArrays.texts(options, OptionFields::price))
                .update();
    }

    /** Which of {@code ids} are options of {@code group}. */
    List<Long> optionsOf(long group, Collection<Long> ids) {
        return sql.sql("select id from modifier_options where group_id = :group and id = any(cast(:ids as bigint[]))")
                .param("group", group)
                .param("ids", SqlArrays.texts(ids))
                .query(Long.class)
                .list();
    }

    boolean delete(long id) {
        return sql.sql("delete from modifier_groups where id = :id")
                        .param("id", id)
                        .update()
                > 0;
    }

    /** How many of {@code ids} are groups. */
    int existing(Collection<Long> ids) {
        return sql.sql("select count(*) from modifier_groups where id = any(cast(:ids as bigint[]))")
                .param("ids", SqlArrays.texts(ids))
                .query(Integer.class)
                .single();
    }

    /**
     * Which of {@code ids} are products that are not made of others (what an option may put into a recipe: one made
     * ahead has stock of its own, recipe or not).
     */
    List<Long> plainProducts(Collection<Long> ids) {
        return sql.sql("select p.id from products p where p.id = any(cast(:ids as bigint[])) and not " + MadeOfOthers.P)
                .param("ids", SqlArrays.texts(ids))
                .query(Long.class)
                .list();
    }

    /** The groups a product offers, in its order. */
    List<ModifierGroup> ofProduct(long product) {
        return sql.sql(SELECT + " join product_modifier_groups x on x.group_id = g.id where x.product_id = :product"
                        + " order by x.position, g.id")
                .param("product", product)
                .query(row)
                .list();
    }

    /** The product offers exactly these groups afterwards, in this order. */
    void setOfProduct(long product, List<Long> groups) {
        sql.sql("delete from product_modifier_groups where product_id = :product")
                .param("product", product)
                .update();
        sql.sql(
                        """
                        insert into product_modifier_groups (product_id, group_id, position)
                        select :product, g.id, g.position
                          from unnest(cast(:groups as bigint[])) with ordinality as g(id, position)
                        """)
                .param("product", product)
                .param("groups", SqlArrays.texts(groups))
                .update();
    }

    /** The groups each of {@code products} offers, with their options (in one statement), by product. */
    Map<Long, List<ModifierGroup>> offered(Collection<Long> products) {
        record Row(long product, ModifierGroup group, ModifierOption option) {}
        List<Row> rows = sql.sql(
                        """
                        select pm.product_id, g.id, g.name, g.min_choices, g.max_choices, g.created_at, g.updated_at,
                               o.id as option_id, o.name as option_name, o.price, o.component_id, o.component_quantity,
                               o.replaces_id
                          from product_modifier_groups pm
                          join modifier_groups g on g.id = pm.group_id
                          left join modifier_options o on o.group_id = g.id
                         where pm.product_id = any(cast(:products as bigint[]))
                         order by pm.product_id, pm.position, g.id, o.position, o.id
                        """)
                .param("products", SqlArrays.texts(products))
                .query((rs, i) -> new Row(
                        rs.getLong("product_id"),
                        new ModifierGroup(
                                rs.getLong("id"),
                                rs.getString("name"),
                                rs.getInt("min_choices"),
                                rs.getInt("max_choices"),
                                new ArrayList<>(),
                                0,
                                rs.getTimestamp("created_at").toInstant(),
                                rs.getTimestamp("updated_at").toInstant()),
                        rs.getObject("option_id") == null
                                ? null
                                : new ModifierOption(
                                        rs.getLong("option_id"),
                                        rs.getString("option_name"),
                                        rs.getBigDecimal("price"),
                                        (Long) rs.getObject("component_id"),
                                        rs.getBigDecimal("component_quantity"),
                                        (Long) rs.getObject("replaces_id"))))
                .list();
        Map<Long, Map<Long, ModifierGroup>> byProduct = new LinkedHashMap<>();
        for (Row r : rows) {
            ModifierGroup group = byProduct
                    .computeIfAbsent(r.product(), p -> new LinkedHashMap<>())
                    .computeIfAbsent(r.group().id(), id -> r.group());
            if (r.option() != null) {
                group.options().add(r.option());
            }
        }
        Map<Long, List<ModifierGroup>> offered = new LinkedHashMap<>();
        byProduct.forEach((product, groups) -> offered.put(product, List.copyOf(groups.values())));
        return offered;
    }
}
