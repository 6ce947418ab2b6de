package dev.kassa.sales.floor;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The store's tables ({@code dining_tables}), inside the caller's transaction; each read with its area and its live link. */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
class TableRepository {

    /** A table as stored, with its area's name and the token of its working menu link (null when it has none). */
    record Table(
            long id,
            String name,
            Long areaId,
            String areaName,
            int seats,
            boolean isActive,
            String token,
            Instant createdAt,
            Instant updatedAt) {}

    record Fields(String name, Long areaId, int seats, boolean isActive) {}

    private static final String SELECT =
            """
            select t.id, t.name, t.area_id, a.name as area_name, t.seats, t.is_active, l.token, t.created_at, t.updated_at
              from dining_tables t left join areas a on a.id = t.area_id
              left join public.table_links l on l.tenant_key = :tenant and l.table_id = t.id and l.withdrawn_at is null
            """;

    private final JdbcClient sql;

    TableRepository(JdbcClient sql) {
        this.sql = sql;
    }

    List<Table> list(String tenant, Long area, Boolean active) {
        return sql.sql(
                        SELECT
                                + """
                           where (cast(:area as bigint) is null or t.area_id = :area)
                             and (cast(:active as boolean) is null or t.is_active = :active)
                           order by a.position nulls first, a.name nulls first, t.name, t.id
                          """)
                .param("tenant", tenant)
                .param("area", area)
                .param("active", active)
                .query(Table.class)
                .list();
    }

    Optional<Table> find(String tenant, long id) {
        return sql.sql(SELECT + " where t.id = :id")
                .param("tenant", tenant)
                .param("id", id)
                .query(Table.class)
                .optional();
    }

    long create(Fields f) {
        return sql.sql(
                        "insert into dining_tables (name, area_id, seats, is_active) values (:name, :area, :seats, :active) returning id")
                .param("name", f.name())
                .param("area", f.areaId())
                .param("seats", f.seats())
                .param("active", f.isActive())
                .query(Long.class)
                .single();
    }

    void update(long id, Fields f) {
        sql.sql(
                        """
                        update dining_tables set name = :name, area_id = :area, seats = :seats, is_active = :active, updated_at = now()
                         where id = :id
                        """)
                .param("id", id)
                .param("name", f.name())
                .param("area", f.areaId())
                .param("seats", f.seats())
                .param("active", f.isActive())
                .update();
    }

    /** Locks the table's row (orders taken at it wait for each other here), if the store has it. */
    boolean lock(long id) {
        return sql.sql("select id from dining_tables where id = :id for update")
                .param("id", id)
                .query(Long.class)
                .optional()
                .isPresent();
    }

    void delete(long id) {
        sql.sql("delete from dining_tables where id = :id").param("id", id).update();
    }
}
