package dev.kassa.catalog.catalogue.category;

import dev.kassa.catalog.CatalogErrors;
import dev.kassa.catalog.catalogue.entry.Slugify;
import dev.kassa.platform.data.LikePatterns;
import dev.kassa.platform.error.FieldErrors;
import dev.kassa.platform.validation.DomainValidated;
import dev.kassa.platform.validation.PrintableText;
import dev.kassa.platform.validation.RequestRules;
import jakarta.validation.constraints.Size;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * The category tree (spec C2–C4): slugs unique in the store (made from the name when not given), no category under its
 * own descendant, no deleting a category that has subcategories (its products stay, without a category).
 */
@Service
@Transactional
public class CategoryService {

    /** A category's fields; its name is required in the end, its slug and parent are checked against the store's. */
    @DomainValidated
    record CategoryRequest(
            @Size(max = 200) @PrintableText String name,
            @Size(max = 200) String slug,
            @PrintableText(multiline = true) String description,
            Long parent,
            Integer order,
            Boolean isActive) {}

    /** A category with its parent's name and how many children and products it has. */
    record CategoryResponse(
            Long id,
            String name,
            String slug,
            String description,
            Long parent,
            String parentName,
            int order,
            boolean isActive,
            long childrenCount,
            long productsCount,
            Instant createdAt,
            Instant updatedAt) {}

    private final CategoryRepository categories;
    private final ProductCounts products;
    private final RequestRules rules;

    CategoryService(CategoryRepository categories, ProductCounts products, RequestRules rules) {
        this.categories = categories;
        this.products = products;
        this.rules = rules;
    }

    /** Ordered by order then name; a page's counts and parents' names are read in three queries whatever its size. */
    @Transactional(readOnly = true)
    Page<CategoryResponse> page(String search, Boolean active, Long parent, boolean rootOnly, Pageable pageable) {
        Page<Category> found = categories.search(LikePatterns.contains(search), active, parent, rootOnly, pageable);
        return found.map(responses(found.getContent()));
    }

    @Transactional(readOnly = true)
    CategoryResponse get(long id) {
        return one(find(id));
    }

    /** The active children of a category, in order. */
    @Transactional(readOnly = true)
    List<CategoryResponse> children(long id) {
        find(id);
        List<Category> children = categories.findByParentIdAndIsActiveTrueOrderBySortOrderAscNameAsc(id);
        return children.stream().map(responses(children)).toList();
    }

    CategoryResponse create(CategoryRequest request) {
        FieldErrors errors = rules.check(request);
        errors.required("name", request.name());
        if (request.parent() != null && !categories.existsById(request.parent())) {
            errors.add("parent", "catalog.category_unknown");
        }
        String slug = request.slug() == null || request.slug().isBlank() ? null : Slugify.of(request.slug());
        if (slug != null && (slug.isEmpty() || categories.existsBySlug(slug))) {
            errors.add("slug", "catalog.category_slug_taken");
        }
        errors.throwIfAny();
        Category saved = categories.save(new Category(
                request.name().trim(),
                slug != null ? slug : uniqueSlug(request.name()),
                request.description(),
                request.parent(),
                request.order() == null ? 0 : request.order(),
                request.isActive() == null || request.isActive()));
        return one(saved);
    }

    /**
     * The category of this name whatever its case (the first), made active at the top of the tree when the store has
     * none: an imported spreadsheet names categories by name.
     */
    public long named(String name) {
        return categories
                .findFirstByNameIgnoreCaseOrderById(name)
                .map(Category::id)
                .orElseGet(() -> create(new CategoryRequest(name, null, "", null, 0, true))
                        .id());
    }

    /** The id of the category of this name, if the store has one. */
    @Transactional(readOnly = true)
    public Optional<Long> find(String name) {
        return categories.findFirstByNameIgnoreCaseOrderById(name).map(Category::id);
    }

    /** PUT ({@code partial} false: what is not sent is cleared) or PATCH; a new name without a slug makes a new slug. */
    CategoryResponse update(long id, CategoryRequest r, boolean partial) {
        Category c = find(id);
        FieldErrors errors = rules.check(r);
        if (!partial || r.name() != null) {
            errors.required("name", r.name());
        }
        Long parent = r.parent() != null || !partial ? r.parent() : c.parentId();
        if (parent != null) {
            if (!categories.existsById(parent)) {
                errors.add("parent", "catalog.category_unknown");
            } else if (categories.isSelfOrDescendant(id, parent)) {
                errors.add("parent", "catalog.category_cycle");
            }
        }
        String name = r.name() != null ? r.name().trim() : c.name();
        String slug = c.slug();
        if (r.slug() != null && !r.slug().isBlank()) {
            slug = Slugify.of(r.slug());
            if (slug.isEmpty() || !slug.equals(c.slug()) && categories.existsBySlug(slug)) {
                errors.add("slug", "catalog.category_slug_taken");
            }
        } else if (!name.equals(c.name())) {
            slug = null;
        }
        errors.throwIfAny();
        c.update(
                name,
                slug != null ? slug : uniqueSlug(name),
                r.description() != null ? r.description() : partial ? c.description() : "",
                parent,
                r.order() != null ? r.order() : partial ? c.sortOrder() : 0,
                r.isActive() != null ? r.isActive() : !partial || c.isActive());
        return one(categories.saveAndFlush(c));
    }

    void delete(long id) {
        find(id);
        if (categories.existsByParentId(id)) {
            throw CatalogErrors.CATEGORY_HAS_CHILDREN.exception();
        }
        categories.deleteById(id);
    }

    private Category find(long id) {
        return categories.findById(id).orElseThrow(() -> CatalogErrors.NO_SUCH_CATEGORY.exception());
    }

    /** These categories as the category endpoints show them, in the order of {@code ids} (missing ones left out). */
    @Transactional(readOnly = true)
    List<CategoryResponse> views(List<Long> ids) {
        Map<Long, Category> byId = new HashMap<>();
        categories.findAllById(ids).forEach(c -> byId.put(c.id(), c));
        List<Category> found =
                ids.stream().map(byId::get).filter(Objects::nonNull).toList();
        Function<Category, CategoryResponse> response = responses(found);
        return found.stream().map(response).toList();
    }

    private CategoryResponse one(Category c) {
        return responses(List.of(c)).apply(c);
    }

    private Function<Category, CategoryResponse> responses(List<Category> shown) {
        List<Long> ids = shown.stream().map(Category::id).toList();
        Map<Long, Long> children = new HashMap<>();
        Map<Long, Long> productCounts = ids.isEmpty() ? Map.of() : products.byCategory(ids);
        if (!ids.isEmpty()) {
            categories.childCounts(ids).forEach(row -> children.put((Long) row[0], (Long) row[1]));
        }
        Map<Long, String> names = names(shown.stream()
                .map(Category::parentId)
                .filter(Objects::nonNull)
                .distinct()
                .toList());
        return c -> new CategoryResponse(
                c.id(),
                c.name(),
                c.slug(),
                c.description(),
                c.parentId(),
                names.get(c.parentId()),
                c.sortOrder(),
                c.isActive(),
                children.getOrDefault(c.id(), 0L),
                productCounts.getOrDefault(c.id(), 0L),
                c.createdAt(),
                c.updatedAt());
    }

    private Map<Long, String> names(Collection<Long> ids) {
        Map<Long, String> names = new HashMap<>();
        categories.findAllById(ids).forEach(c -> names.put(c.id(), c.name()));
        return names;
    }

    private String uniqueSlug(String name) {
        String base = Slugify.of(name);
        String slug = base.isEmpty() ? "category-" + shortId() : base;
        while (categories.existsBySlug(slug)) {
            slug = base + "-" + shortId();
        }
        return slug;
    }

    private static String shortId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
