package dev.kassa.catalog.catalogue.attribute;

import dev.kassa.platform.data.LikePatterns;
import dev.kassa.platform.security.Access;
import dev.kassa.platform.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The options of select attributes (spec C6), under the attribute tag. */
@RestController
@Tag(name = "attribute")
class AttributeValueController {

    private final AttributeValueService options;

    AttributeValueController(AttributeValueService options) {
        this.options = options;
    }

    @Operation(summary = "Add an option to a select attribute: {attribute, value, order?, is_active?}")
    @PostMapping("/api/products/attribute-values")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(Access.EDIT_CATALOG)
    AttributeValueRepository.Value addValue(@RequestBody AttributeValueService.ValueRequest r) {
        return options.addValue(r);
    }

    @Operation(
            summary = "Options of attributes, paginated: filters attribute, is_active; search over the value; "
                    + "ordering value, order, created_at (- for descending)")
    @GetMapping("/api/products/attribute-values")
    @PreAuthorize(Access.READ_CATALOG)
    PageResponse<AttributeValueRepository.Value> values(
            @RequestParam(required = false) Long attribute,
            @RequestParam(name = "is_active", required = false) Boolean active,
            @RequestParam(required = false) String search,
            @RequestParam(required = false) String ordering,
            PageRequest page) {
        return PageResponse.of(
                options.valuePage(
                        new AttributeValueRepository.ValueFilter(attribute, active, LikePatterns.contains(search)),
                        ordering,
                        page),
                v -> v);
    }

    @Operation(summary = "One option of an attribute")
    @GetMapping("/api/products/attribute-values/{id}")
    @PreAuthorize(Access.READ_CATALOG)
    AttributeValueRepository.Value value(@PathVariable long id) {
        return options.value(id);
    }

    @Operation(
            summary =
                    "Change an option: {value, order?, is_active?} (PUT: value required; PATCH: what is given); it stays with its attribute")
    @RequestMapping(
            value = "/api/products/attribute-values/{id}",
            method = {RequestMethod.PUT, RequestMethod.PATCH})
    @PreAuthorize(Access.EDIT_CATALOG)
    AttributeValueRepository.Value updateValue(
            @PathVariable long id, @RequestBody AttributeValueService.ValueRequest r, HttpServletRequest http) {
        return options.updateValue(id, r, "PUT".equals(http.getMethod()));
    }

    @Operation(summary = "Remove an option (owner only)")
    @DeleteMapping("/api/products/attribute-values/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize(Access.DELETE_CATALOG)
    void deleteValue(@PathVariable long id) {
        options.deleteValue(id);
    }
}
