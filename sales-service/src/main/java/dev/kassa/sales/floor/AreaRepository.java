package dev.kassa.sales.floor;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The store's areas ({@code areas}), inside the caller's transaction. */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
class AreaRepository {

    /** An area with the number of its tables. */
    record Area(
            long id,
            String name,
            int position,
            boolean isActive,
            int tablesCount,
            Instant createdAt,
            Instant updatedAt) {}

    record Fields(String name, int position, boolean isActive) {}

    private static final String SELECT =
            "select a.*, (select count(*) from dining_tables t where t.area_id = a.id) as tables_count from areas a";
    private static final RowMapper<Area> ROW = (rs, i) -> new Area(
            rs.getLong("id"),
            rs.getString("name"),
            rs.getInt("position"),
            rs.getBoolean("is_active"),
            rs.getInt("tables_count"),
            rs.getTimestamp("created_at").toInstant(),
            rs.getTimestamp("updated_at").toInstant());

    private final JdbcClient sql;

    AreaRepository(JdbcClient sql) {
        this.sql = sql;
    }

    List<Area> list(Boolean active) {
        return sql.sql(
                        SELECT
                                + " where (cast(:active as boolean) is null or a.is_active = :active) order by a.position, a.name, a.id")
                .param("active", active)
                .query(ROW)
                .list();
    }

    Optional<Area> find(long id) {
        return sql.sql(SELECT + " where a.id = :id").param("id", id).query(ROW).optional();
    }

    long create(Fields f) {
        return sql.sql("insert into areas (name, position, is_active) values (:name, :position, :active) returning id")
                .param("name", f.name())
                .param("position", f.position())
                .param("active", f.isActive())
                .query(Long.class)
                .single();
    }

    void update(long id, Fields f) {
        sql.sql(
                        "update areas set name = :name, position = :position, is_active = :active, updated_at = now() where id = :id")
                .param("id", id)
                .param("name", f.name())
                .param("position", f.position())
                .param("active", f.isActive())
                .update();
    }

    void delete(long id) {
        sql.sql("delete from areas where id = :id").param("id", id).update();
    }
}
