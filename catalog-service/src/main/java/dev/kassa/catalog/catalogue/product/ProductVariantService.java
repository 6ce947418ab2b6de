package dev.kassa.catalog.catalogue.product;

import dev.kassa.catalog.CatalogErrors;
import dev.kassa.catalog.catalogue.OpeningStock;
import dev.kassa.platform.error.FieldErrors;
import dev.kassa.platform.validation.PrintableText;
import dev.kassa.platform.validation.Required;
import jakarta.validation.constraints.Size;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Variants (issue 65 point 1): a product sold in sizes, colours… is a parent with a product per variant, each with its own
 * SKU, barcode, price, cost and stock (its first batch through the stock ledger), made by the product form from the
 * parent's unit, category, tax and stock settings. A till scans a variant as any product; lists, the product's page and
 * reports show it with its parent and options. A variant has no variants of its own.
 */
@Service
class ProductVariantService {

    /** A parent has at most this many option names (size, colour, material). */
    static final int MAX_OPTIONS = 3;

    /**
     * A new variant: {@code options} (1-3 names with their values, the same names for every variant of the parent), its
     * codes (generated when left out), prices (the parent's when left out), opening stock; {@code name} defaults to the
     * parent's with the option values.
     */
    record VariantRequest(
            @Required @Size(min = 1, max = MAX_OPTIONS) Map<String, String> options,
            @Size(max = 255) @PrintableText String name,
            String sku,
            String barcode,
            @Price BigDecimal salePrice,
            @Price BigDecimal costPrice,
            BigDecimal initialQuantity,
            @PrintableText String batchNumber,
            LocalDate expiryDate) {}

    private final ProductRepository products;
    private final ProductService service;

    ProductVariantService(ProductRepository products, ProductService service) {
        this.products = products;
        this.service = service;
    }

    /**
     * Makes a variant of the parent, the parent's row locked so that two variants with the same options are never made at
     * once (the database's unique index is the backstop).
     */
    @Transactional
    ProductView create(long parentId, VariantRequest r) {
        return create(parentId, r, OpeningStock.Source.FORM);
    }

    /** {@link #create(long, VariantRequest)}, its opening stock's movement with {@code stockReason} ({@code import}). */
    @Transactional
    ProductView create(long parentId, VariantRequest r, OpeningStock.Source stockReason) {
        if (products.lock(parentId).isEmpty()) {
            throw CatalogErrors.NO_SUCH_PRODUCT.exception();
        }
        Product parent = products.findById(parentId).orElseThrow(CatalogErrors.NO_SUCH_PRODUCT::exception);
        Map<String, String> options = checkOptions(parent, r.options());
        Product variant = service.create(form(parent, options, r), stockReason);
        variant.variantOf(parentId, options);
        products.flush();
        return service.get(variant.id());
    }

    /**
     * Whether a variant with these options may be made of the parent: refused when the parent is a variant, the options
     * are malformed, name other options than its variants' or are taken by one of them. Answers them trimmed.
     */
    Map<String, String> checkOptions(Product parent, Map<String, String> given) {
        if (parent.variantOf() != null) {
            throw CatalogErrors.VARIANT_OF_VARIANT.exception(Map.of("variant_of", parent.variantOf()));
        }
        Map<String, String> options = options(given);
        List<Product> siblings = products.findByVariantOfOrderById(parent.id());
        if (!siblings.isEmpty() && !siblings.get(0).variantOptions().keySet().equals(options.keySet())) {
            throw FieldErrors.single(
                    "options",
                    "catalog.variant_options_differ",
                    String.join(", ", siblings.get(0).variantOptions().keySet()));
        }
        siblings.stream()
                .filter(s -> options.equals(s.variantOptions()))
                .findFirst()
                .ifPresent(s -> {
                    throw CatalogErrors.VARIANT_TAKEN.exception(Map.of("variant", s.id()));
                });
        return options;
    }

    /**
     * The product form of a variant: the parent's unit, category, tax, stock settings and handling (hazardous, made on
     * sale or ahead) with the variant's own cells.
     */
    static CreateProductRequest form(Product parent, Map<String, String> options, VariantRequest r) {
        String name = FieldErrors.blank(r.name())
                ? parent.name() + " (" + String.join(" / ", options.values()) + ")"
                : r.name().trim();
        return new CreateProductRequest(
                name,
                r.sku(),
                r.barcode(),
                parent.description(),
                String.valueOf(parent.unitId()),
                parent.categoryId() == null ? null : String.valueOf(parent.categoryId()),
                r.costPrice() != null ? r.costPrice() : parent.costPrice(),
                r.salePrice() != null ? r.salePrice() : parent.salePrice(),
                parent.wholesalePrice(),
                parent.taxRate(),
                r.initialQuantity(),
                parent.minQuantity(),
                parent.maxQuantity(),
                parent.trackInventory(),
                r.batchNumber(),
                r.expiryDate(),
                false,
                parent.isActive(),
                parent.hazardous(),
                parent.made().code());
    }

    /** The parent's variants, in the order they were made. */
    @Transactional(readOnly = true)
    List<ProductView> of(long parentId) {
        if (!products.existsById(parentId)) {
            throw CatalogErrors.NO_SUCH_PRODUCT.exception();
        }
        return service.views(products.findByVariantOfOrderById(parentId).stream()
                .map(Product::id)
                .toList());
    }

    /**
     * The options with their names and values trimmed; every name and value filled, at most 50 characters, printable (a
     * variant's name is made of them), names once.
     */
    private static Map<String, String> options(Map<String, String> given) {
        Map<String, String> options = new LinkedHashMap<>();
        FieldErrors errors = new FieldErrors();
        if (given == null || given.isEmpty() || given.size() > MAX_OPTIONS) {
            throw FieldErrors.single("options", "catalog.variant_option_invalid");
        }
        given.forEach((key, value) -> {
            String k = key == null ? "" : key.trim();
            String v = value == null ? "" : value.trim();
            if (k.isEmpty()
                    || v.isEmpty()
                    || k.length() > 50
                    || v.length() > 50
                    || !FieldErrors.isPrintable(k)
                    || !FieldErrors.isPrintable(v)) {
                errors.add("options", "catalog.variant_option_invalid");
            } else if (options.keySet().stream().anyMatch(n -> n.equalsIgnoreCase(k))) {
                errors.add("options", "catalog.variant_option_invalid");
            } else {
                options.put(k, v);
            }
        });
        errors.throwIfAny();
        return options;
    }
}
