package dev.kassa.sales.kitchen;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Which station makes each category's dishes ({@code kitchen_routes}), inside the caller's transaction. */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
class KitchenRouteRepository {

    record Route(long category, String station) {}

    private final JdbcClient sql;

    KitchenRouteRepository(JdbcClient sql) {
        this.sql = sql;
    }

    List<Route> all() {
        return sql.sql("select category_id as category, station from kitchen_routes order by category_id")
                .query(Route.class)
                .list();
    }

    /** The station of each of the categories that has one. */
    Map<Long, String> of(Collection<Long> categories) {
        Map<Long, String> stations = new HashMap<>();
        if (categories.isEmpty()) {
            return stations;
        }
        sql.sql("select category_id, station from kitchen_routes where category_id in (:categories)")
                .param("categories", categories)
                .query((rs, i) -> stations.put(rs.getLong(1), rs.getString(2)))
                .list();
        return stations;
    }

    /** Whether a route sends a category's dishes to the station. */
    boolean routeTo(String station) {
        return sql.sql("select exists (select 1 from kitchen_routes where station = :station)")
                .param("station", station)
                .query(Boolean.class)
                .single();
    }

    /** Replaces every route with {@code routes}. */
    void replace(List<Route> routes) {
        sql.sql("delete from kitchen_routes").update();
        for (Route r : routes) {
            sql.sql("insert into kitchen_routes (category_id, station) values (:category, :station)")
                    .param("category", r.category())
                    .param("station", r.station())
                    .update();
        }
    }
}
