package dev.kassa.catalog.catalogue.attribute;

import dev.kassa.platform.error.Messages;
import dev.kassa.platform.web.JdbcPages;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

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

/** Attributes ({@code attributes}, spec C5), read with their options. */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
class AttributeRepository {

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
            List<AttributeValueRepository.Value> values) {}

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
        Map<Long, List<AttributeValueRepository.Value>> values =
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

    private Map<Long, List<AttributeValueRepository.Value>> valuesOf(Collection<Long> attributes) {
        if (attributes.isEmpty()) {
            return Map.of();
        }
        return sql
                .sql("select * from attribute_values where attribute_id in (:ids) order by sort_order, value")
                .param("ids", attributes)
                .query(AttributeValueRepository.VALUE)
                .list()
                .stream()
                .collect(Collectors.groupingBy(
                        AttributeValueRepository.Value::attribute, LinkedHashMap::new, Collectors.toList()));
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

    private static Attribute withValues(Attribute a, List<AttributeValueRepository.Value> values) {
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
