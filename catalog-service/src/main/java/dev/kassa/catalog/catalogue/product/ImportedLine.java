package dev.kassa.catalog.catalogue.product;

import java.math.BigDecimal;
import java.util.Map;

/**
 * A row of a products import with its cells as the product form takes them, where it is in its chunk ({@code index}) and
 * how it finds its product ({@code key}); a variant's row names its parent's SKU ({@code parent}) and its options.
 */
record ImportedLine(
        int index,
        String key,
        String sku,
        String barcode,
        String name,
        String category,
        String unit,
        String description,
        BigDecimal sale,
        BigDecimal cost,
        BigDecimal quantity,
        BigDecimal minimum,
        Boolean active,
        String parent,
        Map<String, String> options) {

    /** The row as the variant form: its options, name, codes, prices and opening stock. */
    ProductVariantService.VariantRequest variant() {
        return new ProductVariantService.VariantRequest(options, name, sku, barcode, sale, cost, quantity, null, null);
    }
}
