package dev.kassa.catalog.catalogue.product;

import dev.kassa.platform.data.SqlArrays;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/** {@link NewProducts}' statements (Spring Data finds this fragment of {@link ProductRepository} by its name). */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
class NewProductsImpl implements NewProducts {

    private final JdbcClient sql;

    NewProductsImpl(JdbcClient sql) {
        this.sql = sql;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY, readOnly = true)
    public Taken taken(Collection<String> skus, Collection<String> barcodes, Collection<String> slugs) {
        Taken taken = new Taken(new HashSet<>(), new HashSet<>(), new HashSet<>());
        if (skus.isEmpty() && barcodes.isEmpty() && slugs.isEmpty()) {
            return taken;
        }
        sql.sql(
                        """
                        select 's', sku from products where sku = any(cast(:skus as varchar[]))
                        union all
                        select 'b', barcode from products where barcode = any(cast(:barcodes as varchar[]))
                        union all
                        select 'b', barcode from product_barcodes where barcode = any(cast(:barcodes as varchar[]))
                        union all
                        select 'l', slug from products where slug = any(cast(:slugs as varchar[]))
                        """)
                .param("skus", SqlArrays.texts(skus))
                .param("barcodes", SqlArrays.texts(barcodes))
                .param("slugs", SqlArrays.texts(slugs))
                .query(rs -> {
                    switch (rs.getString(1)) {
                        case "s" -> taken.skus().add(rs.getString(2));
                        case "b" -> taken.barcodes().add(rs.getString(2));
                        default -> taken.slugs().add(rs.getString(2));
                    }
                });
        return taken;
    }

    @Override
    public List<Long> insert(List<ProductRow> rows) {
        Map<String, Long> bySlug = new HashMap<>();
        sql.sql(
                        """
                        insert into products (name, slug, description, category_id, sku, barcode, unit_id, cost_price, sale_price,
                                              wholesale_price, tax_rate, min_quantity, max_quantity, track_inventory, is_featured,
                                              is_active, hazardous, made)
                        select name, slug, description, category, sku, barcode, unit, cost, sale, wholesale, tax, lowest, highest,
                               tracked, featured, active, hazardous, made
                          from unnest(cast(:names as varchar[]), cast(:slugs as varchar[]), cast(:descriptions as text[]),
                                      cast(:categories as bigint[]), cast(:skus as varchar[]), cast(:barcodes as varchar[]),
                                      cast(:units as bigint[]), cast(:costs as numeric[]), cast(:sales as numeric[]),
                                      cast(:wholesales as numeric[]), cast(:taxes as numeric[]), cast(:lowest as numeric[]),
                                      cast(:highest as numeric[]), cast(:tracked as boolean[]), cast(:featured as boolean[]),
                                      cast(:active as boolean[]), cast(:hazardous as boolean[]), cast(:made as varchar[]))
                               with ordinality as p(name, slug, description, category, sku, barcode, unit, cost, sale, wholesale,
                                                    tax, lowest, highest, tracked, featured, active, hazardous, made, n)
                         order by n
                        returning slug, id
                        """)
                .param("names", SqlArrays.texts(rows, ProductRow::name))
                .param("slugs", SqlArrays.texts(rows, ProductRow::slug))
                .param("descriptions", SqlArrays.texts(rows, ProductRow::description))
                .param("categories", SqlArrays.texts(rows, ProductRow::categoryId))
                .param("skus", SqlArrays.texts(rows, ProductRow::sku))
                .param("barcodes", SqlArrays.texts(rows, ProductRow::barcode))
                .param("units", SqlArrays.texts(rows, ProductRow::unitId))
                .param("costs", SqlArrays.texts(rows, ProductRow::costPrice))
                .param("sales", SqlArrays.texts(rows, ProductRow::salePrice))
                .param("wholesales", SqlArrays.texts(rows, ProductRow::wholesalePrice))
                .param("taxes", SqlArrays.texts(rows, ProductRow::taxRate))
                .param("lowest", SqlArrays.texts(rows, ProductRow::minQuantity))
                .param("highest", SqlArrays.texts(rows, ProductRow::maxQuantity))
                .param("tracked", SqlArrays.texts(rows, ProductRow::trackInventory))
                .param("featured", SqlArrays.texts(rows, ProductRow::isFeatured))
                .param("active", SqlArrays.texts(rows, ProductRow::isActive))
                .param("hazardous", SqlArrays.texts(rows, ProductRow::hazardous))
                .param("made", SqlArrays.texts(rows, r -> r.made().code()))
                .query(rs -> {
                    bySlug.put(rs.getString(1), rs.getLong(2));
                });
        return rows.stream().map(r -> bySlug.get(r.slug())).toList();
    }

    @Override
    public void analyze() {
        sql.sql("analyze products, batches").update();
    }
}
