package dev.kassa.catalog.category;

import dev.kassa.platform.error.FieldErrors;
import dev.kassa.platform.error.KassaException;
import dev.kassa.platform.security.Access;
import dev.kassa.platform.web.PageRequests;
import dev.kassa.platform.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.UUID;

@RestController
@RequestMapping("/api/products/categories")
class CategoryController {

    record CreateCategoryRequest(String name, String slug, String description, Long parent, Integer order, Boolean isActive) { }

    record CategoryResponse(Long id, String name, String slug, String description, Long parent, int order, boolean isActive,
                            Instant createdAt, Instant updatedAt) {
        static CategoryResponse from(Category c) {
            return new CategoryResponse(c.id(), c.name(), c.slug(), c.description(), c.parentId(), c.sortOrder(), c.isActive(),
                    c.createdAt(), c.updatedAt());
        }
    }

    private final CategoryRepository categories;

    CategoryController(CategoryRepository categories) {
        this.categories = categories;
    }

    @Operation(summary = "List categories (search, is_active, parent; paginated)")
    @GetMapping
    @PreAuthorize(Access.READ_CATALOG)
    PageResponse<CategoryResponse> list(@RequestParam(required = false) String search, @RequestParam(name = "is_active", required = false) Boolean active,
                                        @RequestParam(required = false) Long parent, @RequestParam(required = false) String page,
                                        @RequestParam(name = "page_size", required = false) String pageSize) {
        return PageResponse.of(categories.search(blankToNull(search), active, parent,
                PageRequests.of(page, pageSize, Sort.by("sortOrder", "name"))), CategoryResponse::from);
    }

    @Operation(summary = "Category detail")
    @GetMapping("/{id}")
    @PreAuthorize(Access.READ_CATALOG)
    CategoryResponse get(@PathVariable long id) {
        return categories.findById(id).map(CategoryResponse::from).orElseThrow(() -> KassaException.notFound("catalog.category_unknown"));
    }

    @Operation(summary = "Create a category (slug generated from the name when not given)")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(Access.EDIT_CATALOG)
    @Transactional
    CategoryResponse create(@RequestBody CreateCategoryRequest request) {
        FieldErrors errors = new FieldErrors();
        if (request.name() == null || request.name().isBlank()) {
            errors.add("name", "validation.required");
        } else if (request.name().length() > 200) {
            errors.add("name", "validation.max_length", 200);
        }
        if (request.parent() != null && !categories.existsById(request.parent())) {
            errors.add("parent", "catalog.category_unknown");
        }
        String slug = request.slug() == null || request.slug().isBlank() ? null : Slugify.of(request.slug());
        if (slug != null && (slug.isEmpty() || categories.existsBySlug(slug))) {
            errors.add("slug", "catalog.category_slug_taken");
        }
        errors.throwIfAny();
        if (slug == null) {
            String base = Slugify.of(request.name());
            slug = base.isEmpty() ? "category-" + shortId() : base;
            while (categories.existsBySlug(slug)) {
                slug = base + "-" + shortId();
            }
        }
        Category saved = categories.save(new Category(request.name().trim(), slug, request.description(), request.parent(),
                request.order() == null ? 0 : request.order(), request.isActive() == null || request.isActive()));
        return CategoryResponse.from(saved);
    }

    private static String shortId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
