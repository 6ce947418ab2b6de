package dev.kassa.catalog.inventory.stock;

import dev.kassa.catalog.catalogue.MadeOfOthers;
import dev.kassa.catalog.catalogue.StockLevel;
import dev.kassa.platform.data.SqlArrays;
import dev.kassa.platform.tenancy.TenantContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Stock figures derived from batches and reservations, for many products in one query each.
 * on hand = Σ active batches; available = on hand of sellable batches (approved, unexpired) − active, unexpired
 * reservations; unavailable = on hand of batches pending a check or blocked.
 */
@Repository
public class StockLevelRepository {

    /** What a low-stock alert names and compares: the product's name, SKU, minimum, and whether its stock is tracked. */
    record Settings(String name, String sku, BigDecimal minQuantity, boolean tracked) {}

    private final JdbcClient sql;

    StockLevelRepository(JdbcClient sql) {
        this.sql = sql;
    }

    /** A product's stock now and its alert settings, read together. */
    record Current(StockLevel level, Settings settings) {}

    @Transactional(propagation = Propagation.MANDATORY, readOnly = true)
    public Map<Long, StockLevel> of(Collection<Long> productIds) {
        Map<Long, StockLevel> levels = new HashMap<>();
        current(productIds).forEach((id, current) -> levels.put(id, current.level()));
        productIds.forEach(id -> levels.putIfAbsent(id, StockLevel.ZERO));
        return levels;
    }

    /**
     * What a product made of others costs from its components (each component's cost price × its quantity, to the
     * cent); null for any other, one made ahead included (its cost and stock are its own).
     */
    private static final String RECIPE_FIGURES =
            """
             left join lateral (
                   select sum(round(c.cost_price * rc.quantity, 2)) as recipe_cost
                     from recipe_components rc join products c on c.id = rc.component_id
                    where rc.product_id = p.id and %s) rf on true
            """
                    .formatted(MadeOfOthers.P);

    /** The products' stock and alert settings in one query (a product that does not exist is left out). */
    @Transactional(propagation = Propagation.MANDATORY, readOnly = true)
    Map<Long, Current> current(Collection<Long> productIds) {
        Map<Long, Current> current = new HashMap<>();
        if (productIds.isEmpty()) {
            return current;
        }
        sql.sql(
                        ("""
                select p.id, p.name, p.sku, p.min_quantity, p.track_inventory,
                       coalesce(sum(b.quantity), 0) as on_hand,
                       coalesce(sum(b.quantity) filter (where """
                                + Expiry.SELLABLE
                                + """
                       ), 0) as sellable,
                       coalesce(sum(b.quantity) filter (where b.status <> 'approved'), 0) as unavailable,
                       coalesce((select sum(r.quantity) from reservations r
                                  where r.product_id = p.id and r.status = 'active' and r.reserved_until > now()), 0) as reserved
                  from products p left join batches b on b.product_id = p.id and b.is_active
                 where p.id = any(cast(:ids as bigint[]))
                 group by p.id
                """))
                .param("ids", SqlArrays.texts(productIds))
                .param("today", TenantContext.require().today())
                .query(rs -> {
                    current.put(
                            rs.getLong(1),
                            new Current(
                                    level(rs, false),
                                    new Settings(
                                            rs.getString(2), rs.getString(3), rs.getBigDecimal(4), rs.getBoolean(5))));
                });
        return current;
    }

    /**
     * The stock of the product {@code p} of a statement that reads it in one row: its joins ({@link #LEVEL_COLUMNS} are
     * what they add to the select list, {@link #level(ResultSet, boolean)} reads them back, {@code :today} the store's
     * date), with what a product made of others costs from its components and how many they make.
     */
    public static final String LEVEL_JOINS =
            """
             left join lateral (
                   select coalesce(sum(b.quantity), 0) as on_hand,
                          coalesce(sum(b.quantity) filter (where %s), 0) as sellable,
                          coalesce(sum(b.quantity) filter (where b.status <> 'approved'), 0) as unavailable
                     from batches b where b.product_id = p.id and b.is_active) st on true
             left join lateral (
                   select coalesce(sum(r.quantity), 0) as reserved from reservations r
                    where r.product_id = p.id and r.status = 'active' and r.reserved_until > now()) rs on true
            """
                            .formatted(Expiry.SELLABLE)
                    + RECIPE_FIGURES;

    public static final String LEVEL_COLUMNS =
            "st.on_hand, st.sellable, st.unavailable, rs.reserved, rf.recipe_cost, " + Expiry.MAKEABLE + " as makeable";

    /**
     * A product's stock from a row's {@code on_hand}, {@code sellable}, {@code unavailable} and {@code reserved} (and with
     * {@code recipes}, {@code recipe_cost} and {@code makeable}): for a product made of others, how many its components
     * make, nothing of its own.
     */
    public static StockLevel level(ResultSet rs, boolean recipes) throws SQLException {
        BigDecimal recipeCost = recipes ? rs.getBigDecimal("recipe_cost") : null;
        if (recipeCost != null) {
            BigDecimal makeable = rs.getBigDecimal("makeable");
            BigDecimal made = makeable == null ? BigDecimal.ZERO.setScale(3) : makeable.setScale(3);
            return new StockLevel(
                    made,
                    BigDecimal.ZERO.setScale(3),
                    made,
                    BigDecimal.ZERO.setScale(3),
                    recipeCost.setScale(2),
                    makeable == null ? null : made);
        }
        BigDecimal reserved = rs.getBigDecimal("reserved").setScale(3);
        return new StockLevel(
                rs.getBigDecimal("on_hand").setScale(3),
                reserved,
                rs.getBigDecimal("sellable")
                        .subtract(reserved)
                        .max(BigDecimal.ZERO)
                        .setScale(3),
                rs.getBigDecimal("unavailable").setScale(3));
    }

    /** One batch's change of a movement written with others of the same reason and reference. */
    record Movement(long productId, Long batchId, BigDecimal quantity) {}

    /**
     * Several movements of one reason in one statement, each with its reference ({@code references}, in the same order),
     * with {@code note}, by {@code userId} (null: no one's); written by the {@link StockLedger} only.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void recordMovements(List<Movement> movements, String reason, List<String> references, String note, Long userId) {
        sql.sql(
                        """
                        insert into stock_movements (product_id, batch_id, quantity, reason, reference, note, created_by)
                        select p, b, q, :r, ref, :note, cast(:user as bigint)
                          from unnest(cast(:products as bigint[]), cast(:batches as bigint[]), cast(:quantities as numeric[]),
                                      cast(:references as varchar[])) with ordinality as m(p, b, q, ref, n)
                         order by n
                        """)
                .param("products", SqlArrays.texts(movements, Movement::productId))
                .param("batches", SqlArrays.texts(movements, Movement::batchId))
                .param("quantities", SqlArrays.texts(movements, Movement::quantity))
                .param(
                        "references",
                        references.stream().map(r -> r == null ? "" : r).toArray(String[]::new))
                .param("r", reason)
                .param("note", note == null ? "" : note)
                .param("user", userId)
                .update();
    }
}
