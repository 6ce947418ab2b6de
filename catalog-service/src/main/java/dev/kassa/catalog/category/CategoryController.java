package dev.kassa.catalog.category;

import dev.kassa.catalog.CatalogErrors;
import dev.kassa.catalog.product.ProductService;
import dev.kassa.catalog.product.ProductView;
import dev.kassa.platform.error.FieldErrors;
import dev.kassa.platform.security.Access;
import dev.kassa.platform.web.PageRequests;
import dev.kassa.platform.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The category tree (spec C2–C4): everyone reads; owners, managers and stockkeepers edit; only owners delete. */
@RestController
@RequestMapping("/api/products/categories")
class CategoryController {

    record CategoryRequest(String name, String slug, String description, Long parent, Integer order, Boolean isActive) { }

    record CategoryResponse(Long id, String name, String slug, String description, Long parent, String parentName, int order, boolean isActive,
                            long childrenCount, long productsCount, Instant createdAt, Instant updatedAt) { }

    private final CategoryRepository categories;
    private final ProductService products;
    private final JdbcTemplate jdbc;

    CategoryController(CategoryRepository categories, ProductService products, JdbcTemplate jdbc) {
        this.categories = categories;
        this.products = products;
        this.jdbc = jdbc;
    }

    @Operation(summary = "List categories: search, is_active, parent, root_only=true; ordered by order then name; paginated")
    @GetMapping
    @PreAuthorize(Access.READ_CATALOG)
    @Transactional(readOnly = true)
    PageResponse<CategoryResponse> list(@RequestParam(required = false) String search, @RequestParam(name = "is_active", required = false) Boolean active,
                                        @RequestParam(required = false) Long parent, @RequestParam(name = "root_only", required = false) Boolean rootOnly,
                                        @RequestParam(required = false) String page, @RequestParam(name = "page_size", required = false) String pageSize) {
        Page<Category> found = categories.search(dev.kassa.platform.data.LikePatterns.contains(search), active, parent, Boolean.TRUE.equals(rootOnly),
                PageRequests.of(page, pageSize, Sort.by("sortOrder", "name")));
        Map<Long, long[]> counts = counts(found.map(Category::id).toList());
        Map<Long, String> names = names(found.stream().map(Category::parentId).filter(java.util.Objects::nonNull).distinct().toList());
        return PageResponse.of(found, c -> response(c, counts, names));
    }

    @Operation(summary = "Category detail with its parent's name and the number of children and products")
    @GetMapping("/{id}")
    @PreAuthorize(Access.READ_CATALOG)
    @Transactional(readOnly = true)
    CategoryResponse get(@PathVariable long id) {
        return one(find(id));
    }

    @Operation(summary = "Active child categories (not paginated)")
    @GetMapping("/{id}/children")
    @PreAuthorize(Access.READ_CATALOG)
    @Transactional(readOnly = true)
    List<CategoryResponse> children(@PathVariable long id) {
        find(id);
        List<Category> children = categories.findByParentIdAndIsActiveTrueOrderBySortOrderAscNameAsc(id);
        Map<Long, long[]> counts = counts(children.stream().map(Category::id).toList());
        Map<Long, String> names = names(List.of(id));
        return children.stream().map(c -> response(c, counts, names)).toList();
    }

    @Operation(summary = "Active products of a category; paginated")
    @GetMapping("/{id}/products")
    @PreAuthorize(Access.READ_CATALOG)
    PageResponse<ProductView> products(@PathVariable long id, @RequestParam(required = false) String page,
                                       @RequestParam(name = "page_size", required = false) String pageSize) {
        if (!categories.existsById(id)) {
            throw CatalogErrors.NO_SUCH_CATEGORY.exception();
        }
        return PageResponse.of(products.list(null, id, true, PageRequests.of(page, pageSize, Sort.by("name").and(Sort.by("id")))), v -> v);
    }

    @Operation(summary = "Create a category (slug generated from the name when not given): {name, slug?, description?, parent?, order?, is_active?}")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @io.swagger.v3.oas.annotations.media.Content(mediaType = "application/json",
            examples = @io.swagger.v3.oas.annotations.media.ExampleObject(name = "category", value = "{\"name\": \"Смартфоны\", \"parent\": 14, \"order\": 1}")))
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(Access.EDIT_CATALOG)
    @Transactional
    CategoryResponse create(@RequestBody CategoryRequest request) {
        FieldErrors errors = new FieldErrors();
        errors.required("name", request.name(), 200);
        if (request.parent() != null && !categories.existsById(request.parent())) {
            errors.add("parent", "catalog.category_unknown");
        }
        String slug = request.slug() == null || request.slug().isBlank() ? null : Slugify.of(request.slug());
        if (slug != null && (slug.isEmpty() || categories.existsBySlug(slug))) {
            errors.add("slug", "catalog.category_slug_taken");
        }
        errors.throwIfAny();
        Category saved = categories.save(new Category(request.name().trim(), slug != null ? slug : uniqueSlug(request.name()), request.description(),
                request.parent(), request.order() == null ? 0 : request.order(), request.isActive() == null || request.isActive()));
        return one(saved);
    }

    @Operation(summary = "Replace a category (name required); moving it under its own descendant is refused")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @io.swagger.v3.oas.annotations.media.Content(mediaType = "application/json",
            examples = @io.swagger.v3.oas.annotations.media.ExampleObject(name = "category", value = "{\"name\": \"Смартфоны и планшеты\", \"parent\": 14}")))
    @PutMapping("/{id}")
    @PreAuthorize(Access.EDIT_CATALOG)
    @Transactional
    CategoryResponse replace(@PathVariable long id, @RequestBody CategoryRequest request) {
        return update(id, request, false);
    }

    @Operation(summary = "Change some of a category's fields; a new name without a slug regenerates the slug")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @io.swagger.v3.oas.annotations.media.Content(mediaType = "application/json",
            examples = @io.swagger.v3.oas.annotations.media.ExampleObject(name = "move", value = "{\"parent\": 14}")))
    @PatchMapping("/{id}")
    @PreAuthorize(Access.EDIT_CATALOG)
    @Transactional
    CategoryResponse patch(@PathVariable long id, @RequestBody CategoryRequest request) {
        return update(id, request, true);
    }

    @Operation(summary = "Delete a category without subcategories (owner only); its products stay, without a category")
    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize(Access.DELETE_CATALOG)
    @Transactional
    void delete(@PathVariable long id) {
        find(id);
        if (categories.existsByParentId(id)) {
            throw CatalogErrors.CATEGORY_HAS_CHILDREN.exception();
        }
        categories.deleteById(id);
    }

    private CategoryResponse update(long id, CategoryRequest r, boolean partial) {
        Category c = find(id);
        FieldErrors errors = new FieldErrors();
        if (!partial || r.name() != null) {
            errors.required("name", r.name(), 200);
        }
        Long parent = r.parent() != null || !partial ? r.parent() : c.parentId();
        if (parent != null) {
            if (!categories.existsById(parent)) {
                errors.add("parent", "catalog.category_unknown");
            } else if (isSelfOrDescendant(id, parent)) {
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
        c.update(name, slug != null ? slug : uniqueSlug(name), r.description() != null ? r.description() : partial ? c.description() : "", parent,
                r.order() != null ? r.order() : partial ? c.sortOrder() : 0, r.isActive() != null ? r.isActive() : !partial || c.isActive());
        return one(categories.saveAndFlush(c));
    }

    private boolean isSelfOrDescendant(long id, long candidate) {
        return Boolean.TRUE.equals(jdbc.queryForObject("""
                with recursive tree(id) as (select ?::bigint union select c.id from categories c join tree t on c.parent_id = t.id)
                select exists (select 1 from tree where id = ?)
                """, Boolean.class, id, candidate));
    }

    private Category find(long id) {
        return categories.findById(id).orElseThrow(() -> CatalogErrors.NO_SUCH_CATEGORY.exception());
    }

    private CategoryResponse one(Category c) {
        return response(c, counts(List.of(c.id())), names(c.parentId() == null ? List.of() : List.of(c.parentId())));
    }

    private static CategoryResponse response(Category c, Map<Long, long[]> counts, Map<Long, String> names) {
        long[] n = counts.getOrDefault(c.id(), new long[2]);
        return new CategoryResponse(c.id(), c.name(), c.slug(), c.description(), c.parentId(), names.get(c.parentId()), c.sortOrder(),
                c.isActive(), n[0], n[1], c.createdAt(), c.updatedAt());
    }

    /** Children and products per category, for a page in two queries. */
    private Map<Long, long[]> counts(List<Long> ids) {
        Map<Long, long[]> counts = new HashMap<>();
        if (ids.isEmpty()) {
            return counts;
        }
        Object array = ids.toArray(Long[]::new);
        jdbc.query("select parent_id, count(*) from categories where parent_id = any(?) group by parent_id",
                rs -> { counts.computeIfAbsent(rs.getLong(1), k -> new long[2])[0] = rs.getLong(2); }, array);
        jdbc.query("select category_id, count(*) from products where category_id = any(?) group by category_id",
                rs -> { counts.computeIfAbsent(rs.getLong(1), k -> new long[2])[1] = rs.getLong(2); }, array);
        return counts;
    }

    private Map<Long, String> names(List<Long> ids) {
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

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
