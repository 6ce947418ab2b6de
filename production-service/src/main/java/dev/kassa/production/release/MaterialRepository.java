package dev.kassa.production.release;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.util.List;

/** What released orders hold in catalog (table {@code order_materials}). */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
class MaterialRepository {

    /** A material an order holds: how much, under which hold reference. */
    record Material(long product, String name, String unit, BigDecimal quantity, String requestRef) {}

    private final JdbcClient sql;

    MaterialRepository(JdbcClient sql) {
        this.sql = sql;
    }

    void save(long order, List<Material> materials) {
        for (Material m : materials) {
            sql.sql("insert into order_materials (order_id, product_id, name, unit, quantity, request_ref)"
                            + " values (:order, :product, :name, :unit, :quantity, :ref)")
                    .param("order", order)
                    .param("product", m.product())
                    .param("name", m.name())
                    .param("unit", m.unit())
                    .param("quantity", m.quantity())
                    .param("ref", m.requestRef())
                    .update();
        }
    }

    List<Material> of(long order) {
        return sql.sql(
                        "select product_id, name, unit, quantity, request_ref from order_materials where order_id = :order"
                                + " order by product_id")
                .param("order", order)
                .query((rs, i) -> new Material(
                        rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBigDecimal(4), rs.getString(5)))
                .list();
    }
}
