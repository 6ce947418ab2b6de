package dev.kassa.production.routing;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The store's routings (tables {@code routings}, {@code routing_operations}). */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
class RoutingRepository {

    private record Head(long product, String productName, String unit, Long updatedBy, java.time.Instant updatedAt) {}

    private final JdbcClient sql;

    RoutingRepository(JdbcClient sql) {
        this.sql = sql;
    }

    /** The routings of {@code products} (all when null), by product. */
    Map<Long, Routing> find(List<Long> products) {
        Long[] ids = products == null ? null : products.toArray(Long[]::new);
        Map<Long, Head> heads = new LinkedHashMap<>();
        sql.sql(
                        "select product_id, product_name, unit, updated_by, updated_at from routings"
                                + " where (cast(:ids as bigint[]) is null or product_id = any(:ids)) order by product_name, product_id")
                .param("ids", ids)
                .query((rs, i) -> heads.put(
                        rs.getLong("product_id"),
                        new Head(
                                rs.getLong("product_id"),
                                rs.getString("product_name"),
                                rs.getString("unit"),
                                (Long) rs.getObject("updated_by"),
                                rs.getTimestamp("updated_at").toInstant())))
                .list();
        Map<Long, List<Routing.Operation>> operations = new LinkedHashMap<>();
        sql.sql("select product_id, seq, name, line_kind, line_id, setup_minutes, run_rate from routing_operations"
                        + " where (cast(:ids as bigint[]) is null or product_id = any(:ids)) order by product_id, seq")
                .param("ids", ids)
                .query((rs, i) -> operations
                        .computeIfAbsent(rs.getLong("product_id"), k -> new ArrayList<>())
                        .add(new Routing.Operation(
                                rs.getInt("seq"),
                                rs.getString("name"),
                                rs.getString("line_kind"),
                                (Long) rs.getObject("line_id"),
                                rs.getInt("setup_minutes"),
                                rs.getBigDecimal("run_rate"))))
                .list();
        Map<Long, Routing> routings = new LinkedHashMap<>();
        heads.forEach((id, h) -> routings.put(
                id,
                new Routing(
                        id,
                        h.productName(),
                        h.unit(),
                        operations.getOrDefault(id, List.of()),
                        h.updatedBy(),
                        h.updatedAt())));
        return routings;
    }

    Optional<Routing> find(long product) {
        return Optional.ofNullable(find(List.of(product)).get(product));
    }

    /** The product's routing replaced by {@code operations}. */
    void save(long product, String name, String unit, List<Routing.Operation> operations, Long by) {
        sql.sql("insert into routings (product_id, product_name, unit, updated_by) values (:id, :name, :unit, :by)"
                        + " on conflict (product_id) do update set product_name = excluded.product_name,"
                        + " unit = excluded.unit, updated_by = excluded.updated_by, updated_at = now()")
                .param("id", product)
                .param("name", name)
                .param("unit", unit)
                .param("by", by)
                .update();
        sql.sql("delete from routing_operations where product_id = :id")
                .param("id", product)
                .update();
        for (Routing.Operation o : operations) {
            sql.sql(
                            "insert into routing_operations (product_id, seq, name, line_kind, line_id, setup_minutes, run_rate)"
                                    + " values (:id, :seq, :name, :kind, :line, :setup, :rate)")
                    .param("id", product)
                    .param("seq", o.seq())
                    .param("name", o.name())
                    .param("kind", o.lineKind())
                    .param("line", o.line())
                    .param("setup", o.setupMinutes())
                    .param("rate", o.runRate())
                    .update();
        }
    }

    boolean delete(long product) {
        return sql.sql("delete from routings where product_id = :id")
                        .param("id", product)
                        .update()
                > 0;
    }
}
