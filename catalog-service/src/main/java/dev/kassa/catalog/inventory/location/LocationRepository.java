package dev.kassa.catalog.inventory.location;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/** Every statement on {@code locations}. */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
class LocationRepository {

    private static final String SELECT =
            """
            select l.*, s.quantity
              from locations l
              cross join lateral (
                    select coalesce(sum(b.quantity), 0) as quantity
                      from batches b where b.location_id = l.id and b.is_active) s
            """;

    private static final RowMapper<Location> ROW = (rs, i) -> new Location(
            rs.getLong("id"),
            rs.getString("code"),
            rs.getString("name"),
            rs.getString("type"),
            rs.getBoolean("is_active"),
            rs.getBoolean("is_default"),
            rs.getTimestamp("created_at").toInstant(),
            rs.getTimestamp("updated_at").toInstant(),
            rs.getBigDecimal("quantity").setScale(3));

    private final JdbcClient sql;

    LocationRepository(JdbcClient sql) {
        this.sql = sql;
    }

    /** The store's locations, the default first, then by code; of a type and active or not when given. */
    @Transactional(readOnly = true)
    List<Location> list(LocationType type, Boolean active) {
        return sql.sql(
                        SELECT
                                + """
                         where (cast(:type as text) is null or l.type = :type)
                           and (cast(:active as boolean) is null or l.is_active = :active)
                         order by l.is_default desc, lower(l.code), l.id
                        """)
                .param("type", type == null ? null : type.code())
                .param("active", active)
                .query(ROW)
                .list();
    }

    @Transactional(readOnly = true)
    Optional<Location> find(long id) {
        return sql.sql(SELECT + " where l.id = :id").param("id", id).query(ROW).optional();
    }

    /** The location as goods are put at it, without what lies there (one row, on every receipt that names it). */
    @Transactional(readOnly = true)
    Optional<Place> place(long id) {
        return sql.sql("select id, code, type, is_active from locations where id = :id")
                .param("id", id)
                .query((rs, i) ->
                        new Place(rs.getLong(1), rs.getString(2), LocationType.of(rs.getString(3)), rs.getBoolean(4)))
                .optional();
    }

    /** The store's first active location of a type (the lowest id), as goods are put at it. */
    @Transactional(readOnly = true)
    Optional<Place> first(LocationType type) {
        return sql.sql("select id from locations where type = :type and is_active order by id limit 1")
                .param("type", type.code())
                .query(Long.class)
                .optional()
                .flatMap(this::place);
    }

    /** What of hazardous products lies at the location. */
    BigDecimal hazardousStock(long id) {
        return sql.sql(
                        """
                        select coalesce(sum(b.quantity), 0) from batches b join products p on p.id = b.product_id
                         where b.location_id = :id and b.is_active and p.hazardous
                        """)
                .param("id", id)
                .query(BigDecimal.class)
                .single();
    }

    /** The location, locked until the transaction ends (one change of it at a time). */
    Optional<Location> lock(long id) {
        return sql.sql("select id from locations where id = :id for update")
                .param("id", id)
                .query(Long.class)
                .optional()
                .flatMap(this::find);
    }

    /** Whether another location than {@code id} (none: any) has the code, whatever its case. */
    boolean codeTaken(String code, Long id) {
        return sql.sql(
                        "select exists (select 1 from locations where lower(code) = lower(:code) and id <> coalesce(:id, 0))")
                .param("code", code)
                .param("id", id)
                .query(Boolean.class)
                .single();
    }

    long insert(String code, String name, LocationType type, boolean active) {
        return sql.sql(
                        """
                        insert into locations (code, name, type, is_active) values (:code, :name, :type, :active)
                        returning id
                        """)
                .param("code", code)
                .param("name", name)
                .param("type", type.code())
                .param("active", active)
                .query(Long.class)
                .single();
    }

    void update(long id, String code, String name, LocationType type, boolean active) {
        sql.sql(
                        """
                        update locations set code = :code, name = :name, type = :type, is_active = :active, updated_at = now()
                         where id = :id
                        """)
                .param("id", id)
                .param("code", code)
                .param("name", name)
                .param("type", type.code())
                .param("active", active)
                .update();
    }
}
