package dev.kassa.catalog.attribute;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.kassa.platform.data.LikePatterns;
import dev.kassa.platform.error.FieldErrors;
import dev.kassa.platform.error.KassaException;
import dev.kassa.platform.error.Messages;
import dev.kassa.platform.security.Access;
import dev.kassa.platform.web.PageResponse;
import dev.kassa.platform.web.Success;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Attributes, their options, which categories use them, and products' values (spec C5–C9, C20). Unlike the
 * original, a product's value must match the attribute's type, and a select option must belong to the attribute.
 */
@RestController
class AttributeController {

    record BindingRequest(Long category, Long attribute, Boolean isRequired, Boolean isVariant, Integer order) {}

    record BulkRequest(Long category, List<AttributeService.Binding> attributes) {}

    /** An attribute bulk_create could not add, with why ({@code attribute} is its id as a string). */
    record Refusal(String attribute, Map<String, List<String>> errors) {}

    /**
     * bulk_create's answer: {@code success} with the bindings in {@code data} (201), or {@code partial_success} with the
     * bindings in {@code created} and the refusals in {@code errors} (207).
     */
    record BulkResult(
            String status,
            String message,
            @JsonInclude(JsonInclude.Include.NON_NULL) List<AttributeRepository.CategoryAttribute> data,
            @JsonInclude(JsonInclude.Include.NON_NULL) List<AttributeRepository.CategoryAttribute> created,
            @JsonInclude(JsonInclude.Include.NON_NULL) List<Refusal> errors) {}

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
        Pageable p = page;
        return PageResponse.of(
                attributes.page(
                        new AttributeRepository.Filter(type, filterable, active, LikePatterns.contains(search)), p),
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

    @Operation(summary = "Add an option to a select attribute: {attribute, value, order?, is_active?}")
    @PostMapping("/api/products/attribute-values")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(Access.EDIT_CATALOG)
    AttributeRepository.Value addValue(@RequestBody AttributeService.ValueRequest r) {
        return attributes.addValue(r);
    }

    @Operation(
            summary = "Options of attributes, paginated: filters attribute, is_active; search over the value; "
                    + "ordering value, order, created_at (- for descending)")
    @GetMapping("/api/products/attribute-values")
    @PreAuthorize(Access.READ_CATALOG)
    PageResponse<AttributeRepository.Value> values(
            @RequestParam(required = false) Long attribute,
            @RequestParam(name = "is_active", required = false) Boolean active,
            @RequestParam(required = false) String search,
            @RequestParam(required = false) String ordering,
            PageRequest page) {
        Pageable p = page;
        return PageResponse.of(
                attributes.valuePage(
                        new AttributeRepository.ValueFilter(attribute, active, LikePatterns.contains(search)),
                        ordering,
                        p),
                v -> v);
    }

    @Operation(summary = "One option of an attribute")
    @GetMapping("/api/products/attribute-values/{id}")
    @PreAuthorize(Access.READ_CATALOG)
    AttributeRepository.Value value(@PathVariable long id) {
        return attributes.value(id);
    }

    @Operation(
            summary =
                    "Change an option: {value, order?, is_active?} (PUT: value required; PATCH: what is given); it stays with its attribute")
    @RequestMapping(
            value = "/api/products/attribute-values/{id}",
            method = {RequestMethod.PUT, RequestMethod.PATCH})
    @PreAuthorize(Access.EDIT_CATALOG)
    AttributeRepository.Value updateValue(
            @PathVariable long id, @RequestBody AttributeService.ValueRequest r, HttpServletRequest http) {
        return attributes.updateValue(id, r, "PUT".equals(http.getMethod()));
    }

    @Operation(summary = "Remove an option (owner only)")
    @DeleteMapping("/api/products/attribute-values/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize(Access.DELETE_CATALOG)
    void deleteValue(@PathVariable long id) {
        attributes.deleteValue(id);
    }

    @Operation(summary = "Use an attribute in a category: {category, attribute, is_required?, is_variant?, order?}")
    @PostMapping("/api/products/category-attributes")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(Access.EDIT_CATALOG)
    AttributeRepository.CategoryAttribute bind(@Valid @RequestBody BindingRequest r) {
        return attributes.bind(
                r.category(), new AttributeService.Binding(r.attribute(), r.isRequired(), r.isVariant(), r.order()));
    }

    @Operation(
            summary =
                    "Use several attributes in a category at once: 201 when all were added, 207 with the refusals otherwise")
    @PostMapping("/api/products/category-attributes/bulk_create")
    @PreAuthorize(Access.EDIT_CATALOG)
    ResponseEntity<BulkResult> bulk(@Valid @RequestBody BulkRequest r) {
        if (r.category() == null) {
            throw FieldErrors.single("category", "validation.required");
        }
        if (r.attributes() == null || r.attributes().isEmpty()) {
            throw FieldErrors.single("attributes", "validation.required");
        }
        List<AttributeRepository.CategoryAttribute> created = new ArrayList<>();
        List<Refusal> refused = new ArrayList<>();
        for (AttributeService.Binding b : r.attributes()) {
            try {
                created.add(attributes.bind(r.category(), b));
            } catch (KassaException e) {
                if (e.status() == 404 && "category_not_found".equals(e.code())) {
                    throw e;
                }
                refused.add(new Refusal(
                        String.valueOf(b == null ? null : b.attribute()),
                        e.fieldErrors().isEmpty()
                                ? Map.of("attribute", List.of(Messages.get(e.messageKey())))
                                : e.fieldErrors()));
            }
        }
        if (refused.isEmpty()) {
            return ResponseEntity.status(201)
                    .body(new BulkResult(
                            "success", Messages.get("catalog.attributes_added", created.size()), created, null, null));
        }
        return ResponseEntity.status(207)
                .body(new BulkResult(
                        "partial_success", Messages.get("catalog.attributes_partly_added"), null, created, refused));
    }

    @Operation(
            summary = "Categories' attributes, paginated: filters category, attribute, is_required, is_variant; "
                    + "ordering order, created_at (- for descending)")
    @GetMapping("/api/products/category-attributes")
    @PreAuthorize(Access.READ_CATALOG)
    PageResponse<AttributeRepository.CategoryAttribute> bindings(
            @RequestParam(required = false) Long category,
            @RequestParam(required = false) Long attribute,
            @RequestParam(name = "is_required", required = false) Boolean required,
            @RequestParam(name = "is_variant", required = false) Boolean variant,
            @RequestParam(required = false) String ordering,
            PageRequest page) {
        Pageable p = page;
        return PageResponse.of(
                attributes.bindingPage(
                        new AttributeRepository.BindingFilter(category, attribute, required, variant), ordering, p),
                v -> v);
    }

    @Operation(summary = "How a category uses an attribute, with the attribute whole (its options included)")
    @GetMapping("/api/products/category-attributes/{id}")
    @PreAuthorize(Access.READ_CATALOG)
    AttributeRepository.CategoryAttributeDetail binding(@PathVariable long id) {
        return attributes.bindingDetail(id);
    }

    @Operation(summary = "The attributes a category uses: ?category_id=")
    @GetMapping("/api/products/category-attributes/by_category")
    @PreAuthorize(Access.READ_CATALOG)
    Success<List<AttributeRepository.CategoryAttribute>> byCategory(
            @RequestParam(name = "category_id", required = false) Long category) {
        if (category == null) {
            throw FieldErrors.single("category_id", "validation.required");
        }
        return Success.of(attributes.bindingsOf(category));
    }

    @Operation(
            summary =
                    "Change how a category uses an attribute: {category, attribute, is_required?, is_variant?, order?} "
                            + "(PUT: category and attribute required, as on create; PATCH: what is given); a pair already bound is a 400")
    @RequestMapping(
            value = "/api/products/category-attributes/{id}",
            method = {RequestMethod.PUT, RequestMethod.PATCH})
    @PreAuthorize(Access.EDIT_CATALOG)
    AttributeRepository.CategoryAttribute updateBinding(
            @PathVariable long id, @Valid @RequestBody BindingRequest r, HttpServletRequest http) {
        return attributes.updateBinding(
                id,
                r.category(),
                new AttributeService.Binding(r.attribute(), r.isRequired(), r.isVariant(), r.order()),
                "PUT".equals(http.getMethod()));
    }

    @Operation(summary = "Stop using an attribute in a category")
    @DeleteMapping("/api/products/category-attributes/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize(Access.EDIT_CATALOG)
    void unbind(@PathVariable long id) {
        attributes.unbind(id);
    }

    @Operation(
            summary =
                    "Set a product's value of an attribute, checked against its type: {attribute, value_text | value_number | "
                            + "value_boolean | value_option}; setting it again replaces it")
    @PostMapping("/api/products/products/{id}/add_attribute")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(Access.EDIT_CATALOG)
    AttributeRepository.ProductValue setValue(
            @PathVariable long id, @Valid @RequestBody AttributeService.ProductValueRequest r) {
        return attributes.setValue(id, r);
    }

    @Operation(summary = "A product's attribute values")
    @GetMapping("/api/products/products/{id}/attributes")
    @PreAuthorize(Access.READ_CATALOG)
    List<AttributeRepository.ProductValue> values(@PathVariable long id) {
        return attributes.productValues(id);
    }
}
