package dev.kassa.catalog.product;

import dev.kassa.catalog.CatalogErrors;
import dev.kassa.catalog.category.Category;
import dev.kassa.catalog.category.CategoryRepository;
import dev.kassa.catalog.category.Slugify;
import dev.kassa.catalog.category.Unit;
import dev.kassa.catalog.category.UnitRepository;
import dev.kassa.catalog.image.ImageView;
import dev.kassa.catalog.image.ProductImages;
import dev.kassa.catalog.stock.Batches;
import dev.kassa.catalog.stock.StockEvents;
import dev.kassa.catalog.stock.StockLevels;
import dev.kassa.platform.error.FieldErrors;
import dev.kassa.platform.events.OutboxPublisher;
import dev.kassa.platform.tenancy.Tenant;
import dev.kassa.platform.tenancy.TenantContext;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.security.SecureRandom;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static dev.kassa.platform.data.Values.blankToNull;

@Service
public class ProductService {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern CODE = Pattern.compile("^[A-Za-z0-9._-]{1,100}$");

    private final ProductRepository products;
    private final Batches batches;
    private final UnitRepository units;
    private final CategoryRepository categories;
    private final StockLevels stock;
    private final OutboxPublisher outbox;
    private final StockEvents stockEvents;
    private final Barcodes barcodes;
    private final ProductSearch search;

    private final ProductImages images;

    ProductService(
            ProductRepository products,
            Batches batches,
            UnitRepository units,
            CategoryRepository categories,
            StockLevels stock,
            OutboxPublisher outbox,
            StockEvents stockEvents,
            Barcodes barcodes,
            ProductSearch search,
            ProductImages images) {
        this.images = images;
        this.stockEvents = stockEvents;
        this.barcodes = barcodes;
        this.search = search;
        this.products = products;
        this.batches = batches;
        this.units = units;
        this.categories = categories;
        this.stock = stock;
        this.outbox = outbox;
    }

    /** Product, pricing, inventory settings and the first batch (with its receipt movement), all or nothing. */
    @Transactional
    public ProductView create(CreateProductRequest r) {
        FieldErrors errors = new FieldErrors();
        if (r.name() == null || r.name().isBlank()) {
            errors.add("name", "validation.required");
        } else if (r.name().length() > 255) {
            errors.add("name", "validation.max_length", 255);
        }
        Optional<Unit> unit = units.resolve(
                r.unit() == null || r.unit().isBlank() ? "pcs" : r.unit().trim());
        if (unit.isEmpty()) {
            errors.add("unit", "catalog.unit_unknown", r.unit());
        }
        Long categoryId = null;
        if (r.category() != null && !r.category().isBlank()) {
            categoryId = resolveCategory(r.category().trim()).map(Category::id).orElse(null);
            if (categoryId == null) {
                errors.add("category", "catalog.category_unknown");
            }
        }
        BigDecimal cost = money(errors, "cost_price", r.costPrice());
        BigDecimal sale = money(errors, "sale_price", r.salePrice());
        BigDecimal wholesale = r.wholesalePrice() == null ? null : money(errors, "wholesale_price", r.wholesalePrice());
        BigDecimal tax = percent(errors, "tax_rate", r.taxRate());
        if (cost.signum() > 0 && sale.signum() > 0 && sale.compareTo(cost) < 0) {
            errors.add("sale_price", "catalog.sale_below_cost");
        }
        BigDecimal initial = quantity(errors, "initial_quantity", r.initialQuantity());
        BigDecimal min = quantity(errors, "min_quantity", r.minQuantity());
        BigDecimal max = r.maxQuantity() == null ? null : quantity(errors, "max_quantity", r.maxQuantity());
        String sku = blankToNull(r.sku());
        if (sku != null) {
            if (!CODE.matcher(sku).matches()) {
                errors.add("sku", "catalog.barcode_invalid");
            } else if (products.existsBySku(sku)) {
                errors.add("sku", "catalog.sku_taken");
            }
        }
        String barcode = blankToNull(r.barcode());
        if (barcode != null) {
            if (!CODE.matcher(barcode).matches()) {
                errors.add("barcode", "catalog.barcode_invalid");
            } else if (barcodes.taken(barcode, null)) {
                errors.add("barcode", "catalog.barcode_taken");
            }
        }
        errors.throwIfAny();

        Tenant tenant = TenantContext.require();
        String name = r.name().trim();
        Product product = new Product(
                name,
                uniqueSlug(name),
                r.description(),
                categoryId,
                sku != null ? sku : generateSku(name, tenant),
                barcode != null ? barcode : generateEan13(),
                unit.get().id());
        product.pricing(cost, sale, wholesale, tax);
        boolean track = r.trackInventory() == null || r.trackInventory();
        product.inventory(min, max, track, Boolean.TRUE.equals(r.isFeatured()), r.isActive() == null || r.isActive());
        products.saveAndFlush(product);
        if (initial.signum() > 0) {
            String number = blankToNull(r.batchNumber()) != null
                    ? r.batchNumber().trim()
                    : "BATCH-" + hex(4).toUpperCase(Locale.ROOT);
            long batch = batches.insert(
                    product.id(),
                    number,
                    "BATCH-" + hex(6).toUpperCase(Locale.ROOT),
                    initial,
                    cost,
                    null,
                    r.expiryDate(),
                    null,
                    "",
                    "");
            stock.recordMovement(product.id(), batch, initial, "receipt", number);
            stockEvents.received(product.id(), number);
        }
        outbox.publish(
                tenant.key(),
                new ProductCreated(
                        product.id(),
                        product.name(),
                        product.sku(),
                        product.barcode(),
                        product.salePrice(),
                        product.costPrice(),
                        product.minQuantity(),
                        product.maxQuantity(),
                        product.isActive(),
                        product.trackInventory()));
        return view(product);
    }

    /**
     * Updates a product (PATCH: what is given; PUT: name required too). Prices keep sale ≥ cost; codes stay unique;
     * an empty barcode gets a generated EAN-13. Stock is not changed here: receive batches or adjust instead.
     */
    @Transactional
    public ProductView update(long id, CreateProductRequest r, boolean partial) {
        Product p = products.findById(id).orElseThrow(() -> CatalogErrors.NO_SUCH_PRODUCT.exception());
        FieldErrors errors = new FieldErrors();
        if (!partial || r.name() != null) {
            errors.required("name", r.name(), 255);
        }
        Long unitId = p.unitId();
        if (r.unit() != null) {
            unitId = units.resolve(r.unit().trim()).map(Unit::id).orElse(null);
            if (unitId == null) {
                errors.add("unit", "catalog.unit_unknown", r.unit());
            }
        }
        Long categoryId = p.categoryId();
        if (r.category() != null) {
            categoryId = r.category().isBlank()
                    ? null
                    : resolveCategory(r.category().trim()).map(Category::id).orElse(null);
            if (categoryId == null && !r.category().isBlank()) {
                errors.add("category", "catalog.category_unknown");
            }
        }
        BigDecimal cost = r.costPrice() != null ? money(errors, "cost_price", r.costPrice()) : p.costPrice();
        BigDecimal sale = r.salePrice() != null ? money(errors, "sale_price", r.salePrice()) : p.salePrice();
        BigDecimal wholesale =
                r.wholesalePrice() != null ? money(errors, "wholesale_price", r.wholesalePrice()) : p.wholesalePrice();
        BigDecimal tax = r.taxRate() != null ? percent(errors, "tax_rate", r.taxRate()) : p.taxRate();
        if (cost.signum() > 0 && sale.signum() > 0 && sale.compareTo(cost) < 0) {
            errors.add("sale_price", "catalog.sale_below_cost");
        }
        BigDecimal min = r.minQuantity() != null ? quantity(errors, "min_quantity", r.minQuantity()) : p.minQuantity();
        BigDecimal max = r.maxQuantity() != null ? quantity(errors, "max_quantity", r.maxQuantity()) : p.maxQuantity();
        String sku = p.sku();
        if (r.sku() != null) {
            sku = r.sku().trim();
            if (!CODE.matcher(sku).matches()) {
                errors.add("sku", "catalog.barcode_invalid");
            } else if (!sku.equals(p.sku()) && products.existsBySku(sku)) {
                errors.add("sku", "catalog.sku_taken");
            }
        }
        String barcode = p.barcode();
        if (r.barcode() != null) {
            barcode = r.barcode().isBlank() ? generateEan13() : r.barcode().trim();
            if (!CODE.matcher(barcode).matches()) {
                errors.add("barcode", "catalog.barcode_invalid");
            } else if (barcodes.taken(barcode, id)) {
                errors.add("barcode", "catalog.barcode_taken");
            }
        }
        if (r.initialQuantity() != null || r.batchNumber() != null || r.expiryDate() != null) {
            errors.add("initial_quantity", "catalog.stock_through_batches");
        }
        errors.throwIfAny();
        List<String> changed = new ArrayList<>();
        if (sale.compareTo(p.salePrice()) != 0) {
            changed.add("sale_price");
        }
        if (cost.compareTo(p.costPrice()) != 0) {
            changed.add("cost_price");
        }
        p.describe(
                r.name() != null ? r.name().trim() : p.name(),
                r.description() != null ? r.description() : p.description(),
                categoryId,
                sku,
                barcode,
                unitId);
        p.pricing(cost, sale, wholesale, tax);
        p.inventory(
                min,
                max,
                r.trackInventory() != null ? r.trackInventory() : p.trackInventory(),
                r.isFeatured() != null ? r.isFeatured() : p.isFeatured(),
                r.isActive() != null ? r.isActive() : p.isActive());
        products.saveAndFlush(p);
        outbox.publish(
                TenantContext.require().key(),
                new ProductUpdated(
                        p.id(),
                        p.name(),
                        p.sku(),
                        p.barcode(),
                        p.salePrice(),
                        p.costPrice(),
                        p.taxRate(),
                        p.minQuantity(),
                        p.maxQuantity(),
                        p.isActive(),
                        List.copyOf(changed)));
        return view(p);
    }

    /**
     * Deletes a product that was never sold and is not in anyone's cart (its batches and history go with it);
     * a product with sales history is deactivated instead ({@code is_active=false}), so receipts keep pointing at it.
     */
    @Transactional
    public void delete(long id) {
        if (!search.lockForDelete(id)) {
            throw CatalogErrors.NO_SUCH_PRODUCT.exception();
        }
        if (search.hasSalesHistory(id)) {
            throw CatalogErrors.PRODUCT_IN_USE.exception();
        }
        images.forget(id);
        products.deleteById(id);
        outbox.publish(TenantContext.require().key(), new ProductDeleted(id));
    }

    @Transactional(readOnly = true)
    public ProductView get(long id) {
        return view(products.findById(id).orElseThrow(() -> CatalogErrors.NO_SUCH_PRODUCT.exception()));
    }

    /** The active products of a category (404 for a category that does not exist). */
    @Transactional(readOnly = true)
    Page<ProductView> inCategory(long category, Pageable pageable) {
        if (!categories.existsById(category)) {
            throw CatalogErrors.NO_SUCH_CATEGORY.exception();
        }
        return list(null, category, true, pageable);
    }

    @Transactional(readOnly = true)
    public Page<ProductView> list(String search, Long category, Boolean active, Pageable pageable) {
        return list(ProductFilter.all(search, category, active), "name", pageable);
    }

    /** The product list with every filter of spec C10; {@code ordering} as the seed names it ({@code -sale_price}). */
    @Transactional(readOnly = true)
    public Page<ProductView> list(ProductFilter filter, String ordering, Pageable pageable) {
        String orderBy = ProductFilter.ORDERING.orderBy(ordering);
        filter.validate();
        Page<Long> ids = search.ids(filter, orderBy, pageable);
        Map<Long, Product> byId = products.findAllById(ids.getContent()).stream()
                .collect(Collectors.toMap(Product::id, Function.identity()));
        return withDetails(ids.map(byId::get));
    }

    private Page<ProductView> withDetails(Page<Product> page) {
        Map<Long, StockLevels.Level> levels = stock.of(page.map(Product::id).toList());
        Map<Long, Unit> unitsById = units.all().stream().collect(Collectors.toMap(Unit::id, Function.identity()));
        Map<Long, Category> categoriesById =
                categories
                        .findAllById(page.stream()
                                .map(Product::categoryId)
                                .filter(Objects::nonNull)
                                .toList())
                        .stream()
                        .collect(Collectors.toMap(Category::id, Function.identity()));
        Map<Long, List<ImageView>> galleries = images.of(page.map(Product::id).toList());
        return page.map(p -> ProductView.of(
                p,
                unitsById.get(p.unitId()),
                categoriesById.get(p.categoryId()),
                levels.get(p.id()),
                null,
                galleries.getOrDefault(p.id(), List.of())));
    }

    @Transactional(readOnly = true)
    public Page<ProductView> lowStock(BigDecimal threshold, Pageable pageable) {
        if (threshold != null && threshold.signum() < 0) {
            throw FieldErrors.single("min_quantity", "validation.not_negative");
        }
        return withDetails(products.lowStock(threshold, pageable));
    }

    private ProductView view(Product p) {
        var today = TenantContext.require().today();
        List<ProductView.BatchView> batchViews = batches.ofProduct(p.id(), today).stream()
                .map(ProductView.BatchView::from)
                .toList();
        return ProductView.of(
                p,
                p.unitId() == null ? null : units.find(p.unitId()).orElse(null),
                p.categoryId() == null
                        ? null
                        : categories.findById(p.categoryId()).orElse(null),
                stock.of(List.of(p.id())).get(p.id()),
                batchViews,
                images.of(List.of(p.id())).getOrDefault(p.id(), List.of()));
    }

    private Optional<Category> resolveCategory(String value) {
        if (value.chars().allMatch(Character::isDigit) && value.length() < 18) {
            return categories.findById(Long.parseLong(value));
        }
        return Optional.empty();
    }

    private String uniqueSlug(String name) {
        String base = Slugify.of(name);
        String slug = base.isEmpty() ? "product-" + hex(4) : base;
        while (products.existsBySlug(slug)) {
            slug = base + "-" + hex(4);
        }
        return slug;
    }

    /** {@code UPPER(<first 15 of the slug>_<local yyyyMMdd>_<8 hex>)}, spec §3.2.2, with the store's date. */
    private String generateSku(String name, Tenant tenant) {
        String base = Slugify.of(name).replace('-', '_');
        base = base.isEmpty() ? "ITEM" : base.substring(0, Math.min(15, base.length()));
        String sku;
        do {
            sku = (base + "_" + tenant.today().format(DateTimeFormatter.BASIC_ISO_DATE) + "_" + hex(4))
                    .toUpperCase(Locale.ROOT);
        } while (products.existsBySku(sku));
        return sku;
    }

    /** An EAN-13 with prefix 487 and a valid check digit, unique in the store. */
    private String generateEan13() {
        String code;
        do {
            StringBuilder digits = new StringBuilder("487");
            for (int i = 0; i < 9; i++) {
                digits.append(RANDOM.nextInt(10));
            }
            code = digits.append(Ean13.checkDigit(digits.toString())).toString();
        } while (products.existsByBarcode(code));
        return code;
    }

    private static BigDecimal money(FieldErrors errors, String field, BigDecimal value) {
        if (value == null) {
            return BigDecimal.ZERO.setScale(2);
        }
        if (value.signum() < 0) {
            errors.add(field, "validation.not_negative");
        } else if (!FieldErrors.isAmount(value)) {
            errors.add(field, "validation.invalid");
        }
        return value.setScale(2, RoundingMode.HALF_UP);
    }

    private static BigDecimal percent(FieldErrors errors, String field, BigDecimal value) {
        if (value == null) {
            return BigDecimal.ZERO.setScale(2);
        }
        if (value.signum() < 0 || value.compareTo(BigDecimal.valueOf(100)) > 0) {
            errors.add(field, "validation.invalid");
        }
        return value.setScale(2, RoundingMode.HALF_UP);
    }

    private static BigDecimal quantity(FieldErrors errors, String field, BigDecimal value) {
        if (value == null) {
            return BigDecimal.ZERO.setScale(3);
        }
        errors.quantity(field, value, FieldErrors.MAX_QUANTITY);
        return value.setScale(3, RoundingMode.HALF_UP);
    }

    private static String hex(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
