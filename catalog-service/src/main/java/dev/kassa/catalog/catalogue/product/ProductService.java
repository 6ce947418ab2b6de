package dev.kassa.catalog.catalogue.product;

import dev.kassa.catalog.CatalogErrors;
import dev.kassa.catalog.catalogue.OpeningStock;
import dev.kassa.catalog.catalogue.category.Category;
import dev.kassa.catalog.catalogue.category.CategoryRepository;
import dev.kassa.catalog.catalogue.image.ProductImageService;
import dev.kassa.platform.error.FieldErrors;
import dev.kassa.platform.error.KassaException;
import dev.kassa.platform.events.OutboxPublisher;
import dev.kassa.platform.tenancy.Tenant;
import dev.kassa.platform.tenancy.TenantContext;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A product's life: created with its prices, inventory settings and first batch, changed, deleted or deactivated, and
 * read with its stock, batches and gallery. Its form's rules are {@link ProductRules}, the codes Kassa makes for it
 * {@link ProductCodes}.
 */
@NamedInterface("products")
@Service
public class ProductService {

    private final ProductRepository products;
    private final ProductRules rules;
    private final ProductCodes codes;
    private final CategoryRepository categories;
    private final OutboxPublisher outbox;
    private final OpeningStock openingStock;
    private final ProductSearchRepository search;
    private final ProductImageService images;
    private final ProductReadRepository pages;
    private final ProductShareService sharing;

    ProductService(
            ProductRepository products,
            ProductRules rules,
            ProductCodes codes,
            CategoryRepository categories,
            OutboxPublisher outbox,
            OpeningStock openingStock,
            ProductSearchRepository search,
            ProductImageService images,
            ProductReadRepository pages,
            ProductShareService sharing) {
        this.products = products;
        this.rules = rules;
        this.codes = codes;
        this.categories = categories;
        this.outbox = outbox;
        this.openingStock = openingStock;
        this.search = search;
        this.images = images;
        this.pages = pages;
        this.sharing = sharing;
    }

    /** Product, pricing, inventory settings and the first batch (with its receipt movement), all or nothing. */
    @Transactional
    public ProductView create(CreateProductRequest r) {
        return view(create(r, OpeningStock.Source.FORM));
    }

    /** As {@link #create(CreateProductRequest)}, the first batch's movement with {@code stockReason} ({@code import}). */
    Product create(CreateProductRequest r, OpeningStock.Source stockReason) {
        Created made = createAll(List.of(r), stockReason, true).get(0);
        if (made.refusal() != null) {
            throw made.refusal();
        }
        return products.findById(made.id()).orElseThrow();
    }

    /** What became of one form of {@link #createAll}: the new product's id, or why it was refused. */
    record Created(Long id, KassaException refusal) {}

    /**
     * New products from their forms, in their order, each as the product form makes one (a chunk of an imported file;
     * the form itself is a chunk of one): checked together, a form refused writing nothing and leaving the others, then
     * written a statement per table for all of them: the products, their first batches with their ledger movements
     * ({@code stockReason}) and {@code StockChanged}, and their {@code ProductCreated}. {@code write} false only checks
     * them (an import's dry run): the ids are then null.
     */
    List<Created> createAll(List<CreateProductRequest> forms, OpeningStock.Source stockReason, boolean write) {
        List<ProductRules.Checked> checked = rules.ofNew(forms);
        List<Created> made = new ArrayList<>(forms.size());
        List<Integer> passed = new ArrayList<>();
        for (int i = 0; i < forms.size(); i++) {
            made.add(new Created(null, checked.get(i).refusal()));
            if (checked.get(i).refusal() == null) {
                passed.add(i);
            }
        }
        if (!write || passed.isEmpty()) {
            return made;
        }
        Tenant tenant = TenantContext.require();
        List<ProductRow> rows = rows(forms, checked, passed, tenant);
        List<Long> ids = products.insert(rows);
        List<OpeningStock.Opening> openings = new ArrayList<>();
        List<Object> created = new ArrayList<>(rows.size());
        Map<Long, String> categoryNames = categoryNames(rows.stream()
                .map(ProductRow::categoryId)
                .filter(Objects::nonNull)
                .collect(Collectors.toSet()));
        for (int k = 0; k < passed.size(); k++) {
            CreateProductRequest r = forms.get(passed.get(k));
            ProductRules.Fields f = checked.get(passed.get(k)).fields();
            long id = ids.get(k);
            made.set(passed.get(k), new Created(id, null));
            if (f.initialQuantity().signum() > 0) {
                openings.add(new OpeningStock.Opening(
                        id,
                        r.batchNumber(),
                        f.initialQuantity(),
                        f.costPrice(),
                        r.expiryDate(),
                        rows.get(k).hazardous()));
            }
            created.add(productCreated(id, rows.get(k), categoryNames));
        }
        openingStock.open(openings, stockReason);
        outbox.publishAll(tenant.key(), created);
        return made;
    }

    /** The rows of the forms that {@code passed}, with the codes Kassa makes for those that give none. */
    private List<ProductRow> rows(
            List<CreateProductRequest> forms, List<ProductRules.Checked> checked, List<Integer> passed, Tenant tenant) {
        List<ProductCodes.Assigned> codesOf = codes.forNew(
                passed.stream()
                        .map(i -> new ProductCodes.Wanted(
                                forms.get(i).name().trim(),
                                checked.get(i).fields().sku(),
                                checked.get(i).fields().barcode()))
                        .toList(),
                tenant);
        List<ProductRow> rows = new ArrayList<>(passed.size());
        for (int k = 0; k < passed.size(); k++) {
            rows.add(row(forms.get(passed.get(k)), checked.get(passed.get(k)).fields(), codesOf.get(k)));
        }
        return rows;
    }

    /** A new product's row as a create writes it: its form's name, description and flags, its checked values, codes. */
    private static ProductRow row(CreateProductRequest r, ProductRules.Fields f, ProductCodes.Assigned c) {
        return new ProductRow(
                null,
                r.name().trim(),
                c.slug(),
                r.description() == null ? "" : r.description(),
                f.categoryId(),
                c.sku(),
                c.barcode(),
                f.unitId(),
                r.isActive() == null || r.isActive(),
                Boolean.TRUE.equals(r.isFeatured()),
                f.costPrice(),
                f.salePrice(),
                f.wholesalePrice(),
                f.taxRate(),
                f.minQuantity(),
                f.maxQuantity(),
                r.trackInventory() == null || r.trackInventory(),
                f.hazardous(),
                f.made(),
                null,
                null,
                null,
                null);
    }

    /** The event of a product created from its row ({@code categoryNames}: the names of the rows' categories). */
    private static ProductCreated productCreated(long id, ProductRow row, Map<Long, String> categoryNames) {
        return new ProductCreated(
                id,
                row.name(),
                row.sku(),
                row.barcode(),
                row.salePrice(),
                row.costPrice(),
                row.minQuantity(),
                row.maxQuantity(),
                row.isActive(),
                row.trackInventory(),
                row.categoryId(),
                row.categoryId() == null ? null : categoryNames.get(row.categoryId()));
    }

    /**
     * Updates a product (PATCH: what is given; PUT: name required too). Prices keep sale ≥ cost; codes stay unique;
     * an empty barcode gets a generated EAN-13. Stock is not changed here: receive batches or adjust instead.
     */
    @Transactional
    public ProductView update(long id, CreateProductRequest r, boolean partial) {
        Product p = change(products.findById(id).orElseThrow(CatalogErrors.NO_SUCH_PRODUCT::exception), r, partial);
        sharing.changedHere(id, r);
        return view(p);
    }

    /** Whether {@link #change} would take these changes (its rules' refusal thrown), without making them. */
    void checkChange(Product p, CreateProductRequest r) {
        rules.ofEdit(p, r, true);
    }

    /** As {@link #update}, on a product already read. */
    Product change(Product p, CreateProductRequest r, boolean partial) {
        ProductRules.Fields f = rules.ofEdit(p, r, partial);
        List<String> changed = new ArrayList<>();
        if (f.salePrice().compareTo(p.salePrice()) != 0) {
            changed.add("sale_price");
        }
        if (f.costPrice().compareTo(p.costPrice()) != 0) {
            changed.add("cost_price");
        }
        p.describe(
                r.name() != null ? r.name().trim() : p.name(),
                r.description() != null ? r.description() : p.description(),
                f.categoryId(),
                f.sku(),
                f.barcode(),
                f.unitId());
        p.pricing(f.costPrice(), f.salePrice(), f.wholesalePrice(), f.taxRate());
        p.inventory(
                f.minQuantity(),
                f.maxQuantity(),
                r.trackInventory() != null ? r.trackInventory() : p.trackInventory(),
                r.isFeatured() != null ? r.isFeatured() : p.isFeatured(),
                r.isActive() != null ? r.isActive() : p.isActive());
        p.handling(f.hazardous(), f.made());
        products.saveAndFlush(p);
        outbox.publish(TenantContext.require().key(), updated(p, changed));
        return p;
    }

    /** What a product's {@code ProductUpdated} says of it now, {@code changed} the prices that moved. */
    private ProductUpdated updated(Product p, List<String> changed) {
        return new ProductUpdated(
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
                List.copyOf(changed),
                p.categoryId(),
                p.categoryId() == null
                        ? null
                        : categoryNames(Set.of(p.categoryId())).get(p.categoryId()));
    }

    /**
     * Products' cost prices as goods received moved them (a purchase order's weighted average of the stock and what
     * came): each one that changed saved and announced ({@code ProductUpdated}, {@code cost_price} moved). Its sale price
     * stays: a cost is a fact the supplier sets, not a rule the form checks.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void costsFollowReceipts(Map<Long, BigDecimal> costs) {
        if (costs.isEmpty()) {
            return;
        }
        String store = TenantContext.require().key();
        for (Product p : products.findAllById(costs.keySet())) {
            BigDecimal cost = costs.get(p.id());
            if (cost.compareTo(p.costPrice()) != 0) {
                p.pricing(cost, p.salePrice(), p.wholesalePrice(), p.taxRate());
                products.saveAndFlush(p);
                outbox.publish(store, updated(p, List.of("cost_price")));
            }
        }
    }

    /** The names of categories by id, in one query (what products' events name them by). */
    private Map<Long, String> categoryNames(Set<Long> ids) {
        return ids.isEmpty()
                ? Map.of()
                : categories.findAllById(ids).stream().collect(Collectors.toMap(Category::id, Category::name));
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

    /**
     * The product's page, read in one statement; no transaction of its own (a product read is that one statement), the
     * caller's when it has one (a page answered after a change, which is flushed first).
     */
    public ProductView get(long id) {
        return view(
                pages.page(id, TenantContext.require().today()).orElseThrow(CatalogErrors.NO_SUCH_PRODUCT::exception));
    }

    /** What a scanned code names (a product's own code, an extra one, an active batch's), read with its page in one statement. */
    @NamedInterface("products")
    public record Scanned(ProductView product, String kind, Long batchId) {}

    public Optional<Scanned> scanned(String code) {
        return pages.scanned(code, TenantContext.require().today())
                .map(page -> new Scanned(view(page), page.matchedKind(), page.matchedBatch()));
    }

    private ProductView view(ProductReadRepository.Read page) {
        long id = page.product().id();
        return ProductView.of(
                page.product(),
                page.categoryName(),
                page.unitName(),
                page.unitShort(),
                page.level(),
                page.hasRecipe(),
                page.batches(),
                page.images().stream()
                        .map(i -> images.view(
                                i.id(), id, i.file(), i.altText(), i.order(), i.contentType(), i.size(), i.createdAt()))
                        .toList());
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

    /**
     * The product list with every filter of spec C10; {@code ordering} as the seed names it ({@code -sale_price}): its
     * count and its page, two statements, no transaction of their own.
     */
    public Page<ProductView> list(ProductFilter filter, String ordering, Pageable pageable) {
        return list(filter, ordering, pageable, false);
    }

    /** {@link #list(ProductFilter, String, Pageable)}; {@code parentsFirst}: variants after every other product (a file). */
    Page<ProductView> list(ProductFilter filter, String ordering, Pageable pageable, boolean parentsFirst) {
        String orderBy =
                (parentsFirst ? "p.variant_of nulls first, " : "") + ProductSearchRepository.ORDERING.orderBy(ordering);
        filter.validate();
        return pages.list(filter, orderBy, pageable, TenantContext.require().today())
                .map(this::view);
    }

    /** The products of these ids as the product endpoints show them, in the ids' order (a missing id is left out). */
    public List<ProductView> views(List<Long> ids) {
        return pages.byIds(ids, TenantContext.require().today()).stream()
                .map(this::view)
                .toList();
    }

    /** Products running low, their stock judged as their pages show it: two statements, no transaction of their own. */
    public Page<ProductView> lowStock(BigDecimal threshold, Pageable pageable) {
        if (threshold != null && threshold.signum() < 0) {
            throw FieldErrors.single("min_quantity", "validation.not_negative");
        }
        return pages.lowStock(threshold, pageable, TenantContext.require().today())
                .map(this::view);
    }

    /** The page of a product just made or changed: its changes flushed, then read as {@link #get} reads it. */
    private ProductView view(Product p) {
        products.flush();
        return get(p.id());
    }
}
