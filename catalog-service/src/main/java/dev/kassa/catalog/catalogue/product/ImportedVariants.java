package dev.kassa.catalog.catalogue.product;

import dev.kassa.catalog.catalogue.OpeningStock;
import dev.kassa.catalog.catalogue.product.ProductVariantService.VariantRequest;
import dev.kassa.platform.error.FieldErrors;
import dev.kassa.platform.error.KassaException;
import dev.kassa.platform.imports.ImportHandler;
import dev.kassa.platform.imports.ImportOutcome;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The rows of a products import that make variants (issue 65): a row not found in the store that names its parent's SKU
 * ({@code variant_of}) and its options is made a variant of that parent, as {@code POST products/{id}/variants/} makes
 * one (the parent's unit, category, tax and stock settings; the row's codes, prices and opening stock).
 */
final class ImportedVariants {

    private final ProductRepository repository;
    private final ProductService products;
    private final ProductVariantService variants;

    ImportedVariants(ProductRepository repository, ProductService products, ProductVariantService variants) {
        this.repository = repository;
        this.products = products;
        this.variants = variants;
    }

    /**
     * A row of the file that makes a variant: refused (in its place) when its parent is unknown or making it would be
     * refused; made unless this is a dry run. A refusal that only the locked parent shows (another till made the same
     * variant meanwhile) is thrown: the chunk is rolled back and redone a row at a time.
     */
    ImportHandler.Result take(String parentSku, VariantRequest r, boolean dryRun, Predicate<String> namedEarlier) {
        Product parent;
        try {
            parent = parent(parentSku, dryRun, namedEarlier);
            KassaException refusal = parent == null ? null : refusal(parent, r);
            if (refusal != null) {
                return ImportHandler.Result.refused(refusal);
            }
        } catch (KassaException refused) {
            return ImportHandler.Result.refused(refused);
        }
        if (!dryRun) {
            variants.create(parent.id(), r, OpeningStock.Source.IMPORT);
        }
        return ImportHandler.Result.of(ImportOutcome.CREATED);
    }

    /**
     * The parent a row names by SKU: in the store, or nothing in a dry run when a row before it in the file names that SKU
     * (it would have been made by then); refused ({@code variant_of}) otherwise.
     */
    private Product parent(String sku, boolean dryRun, Predicate<String> namedEarlier) {
        List<Product> found = repository.findBySkuIn(List.of(sku));
        if (!found.isEmpty()) {
            return found.get(0);
        }
        if (dryRun && namedEarlier.test(sku)) {
            return null;
        }
        throw FieldErrors.single("variant_of", "catalog.variant_parent_unknown");
    }

    /** What making the variant would refuse (its options against its siblings', its codes against the store's), or null. */
    private KassaException refusal(Product parent, VariantRequest r) {
        try {
            Map<String, String> options = variants.checkOptions(parent, r.options());
            return products.createAll(
                            List.of(ProductVariantService.form(parent, options, r)), OpeningStock.Source.IMPORT, false)
                    .get(0)
                    .refusal();
        } catch (KassaException refused) {
            return refused;
        }
    }
}
