package dev.kassa.catalog.attribute;

import dev.kassa.platform.error.Messages;
import dev.kassa.platform.web.JdbcPages;
import dev.kassa.platform.web.SqlOrdering;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Attributes, their options, the categories that use them and products' values (spec C5–C9, C20). */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
class AttributeRepository {

    record Value(long id, long attribute, String value, int order, boolean isActive, Instant createdAt) {}

    record Attribute(
            long id,
            String name,
            String slug,
            String type,
            String typeDisplay,
            String description,
            boolean isRequired,
            boolean isFilterable,
            int order,
            boolean isActive,
            Instant createdAt,
            List<Value> values) {}

    record CategoryAttribute(
            long id,
            long category,
            String categoryName,
            long attribute,
            String attributeName,
            String attributeSlug,
            String attributeType,
            boolean isRequired,
            boolean isVariant,
            int order,
            Instant createdAt) {}

    /** One category binding as the spec's retrieve shows it (C7): the same fields, with {@code attribute} the whole attribute and its options. */
    record CategoryAttributeDetail(
            long id,
            long category,
            String categoryName,
            Attribute attribute,
            String attributeName,
            String attributeSlug,
            String attributeType,
            boolean isRequired,
            boolean isVariant,
            int order,
            Instant createdAt) {
        static CategoryAttributeDetail from(CategoryAttribute b, Attribute a) {
            return new CategoryAttributeDetail(
                    b.id(),
                    b.category(),
                    b.categoryName(),
                    a,
                    b.attributeName(),
                    b.attributeSlug(),
                    b.attributeType(),
                    b.isRequired(),
                    b.isVariant(),
                    b.order(),
                    b.createdAt());
        }
    }

    record ProductValue(
            long id,
            long attribute,
            String attributeName,
            String attributeType,
            String valueText,
            BigDecimal valueNumber,
            Boolean valueBoolean,
            Long valueOption,
            String value,
            Instant createdAt) {}

    /** An attribute's fields as stored (its type's display name and options are added when read). */
    record Fields(
            String name,
            String slug,
            String type,
            String description,
            boolean isRequired,
            boolean isFilterable,
            int order,
            boolean isActive) {}

    /** The list's filters; each null means any. */
    record Filter(String type, Boolean filterable, Boolean active, String like) {}

    /** The option list's filters (spec C6); each null means any; {@code like} is matched against the option's text. */
    record ValueFilter(Long attribute, Boolean active, String like) {}

    /** The category binding list's filters (spec C7); each null means any. */
    record BindingFilter(Long category, Long attribute, Boolean required, Boolean variant) {}

    /** The option list's {@code ordering} (spec C6: value, order, created_at); without one, by attribute, then its order. */
    static final SqlOrdering VALUE_ORDERING = SqlOrdering.of(
            "order", "id", Map.of("value", "value", "order", "sort_order, value", "created_at", "created_at"));

    static final String VALUE_DEFAULT_ORDER = "attribute_id, sort_order, value, id";

    /** The binding list's {@code ordering} (spec C7: order, created_at); without one, by category, then its order. */
    static final SqlOrdering BINDING_ORDERING =
            SqlOrdering.of("order", "x.id", Map.of("order", "x.sort_order, a.name", "created_at", "x.created_at"));

    static final String BINDING_DEFAULT_ORDER = "x.category_id, x.sort_order, a.name, x.id";

    private static final RowMapper<Value> VALUE = (rs, i) -> new Value(
            rs.getLong("id"),
            rs.getLong("attribute_id"),
            rs.getString("value"),
            rs.getInt("sort_order"),
            rs.getBoolean("is_active"),
            rs.getTimestamp("created_at").toInstant());
    private static final RowMapper<CategoryAttribute> BINDING = (rs, i) -> new CategoryAttribute(
            rs.getLong("id"),
            rs.getLong("category_id"),
            rs.getString("category_name"),
            rs.getLong("attribute_id"),
            rs.getString("attribute_name"),
            rs.getString("attribute_slug"),
            rs.getString("attribute_type"),
            rs.getBoolean("is_required"),
            rs.getBoolean("is_variant"),
            rs.getInt("sort_order"),
            rs.getTimestamp("created_at").toInstant());
    private static final String SELECT_BINDING =
            """
            select x.*, c.name as category_name, a.name as attribute_name, a.slug as attribute_slug, a.type as attribute_type
              from category_attributes x join categories c on c.id = x.category_id join attributes a on a.id = x.attribute_id
            """;
    private static final String FILTER =
            """
             where (cast(:type as text) is null or type = :type) and (cast(:filterable as boolean) is null or is_filterable = :filterable)
               and (cast(:active as boolean) is null or is_active = :active)
               and (cast(:like as text) is null or name ilike :like or description ilike :like)
            """;

    private final JdbcClient sql;

    AttributeRepository(JdbcClient sql) {
        this.sql = sql;
    }

    // ------------------------------------------------------------------ attributes

    /** A page of attributes with their options: two queries, whatever the page size. */
    Page<Attribute> page(Filter f, Pageable page) {
        Page<Attribute> bare = JdbcPages.page(
                sql,
                "select * from attributes",
                "from attributes",
                FILTER,
                "sort_order, name, id",
                q -> filtered(q, f),
                this::bare,
                page);
        Map<Long, List<Value>> values =
                valuesOf(bare.stream().map(Attribute::id).toList());
        return bare.map(a -> withValues(a, values.getOrDefault(a.id(), List.of())));
    }

    Optional<Attribute> find(long id) {
        return sql.sql("select * from attributes where id = :id")
                .param("id", id)
                .query(this::bare)
                .optional()
                .map(a -> withValues(a, valuesOf(List.of(id)).getOrDefault(id, List.of())));
    }

    long insert(Fields a) {
        return sql.sql(
                        """
                        insert into attributes (name, slug, type, description, is_required, is_filterable, sort_order, is_active)
                        values (:name, :slug, :type, :description, :required, :filterable, :order, :active) returning id
                        """)
                .params(fieldParams(a))
                .query(Long.class)
                .single();
    }

    /** Writes everything but the slug, which stays as it was made. */
    void update(long id, Fields a) {
        sql.sql(
                        """
                        update attributes set name = :name, type = :type, description = :description, is_required = :required,
                               is_filterable = :filterable, sort_order = :order, is_active = :active
                         where id = :id
                        """)
                .params(fieldParams(a))
                .param("id", id)
                .update();
    }

    boolean delete(long id) {
        return sql.sql("delete from attributes where id = :id").param("id", id).update() > 0;
    }

    /** Whether any product has a value of the attribute (its type is then fixed). */
    boolean hasProductValues(long id) {
        return sql.sql("select exists (select 1 from product_attributes where attribute_id = :id)")
                .param("id", id)
                .query(Boolean.class)
                .single();
    }

    // ------------------------------------------------------------------ options

    List<Value> values(Long attribute) {
        return sql.sql(
                        "select * from attribute_values where (cast(:attribute as bigint) is null or attribute_id = :attribute) order by sort_order, value")
                .param("attribute", attribute)
                .query(VALUE)
                .list();
    }

    /** A page of options; {@code orderBy} comes from {@link #VALUE_ORDERING} or is {@link #VALUE_DEFAULT_ORDER}. */
    Page<Value> valuePage(ValueFilter f, String orderBy, Pageable page) {
        return JdbcPages.page(
                sql,
                "select * from attribute_values",
                "from attribute_values",
                """
                         where (cast(:attribute as bigint) is null or attribute_id = :attribute)
                           and (cast(:active as boolean) is null or is_active = :active)
                           and (cast(:like as text) is null or value ilike :like)
                        """,
                orderBy,
                q -> q.param("attribute", f.attribute())
                        .param("active", f.active())
                        .param("like", f.like()),
                VALUE,
                page);
    }

    Optional<Value> findValue(long id) {
        return sql.sql("select * from attribute_values where id = :id")
                .param("id", id)
                .query(VALUE)
                .optional();
    }

    long insertValue(long attribute, String value, int order, boolean active) {
        return sql.sql(
                        "insert into attribute_values (attribute_id, value, sort_order, is_active) values (:attribute, :value, :order, :active) returning id")
                .param("attribute", attribute)
                .param("value", value)
                .param("order", order)
                .param("active", active)
                .query(Long.class)
                .single();
    }

    void updateValue(long id, String value, int order, boolean active) {
        sql.sql("update attribute_values set value = :value, sort_order = :order, is_active = :active where id = :id")
                .param("value", value)
                .param("order", order)
                .param("active", active)
                .param("id", id)
                .update();
    }

    boolean deleteValue(long id) {
        return sql.sql("delete from attribute_values where id = :id")
                        .param("id", id)
                        .update()
                > 0;
    }

    // ------------------------------------------------------------------ categories using attributes

    boolean isBound(long category, long attribute) {
        return sql.sql(
                        "select exists (select 1 from category_attributes where category_id = :category and attribute_id = :attribute)")
                .param("category", category)
                .param("attribute", attribute)
                .query(Boolean.class)
                .single();
    }

    long bind(long category, long attribute, boolean required, boolean variant, int order) {
        return sql.sql(
                        """
                        insert into category_attributes (category_id, attribute_id, is_required, is_variant, sort_order)
                        values (:category, :attribute, :required, :variant, :order) returning id
                        """)
                .param("category", category)
                .param("attribute", attribute)
                .param("required", required)
                .param("variant", variant)
                .param("order", order)
                .query(Long.class)
                .single();
    }

    Optional<CategoryAttribute> binding(long id) {
        return sql.sql(SELECT_BINDING + " where x.id = :id")
                .param("id", id)
                .query(BINDING)
                .optional();
    }

    /** A page of bindings; {@code orderBy} comes from {@link #BINDING_ORDERING} or is {@link #BINDING_DEFAULT_ORDER}. */
    Page<CategoryAttribute> bindingPage(BindingFilter f, String orderBy, Pageable page) {
        return JdbcPages.page(
                sql,
                SELECT_BINDING,
                "from category_attributes x join categories c on c.id = x.category_id join attributes a on a.id = x.attribute_id",
                """
                         where (cast(:category as bigint) is null or x.category_id = :category)
                           and (cast(:attribute as bigint) is null or x.attribute_id = :attribute)
                           and (cast(:required as boolean) is null or x.is_required = :required)
                           and (cast(:variant as boolean) is null or x.is_variant = :variant)
                        """,
                orderBy,
                q -> q.param("category", f.category())
                        .param("attribute", f.attribute())
                        .param("required", f.required())
                        .param("variant", f.variant()),
                BINDING,
                page);
    }

    List<CategoryAttribute> bindingsOf(long category) {
        return sql.sql(SELECT_BINDING + " where x.category_id = :category order by x.sort_order, a.name")
                .param("category", category)
                .query(BINDING)
                .list();
    }

    void updateBinding(long id, long category, long attribute, boolean required, boolean variant, int order) {
        sql.sql(
                        """
                        update category_attributes set category_id = :category, attribute_id = :attribute, is_required = :required,
                               is_variant = :variant, sort_order = :order
                         where id = :id
                        """)
                .param("category", category)
                .param("attribute", attribute)
                .param("required", required)
                .param("variant", variant)
                .param("order", order)
                .param("id", id)
                .update();
    }

    boolean unbind(long id) {
        return sql.sql("delete from category_attributes where id = :id")
                        .param("id", id)
                        .update()
                > 0;
    }

    // ------------------------------------------------------------------ products' values

    /** Sets (or replaces) a product's value of an attribute; only the column of the attribute's type is kept. */
    void setProductValue(long product, long attribute, String text, BigDecimal number, Boolean bool, Long option) {
        sql.sql(
                        """
                        insert into product_attributes (product_id, attribute_id, value_text, value_number, value_boolean, value_option_id)
                        values (:product, :attribute, :text, :number, :bool, :option)
                        on conflict (product_id, attribute_id) do update set value_text = excluded.value_text, value_number = excluded.value_number,
                           value_boolean = excluded.value_boolean, value_option_id = excluded.value_option_id
                        """)
                .param("product", product)
                .param("attribute", attribute)
                .param("text", text)
                .param("number", number)
                .param("bool", bool)
                .param("option", option)
                .update();
    }

    /** A product's values, each also as the text a shop shows (a number without trailing zeros, yes/no, the option's name). */
    List<ProductValue> productValues(long product) {
        return sql.sql(
                        """
                        select v.*, a.name as attribute_name, a.type as attribute_type, o.value as option_value
                          from product_attributes v join attributes a on a.id = v.attribute_id
                          left join attribute_values o on o.id = v.value_option_id
                         where v.product_id = :product order by a.sort_order, a.name
                        """)
                .param("product", product)
                .query((rs, i) -> {
                    String type = rs.getString("attribute_type");
                    Boolean bool = (Boolean) rs.getObject("value_boolean");
                    BigDecimal number = rs.getBigDecimal("value_number");
                    String shown =
                            switch (type) {
                                case "number" -> number == null
                                        ? ""
                                        : number.stripTrailingZeros().toPlainString();
                                case "boolean" -> bool == null ? "" : Messages.get(bool ? "catalog.yes" : "catalog.no");
                                case "select", "multiselect" -> rs.getString("option_value");
                                default -> rs.getString("value_text");
                            };
                    return new ProductValue(
                            rs.getLong("id"),
                            rs.getLong("attribute_id"),
                            rs.getString("attribute_name"),
                            type,
                            rs.getString("value_text"),
                            number,
                            bool,
                            (Long) rs.getObject("value_option_id"),
                            shown,
                            rs.getTimestamp("created_at").toInstant());
                })
                .list();
    }

    // ------------------------------------------------------------------

    private static JdbcClient.StatementSpec filtered(JdbcClient.StatementSpec spec, Filter f) {
        return spec.param("type", f.type())
                .param("filterable", f.filterable())
                .param("active", f.active())
                .param("like", f.like());
    }

    private static Map<String, Object> fieldParams(Fields a) {
        Map<String, Object> p = new HashMap<>();
        p.put("name", a.name());
        p.put("slug", a.slug());
        p.put("type", a.type());
        p.put("description", a.description());
        p.put("required", a.isRequired());
        p.put("filterable", a.isFilterable());
        p.put("order", a.order());
        p.put("active", a.isActive());
        return p;
    }

    private Map<Long, List<Value>> valuesOf(Collection<Long> attributes) {
        if (attributes.isEmpty()) {
            return Map.of();
        }
        return sql
                .sql("select * from attribute_values where attribute_id in (:ids) order by sort_order, value")
                .param("ids", attributes)
                .query(VALUE)
                .list()
                .stream()
                .collect(Collectors.groupingBy(Value::attribute, LinkedHashMap::new, Collectors.toList()));
    }

    private Attribute bare(ResultSet rs, int i) throws SQLException {
        return new Attribute(
                rs.getLong("id"),
                rs.getString("name"),
                rs.getString("slug"),
                rs.getString("type"),
                Messages.get("attribute.type." + rs.getString("type")),
                rs.getString("description"),
                rs.getBoolean("is_required"),
                rs.getBoolean("is_filterable"),
                rs.getInt("sort_order"),
                rs.getBoolean("is_active"),
                rs.getTimestamp("created_at").toInstant(),
                List.of());
    }

    private static Attribute withValues(Attribute a, List<Value> values) {
        return new Attribute(
                a.id(),
                a.name(),
                a.slug(),
                a.type(),
                a.typeDisplay(),
                a.description(),
                a.isRequired(),
                a.isFilterable(),
                a.order(),
                a.isActive(),
                a.createdAt(),
                values);
    }
}
