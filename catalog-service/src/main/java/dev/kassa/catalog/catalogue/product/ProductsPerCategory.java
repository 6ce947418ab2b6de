package dev.kassa.catalog.catalogue.product;

import dev.kassa.catalog.catalogue.category.ProductCounts;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/** The category feature's product counts, from the products' own repository. */
@Component
class ProductsPerCategory implements ProductCounts {

    private final ProductRepository products;

    ProductsPerCategory(ProductRepository products) {
        this.products = products;
    }

    @Override
    public Map<Long, Long> byCategory(Collection<Long> categories) {
        Map<Long, Long> counts = new HashMap<>();
        products.countByCategory(categories).forEach(row -> counts.put((Long) row[0], (Long) row[1]));
        return counts;
    }
}
