package dev.kassa.catalog.catalogue.attribute;

import dev.kassa.platform.data.LikePatterns;
import dev.kassa.platform.security.Access;
import dev.kassa.platform.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
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

/** Attributes (spec C5); their options, their use by categories and products' values have controllers of their own. */
@RestController
@Tag(name = "attribute")
class AttributeController {

    private final AttributeService attributes;

    AttributeController(AttributeService attributes) {
        this.attributes = attributes;
    }

    @Operation(
            summary =
                    "Attributes with their options: filters type, is_filterable, is_active; search over name and description")
    @GetMapping("/api/products/attributes")
    @PreAuthorize(Access.READ_CATALOG)
    PageResponse<AttributeRepository.Attribute> list(
            @RequestParam(required = false) String type,
            @RequestParam(name = "is_filterable", required = false) Boolean filterable,
            @RequestParam(name = "is_active", required = false) Boolean active,
            @RequestParam(required = false) String search,
            PageRequest page) {
        return PageResponse.of(
                attributes.page(
                        new AttributeRepository.Filter(type, filterable, active, LikePatterns.contains(search)), page),
                v -> v);
    }

    @Operation(summary = "One attribute with its options")
    @GetMapping("/api/products/attributes/{id}")
    @PreAuthorize(Access.READ_CATALOG)
    AttributeRepository.Attribute get(@PathVariable long id) {
        return attributes.get(id);
    }

    @Operation(
            summary =
                    "Add an attribute: {name, slug?, type (text, number, select, multiselect, boolean), description?, is_required?, "
                            + "is_filterable?, order?, is_active?}")
    @PostMapping("/api/products/attributes")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(Access.EDIT_CATALOG)
    AttributeRepository.Attribute create(@RequestBody AttributeService.AttributeRequest r) {
        return attributes.create(r);
    }

    @Operation(summary = "Change an attribute's description, flags or order (its type is fixed once values exist)")
    @PatchMapping("/api/products/attributes/{id}")
    @PreAuthorize(Access.EDIT_CATALOG)
    AttributeRepository.Attribute update(@PathVariable long id, @RequestBody AttributeService.AttributeRequest r) {
        return attributes.update(id, r, false);
    }

    @Operation(
            summary =
                    "Replace an attribute (name required; what is not given keeps its value; the type is fixed once values exist)")
    @PutMapping("/api/products/attributes/{id}")
    @PreAuthorize(Access.EDIT_CATALOG)
    AttributeRepository.Attribute replace(@PathVariable long id, @RequestBody AttributeService.AttributeRequest r) {
        return attributes.update(id, r, true);
    }

    @Operation(summary = "Delete an attribute with its options and product values (owner only)")
    @DeleteMapping("/api/products/attributes/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize(Access.DELETE_CATALOG)
    void delete(@PathVariable long id) {
        attributes.delete(id);
    }
}
