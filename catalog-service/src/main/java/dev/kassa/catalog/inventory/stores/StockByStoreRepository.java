package dev.kassa.catalog.inventory.stores;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kassa.catalog.inventory.stock.Expiry;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** One product's stock in the store of the transaction: found by id, or by SKU or barcode as another store knows it. */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
class StockByStoreRepository {

    /**
     * The product in a store with its stock, what tills hold, what is on order, what other stores have shipped to it and
     * it has not received yet, and the stock's value at its batches' cost.
     */
    record Held(
            long product,
            String name,
            String sku,
            String barcode,
            BigDecimal onHand,
            BigDecimal sellable,
            BigDecimal held,
            BigDecimal onOrder,
            BigDecimal inTransit,
            BigDecimal value,
            List<AtLocation> locations) {}

    /** What of the product lies at one of the store's locations (on hand, the store's default location first). */
    record AtLocation(String code, String name, String type, BigDecimal onHand) {}

    private static final String SELECT =
            """
            select p.id, p.name, p.sku, p.barcode,
                   coalesce(sum(b.quantity), 0) as on_hand,
                   coalesce(sum(b.quantity) filter (where %s), 0) as sellable,
                   coalesce((select sum(r.quantity) from reservations r
                              where r.product_id = p.id and r.status = 'active' and r.reserved_until > now()), 0) as held,
                   coalesce((select sum(greatest(l.quantity - l.received_quantity, 0)) from purchase_order_lines l
                               join purchase_orders o on o.id = l.order_id
                              where l.product_id = p.id and o.status in ('ordered', 'partially_received')), 0) as on_order,
                   coalesce((select sum(greatest(l.shipped_quantity - l.received_quantity - l.lost_quantity, 0))
                               from transfer_lines l join transfers t on t.id = l.transfer_id
                              where l.product_id = p.id and t.direction = 'in'
                                and t.status in ('shipped', 'partially_received')), 0) as in_transit,
                   coalesce(sum(round(b.quantity * b.purchase_price, 2)), 0) as value,
                   (select coalesce(json_agg(json_build_object('code', l.code, 'name', l.name, 'type', l.type,
                                                               'on_hand', q.on_hand)
                                             order by l.is_default desc, lower(l.code)), '[]')
                      from (select x.location_id, sum(x.quantity) as on_hand from batches x
                             where x.product_id = p.id and x.is_active and x.quantity <> 0 group by x.location_id) q
                      join locations l on l.id = q.location_id) as locations
              from products p left join batches b on b.product_id = p.id and b.is_active
            """
                    .formatted(Expiry.SELLABLE);

    private RowMapper<Held> row() {
        return (rs, i) -> new Held(
                rs.getLong("id"),
                rs.getString("name"),
                rs.getString("sku"),
                rs.getString("barcode"),
                rs.getBigDecimal("on_hand"),
                rs.getBigDecimal("sellable"),
                rs.getBigDecimal("held"),
                rs.getBigDecimal("on_order"),
                rs.getBigDecimal("in_transit"),
                rs.getBigDecimal("value"),
                locations(rs.getString("locations")));
    }

    /** The locations' figures from their JSON aggregate. */
    private List<AtLocation> locations(String aggregate) {
        try {
            List<AtLocation> found = new ArrayList<>();
            for (JsonNode l : json.readTree(aggregate)) {
                found.add(new AtLocation(
                        l.path("code").asText(),
                        l.path("name").asText(),
                        l.path("type").asText(),
                        new BigDecimal(l.path("on_hand").asText()).setScale(3, RoundingMode.HALF_UP)));
            }
            return found;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A location aggregate that is not JSON", e);
        }
    }

    private final JdbcClient sql;
    private final ObjectMapper json;

    StockByStoreRepository(JdbcClient sql, ObjectMapper json) {
        this.sql = sql;
        this.json = json;
    }

    Optional<Held> byId(long id, LocalDate today) {
        return sql.sql(SELECT + " where p.id = :id group by p.id")
                .param("id", id)
                .param("today", today)
                .query(row())
                .optional();
    }

    /** The product with this SKU (when given), else with this barcode as its own or an extra code. */
    Optional<Held> byCodes(String sku, String barcode, LocalDate today) {
        return sql.sql(
                        SELECT
                                + """
                                 where (cast(:sku as text) is not null and p.sku = :sku)
                                    or (cast(:sku as text) is null and cast(:barcode as text) is not null
                                        and (p.barcode = :barcode
                                             or p.id in (select x.product_id from product_barcodes x where x.barcode = :barcode)))
                                 group by p.id order by p.id limit 1
                                """)
                .param("sku", sku)
                .param("barcode", barcode)
                .param("today", today)
                .query(row())
                .optional();
    }
}
