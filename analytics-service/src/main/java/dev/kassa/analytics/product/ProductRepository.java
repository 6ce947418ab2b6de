package dev.kassa.analytics.product;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.kassa.platform.data.SqlArrays;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

/** The products analytics knows: names, codes, prices and stock levels from catalog's events. */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
public class ProductRepository {

    /**
     * A product as catalog announced it (read from its {@code ProductCreated} and {@code ProductUpdated}, contracts:
     * docs/events.md); {@code maxQuantity} null when no maximum is set, the category's id and name null when it has none.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Product(
            long productId,
            String name,
            String sku,
            String barcode,
            BigDecimal salePrice,
            BigDecimal costPrice,
            BigDecimal minQuantity,
            BigDecimal maxQuantity,
            boolean isActive,
            Long categoryId,
            String categoryName) {}

    private final JdbcClient jdbc;

    ProductRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void save(Product p) {
        jdbc.sql(
                        """
                        insert into products (product_id, name, sku, barcode, sale_price, cost_price, min_quantity, max_quantity, is_active,
                                              category_id, category_name)
                        values (:id, :name, :sku, :barcode, :sale, :cost, :min, :max, :active, :category, :categoryName)
                        on conflict (product_id) do update set name = excluded.name, sku = excluded.sku, barcode = excluded.barcode,
                            sale_price = excluded.sale_price, cost_price = excluded.cost_price, min_quantity = excluded.min_quantity,
                            max_quantity = excluded.max_quantity, is_active = excluded.is_active, category_id = excluded.category_id,
                            category_name = excluded.category_name, updated_at = now()
                        """)
                .param("id", p.productId())
                .param("name", p.name())
                .param("sku", p.sku())
                .param("barcode", p.barcode())
                .param("sale", p.salePrice())
                .param("cost", p.costPrice())
                .param("min", p.minQuantity())
                .param("max", p.maxQuantity())
                .param("active", p.isActive())
                .param("category", p.categoryId())
                .param("categoryName", p.categoryName())
                .update();
    }

    /**
     * Products first seen on a sale's lines (their catalog events not read yet): each one's name, until catalog's event says
     * more. One statement for all the lines.
     */
    public void seen(Map<Long, String> namesById) {
        Map<Long, String> named = new TreeMap<>();
        namesById.forEach((id, name) -> {
            if (id != null && name != null && !name.isBlank()) {
                named.put(id, name);
            }
        });
        if (named.isEmpty()) {
            return;
        }
        jdbc.sql(
                        """
                        insert into products (product_id, name)
                        select id, name from unnest(cast(:ids as bigint[]), cast(:names as text[])) as t(id, name)
                        on conflict (product_id) do nothing
                        """)
                .param("ids", SqlArrays.texts(named.keySet()))
                .param("names", SqlArrays.texts(named.values()))
                .update();
    }

    public void delete(long productId) {
        jdbc.sql("delete from products where product_id = :id")
                .param("id", productId)
                .update();
    }
}
