package dev.kassa.catalog.catalogue.attribute;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.kassa.platform.web.JdbcPages;
import dev.kassa.platform.web.SqlOrdering;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The attributes each category uses ({@code category_attributes}, spec C7). */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
class CategoryAttributeRepository {

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

    /** One binding as the spec's retrieve shows it (C7): the binding, with {@code attribute} the whole attribute. */
    record CategoryAttributeDetail(
            @JsonUnwrapped @JsonIgnoreProperties("attribute") CategoryAttribute binding,
            AttributeRepository.Attribute attribute) {}

    /** The category binding list's filters (spec C7); each null means any. */
    record BindingFilter(Long category, Long attribute, Boolean required, Boolean variant) {}

    /** The binding list's {@code ordering} (spec C7: order, created_at); without one, by category, then its order. */
    static final SqlOrdering BINDING_ORDERING =
            SqlOrdering.of("order", "x.id", Map.of("order", "x.sort_order, a.name", "created_at", "x.created_at"));

    static final String BINDING_DEFAULT_ORDER = "x.category_id, x.sort_order, a.name, x.id";

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

    private final JdbcClient sql;

    CategoryAttributeRepository(JdbcClient sql) {
        this.sql = sql;
    }

    boolean isBound(long category, long attribute) {
        return sql.sql(
                        "select exists (select 1 from category_attributes where category_id = :category and attribute_id = :attribute)")
                .param("category", category)
                .param("attribute", attribute)
                .query(Boolean.class)
                .single();
    }

    /** How a category uses an attribute, as stored (a record: its two ids cannot be swapped silently). */
    record Use(long category, long attribute, boolean required, boolean variant, int order) {}

    long bind(Use use) {
        return sql.sql(
                        """
                        insert into category_attributes (category_id, attribute_id, is_required, is_variant, sort_order)
                        values (:category, :attribute, :required, :variant, :order) returning id
                        """)
                .param("category", use.category())
                .param("attribute", use.attribute())
                .param("required", use.required())
                .param("variant", use.variant())
                .param("order", use.order())
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

    void updateBinding(long id, Use use) {
        sql.sql(
                        """
                        update category_attributes set category_id = :category, attribute_id = :attribute, is_required = :required,
                               is_variant = :variant, sort_order = :order
                         where id = :id
                        """)
                .param("category", use.category())
                .param("attribute", use.attribute())
                .param("required", use.required())
                .param("variant", use.variant())
                .param("order", use.order())
                .param("id", id)
                .update();
    }

    boolean unbind(long id) {
        return sql.sql("delete from category_attributes where id = :id")
                        .param("id", id)
                        .update()
                > 0;
    }
}
