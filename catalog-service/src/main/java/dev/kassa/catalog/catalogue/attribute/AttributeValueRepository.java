package dev.kassa.catalog.catalogue.attribute;

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

/** The options of select attributes ({@code attribute_values}, spec C6). */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
class AttributeValueRepository {

    record Value(long id, long attribute, String value, int order, boolean isActive, Instant createdAt) {}

    /** The option list's filters (spec C6); each null means any; {@code like} is matched against the option's text. */
    record ValueFilter(Long attribute, Boolean active, String like) {}

    /** The option list's {@code ordering} (spec C6: value, order, created_at); without one, by attribute, then its order. */
    static final SqlOrdering VALUE_ORDERING = SqlOrdering.of(
            "order", "id", Map.of("value", "value", "order", "sort_order, value", "created_at", "created_at"));

    static final String VALUE_DEFAULT_ORDER = "attribute_id, sort_order, value, id";

    static final RowMapper<Value> VALUE = (rs, i) -> new Value(
            rs.getLong("id"),
            rs.getLong("attribute_id"),
            rs.getString("value"),
            rs.getInt("sort_order"),
            rs.getBoolean("is_active"),
            rs.getTimestamp("created_at").toInstant());

    private final JdbcClient sql;

    AttributeValueRepository(JdbcClient sql) {
        this.sql = sql;
    }

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
}
