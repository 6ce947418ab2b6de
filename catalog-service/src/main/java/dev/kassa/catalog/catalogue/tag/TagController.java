package dev.kassa.catalog.catalogue.tag;

import dev.kassa.catalog.catalogue.tag.TagRepository.Tag;
import dev.kassa.platform.data.LikePatterns;
import dev.kassa.platform.security.Access;
import dev.kassa.platform.validation.Whole;
import dev.kassa.platform.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Tags (spec C32), and unlike the original, linked to products: {@code PUT products/{id}/tags/} and the {@code tag} list filter. */
@RestController
class TagController {

    record ProductTags(@NotNull List<Long> tags) {}

    private final TagService tags;

    TagController(TagService tags) {
        this.tags = tags;
    }

    @Operation(summary = "Tags: is_active, search over name and slug, ordering name, order, created_at")
    @GetMapping("/api/products/tags")
    @PreAuthorize(Access.READ_CATALOG)
    PageResponse<Tag> list(
            @RequestParam(name = "is_active", required = false) Boolean active,
            @RequestParam(required = false) String search,
            @RequestParam(required = false) String ordering,
            PageRequest page) {
        return PageResponse.of(
                tags.page(new TagRepository.Filter(active, LikePatterns.contains(search)), ordering, page), v -> v);
    }

    @Operation(summary = "One tag with the number of its products")
    @GetMapping("/api/products/tags/{id}")
    @PreAuthorize(Access.READ_CATALOG)
    Tag get(@PathVariable long id) {
        return tags.get(id);
    }

    @Operation(
            summary =
                    "Add a tag: {name, slug? (from the name), color? (#RRGGBB), icon?, description?, is_active?, order?}")
    @PostMapping("/api/products/tags")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(Access.EDIT_CATALOG)
    Tag create(@Validated(Whole.class) @RequestBody TagService.TagRequest r) {
        return tags.create(r);
    }

    @Operation(summary = "Replace a tag (name required)")
    @PutMapping("/api/products/tags/{id}")
    @PreAuthorize(Access.EDIT_CATALOG)
    Tag replace(@PathVariable long id, @Validated(Whole.class) @RequestBody TagService.TagRequest r) {
        return tags.update(id, r, false);
    }

    @Operation(summary = "Change some of a tag's fields")
    @PatchMapping("/api/products/tags/{id}")
    @PreAuthorize(Access.EDIT_CATALOG)
    Tag patch(@PathVariable long id, @Valid @RequestBody TagService.TagRequest r) {
        return tags.update(id, r, true);
    }

    @Operation(summary = "Delete a tag (owner only); products lose it")
    @DeleteMapping("/api/products/tags/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize(Access.DELETE_CATALOG)
    void delete(@PathVariable long id) {
        tags.delete(id);
    }

    @Operation(summary = "A product's tags")
    @GetMapping("/api/products/products/{id}/tags")
    @PreAuthorize(Access.READ_CATALOG)
    List<Tag> productTags(@PathVariable long id) {
        return tags.ofProduct(id);
    }

    @Operation(summary = "Set a product's tags: {\"tags\": [1, 2]}")
    @PutMapping("/api/products/products/{id}/tags")
    @PreAuthorize(Access.EDIT_CATALOG)
    List<Tag> setProductTags(@PathVariable long id, @Valid @RequestBody ProductTags r) {
        return tags.setOfProduct(id, r.tags());
    }
}
