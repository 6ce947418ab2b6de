package dev.kassa.catalog.catalogue.unit;

import dev.kassa.platform.web.JdbcPages;
import dev.kassa.platform.web.SqlOrdering;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** The store's units of measure (spec C1): every statement on {@code units}. */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
public class UnitRepository {

    /** The list's filters (null: any); {@code like} is matched against the name and the short name. */
    record Filter(Boolean active, String like) {}

    /** A unit's fields that can change (its code is made once). */
    record Fields(String name, String shortName, String description, boolean isActive) {}

    static final SqlOrdering ORDERING =
            SqlOrdering.of("name", "id", Map.of("name", "name", "created_at", "created_at"));

    private static final RowMapper<Unit> ROW = (rs, i) -> new Unit(
            rs.getLong("id"),
            rs.getString("code"),
            rs.getString("name"),
            rs.getString("short_name"),
            rs.getString("description"),
            rs.getBoolean("is_active"),
            rs.getTimestamp("created_at").toInstant());
    private static final String FILTER =
            """
             where (cast(:active as boolean) is null or is_active = :active)
               and (cast(:like as text) is null or name ilike :like or short_name ilike :like)
            """;

    private final JdbcClient sql;

    UnitRepository(JdbcClient sql) {
        this.sql = sql;
    }

    /** A page in {@code orderBy} (from {@link #ORDERING}, never user text) and the count of all that match. */
    Page<Unit> page(Filter f, String orderBy, Pageable page) {
        return JdbcPages.page(
                sql,
                "select * from units",
                "from units",
                FILTER,
                orderBy,
                q -> q.param("active", f.active()).param("like", f.like()),
                ROW,
                page);
    }

    /** Every unit of the store (a handful), for showing products' units. */
    public List<Unit> all() {
        return sql.sql("select * from units").query(ROW).list();
    }

    /** These units, in the order of {@code ids} (missing ones left out). */
    public List<Unit> findAll(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, Unit> byId = new HashMap<>();
        sql.sql("select * from units where id = any(:ids)")
                .param("ids", ids.toArray(Long[]::new))
                .query(ROW)
                .list()
                .forEach(u -> byId.put(u.id(), u));
        return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
    }

    public Optional<Unit> find(long id) {
        return sql.sql("select * from units where id = :id")
                .param("id", id)
                .query(ROW)
                .optional();
    }

    /** The unit a product form names: by id (digits), else by code (any case), short name or name, in that order. */
    public Optional<Unit> resolve(String value) {
        if (value.chars().allMatch(Character::isDigit) && value.length() < 18) {
            return find(Long.parseLong(value));
        }
        return sql.sql(
                        """
                        select * from units where code = :code or short_name = :value or name = :value
                         order by code = :code desc, short_name = :value desc limit 1
                        """)
                .param("code", value.toLowerCase(Locale.ROOT))
                .param("value", value)
                .query(ROW)
                .optional();
    }

    long insert(String code, Fields u) {
        return sql.sql(
                        """
                        insert into units (code, name, short_name, description, is_active)
                        values (:code, :name, :shortName, :description, :active) returning id
                        """)
                .param("code", code)
                .param("name", u.name())
                .param("shortName", u.shortName())
                .param("description", u.description())
                .param("active", u.isActive())
                .query(Long.class)
                .single();
    }

    void update(long id, Fields u) {
        sql.sql(
                        "update units set name = :name, short_name = :shortName, description = :description, is_active = :active where id = :id")
                .param("name", u.name())
                .param("shortName", u.shortName())
                .param("description", u.description())
                .param("active", u.isActive())
                .param("id", id)
                .update();
    }

    boolean usedByProducts(long id) {
        return sql.sql("select exists (select 1 from products where unit_id = :id)")
                .param("id", id)
                .query(Boolean.class)
                .single();
    }

    void delete(long id) {
        sql.sql("delete from units where id = :id").param("id", id).update();
    }
}
