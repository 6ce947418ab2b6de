package dev.kassa.catalog.catalogue.category;

import dev.kassa.catalog.catalogue.category.CategoryService.CategoryResponse;
import dev.kassa.platform.security.Access;
import dev.kassa.platform.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
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

import java.util.List;

/** The category tree (spec C2–C4): everyone reads; owners, managers and stockkeepers edit; only owners delete. */
@RestController
@RequestMapping("/api/products/categories")
class CategoryController {

    private final CategoryService categories;

    CategoryController(CategoryService categories) {
        this.categories = categories;
    }

    @Operation(
            summary =
                    "List categories: search, is_active, parent, root_only=true; ordered by order then name; paginated")
    @GetMapping
    @PreAuthorize(Access.READ_CATALOG)
    PageResponse<CategoryResponse> list(
            @RequestParam(required = false) String search,
            @RequestParam(name = "is_active", required = false) Boolean active,
            @RequestParam(required = false) Long parent,
            @RequestParam(name = "root_only", required = false) Boolean rootOnly,
            PageRequest page) {
        return PageResponse.of(
                categories.page(
                        search,
                        active,
                        parent,
                        Boolean.TRUE.equals(rootOnly),
                        page.withSort(Sort.by("sortOrder", "name"))),
                v -> v);
    }

    @Operation(summary = "Category detail with its parent's name and the number of children and products")
    @GetMapping("/{id}")
    @PreAuthorize(Access.READ_CATALOG)
    CategoryResponse get(@PathVariable long id) {
        return categories.get(id);
    }

    @Operation(summary = "Active child categories (not paginated)")
    @GetMapping("/{id}/children")
    @PreAuthorize(Access.READ_CATALOG)
    List<CategoryResponse> children(@PathVariable long id) {
        return categories.children(id);
    }

    @Operation(
            summary =
                    "Create a category (slug generated from the name when not given): {name, slug?, description?, parent?, order?, is_active?}")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(Access.EDIT_CATALOG)
    CategoryResponse create(@RequestBody CategoryService.CategoryRequest request) {
        return categories.create(request);
    }

    @Operation(summary = "Replace a category (name required); moving it under its own descendant is refused")
    @PutMapping("/{id}")
    @PreAuthorize(Access.EDIT_CATALOG)
    CategoryResponse replace(@PathVariable long id, @RequestBody CategoryService.CategoryRequest request) {
        return categories.update(id, request, false);
    }

    @Operation(summary = "Change some of a category's fields; a new name without a slug regenerates the slug")
    @PatchMapping("/{id}")
    @PreAuthorize(Access.EDIT_CATALOG)
    CategoryResponse patch(@PathVariable long id, @RequestBody CategoryService.CategoryRequest request) {
        return categories.update(id, request, true);
    }

    @Operation(summary = "Delete a category without subcategories (owner only); its products stay, without a category")
    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize(Access.DELETE_CATALOG)
    void delete(@PathVariable long id) {
        categories.delete(id);
    }
}
