package dev.kassa.catalog.catalogue.product;

import dev.kassa.platform.export.Column;
import dev.kassa.platform.export.ExportFormat;
import dev.kassa.platform.export.Exports;
import dev.kassa.platform.export.RowSource;
import jakarta.persistence.EntityManager;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Sort;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Service;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The product list as a file: every product the list's filters find, in its order, with its stock, cost and what its
 * stock is worth at cost. The list is read a page at a time, each page's entities let go before the next.
 */
@Service
public class ProductExportService {

    static final int PAGE = 500;

    /**
     * The columns of the file, in order; a spreadsheet made from them can be imported back (issue 62, import). A
     * variant names its parent by SKU ({@code parentSkus}: the parents of the rows written so far) and its options as
     * {@code size: M; colour: red}; when it is made ({@code on_sale}, {@code ahead}) is the last column.
     */
    static List<Column<ProductView>> columns(Map<Long, String> parentSkus) {
        return List.of(
                Column.of("export.products.sku", ProductView::sku),
                Column.of("export.products.barcode", ProductView::barcode),
                Column.of("export.products.name", ProductView::name),
                Column.of("export.products.category", ProductView::categoryName),
                Column.of("export.products.unit", ProductView::unitShort),
                Column.of("export.products.sale_price", ProductView::salePrice),
                // made on sale of others: its cost and stock are its components' (their own rows), not its own
                Column.of("export.products.cost_price", v -> v.fromComponents() ? null : v.costPrice()),
                Column.of("export.products.quantity", v -> stocked(v) ? v.quantity() : null),
                Column.of(
                        "export.products.available",
                        v -> stocked(v) ? v.inventory().availableQuantity() : null),
                Column.of("export.products.stock_value", ProductExportService::stockValue),
                Column.of("export.products.min_quantity", v -> v.inventory().minQuantity()),
                Column.of("export.products.is_active", ProductView::isActive),
                Column.of("export.products.description", ProductView::description),
                Column.of("export.products.updated_at", ProductView::updatedAt),
                Column.of(
                        "export.products.variant_of",
                        v -> v.variantOf() == null ? null : parentSkus.get(v.variantOf())),
                Column.of("export.products.options", v -> VariantOptions.text(v.options())),
                Column.of("export.products.made", ProductView::made));
    }

    private final ProductService products;
    private final EntityManager entities;
    private final Exports exports;
    private final ProductRepository repository;

    ProductExportService(
            ProductService products, EntityManager entities, Exports exports, ProductRepository repository) {
        this.products = products;
        this.repository = repository;
        this.entities = entities;
        this.exports = exports;
    }

    /** The file; a filter or an ordering the list would refuse is refused here too, before anything is written. */
    ResponseEntity<StreamingResponseBody> export(ExportFormat format, ProductFilter filter, String ordering) {
        filter.validate();
        ProductSearchRepository.ORDERING.orderBy(ordering);
        Map<Long, String> parentSkus = new HashMap<>();
        return exports.file(
                format,
                "products",
                null,
                columns(parentSkus),
                RowSource.pages(
                        PAGE,
                        Sort.unsorted(),
                        // a variant after its parent, so that the file comes back in whatever its length
                        page -> withParents(products.list(filter, ordering, page, true), parentSkus),
                        entities::clear));
    }

    /** The page, with the SKUs of its variants' parents not yet known read into {@code parentSkus} (one query). */
    private Page<ProductView> withParents(Page<ProductView> page, Map<Long, String> parentSkus) {
        List<Long> unknown = page.stream()
                .map(ProductView::variantOf)
                .filter(id -> id != null && !parentSkus.containsKey(id))
                .distinct()
                .toList();
        if (!unknown.isEmpty()) {
            repository.findAllById(unknown).forEach(p -> parentSkus.put(p.id(), p.sku()));
        }
        return page;
    }

    /** Whether the product has stock of its own (tracked, not made on sale of others). */
    static boolean stocked(ProductView v) {
        return v.inventory().trackInventory() && !v.fromComponents();
    }

    /** What the product's stock is worth at its cost price; nothing for a product without stock (a service). */
    static BigDecimal stockValue(ProductView v) {
        if (!stocked(v) || v.quantity() == null || v.costPrice() == null) {
            return null;
        }
        return v.quantity().multiply(v.costPrice()).setScale(2, RoundingMode.HALF_UP);
    }
}
