package dev.kassa.catalog.catalogue.attribute;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.kassa.platform.error.KassaException;
import dev.kassa.platform.error.Messages;
import dev.kassa.platform.security.Access;
import dev.kassa.platform.validation.Required;
import dev.kassa.platform.validation.Whole;
import dev.kassa.platform.web.PageResponse;
import dev.kassa.platform.web.Success;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
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

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Which attributes each category uses (spec C7), under the attribute tag. */
@RestController
@Tag(name = "attribute")
class CategoryAttributeController {

    /** A binding's fields: a create and a PUT name its category and attribute, a PATCH what it changes. */
    record BindingRequest(
            @Required(groups = Whole.class) Long category,
            @Required(groups = Whole.class) Long attribute,
            Boolean isRequired,
            Boolean isVariant,
            Integer order) {
        CategoryAttributeService.Binding binding() {
            return new CategoryAttributeService.Binding(attribute, isRequired, isVariant, order);
        }
    }

    record BulkRequest(@Required Long category, @NotEmpty List<CategoryAttributeService.Binding> attributes) {}

    /** An attribute bulk_create could not add, with why ({@code attribute} is its id as a string). */
    record Refusal(String attribute, Map<String, List<String>> errors) {}

    /**
     * bulk_create's answer: {@code success} with the bindings in {@code data} (201), or {@code partial_success} with the
     * bindings in {@code created} and the refusals in {@code errors} (207).
     */
    record BulkResult(
            String status,
            String message,
            @JsonInclude(JsonInclude.Include.NON_NULL) List<CategoryAttributeRepository.CategoryAttribute> data,
            @JsonInclude(JsonInclude.Include.NON_NULL) List<CategoryAttributeRepository.CategoryAttribute> created,
            @JsonInclude(JsonInclude.Include.NON_NULL) List<Refusal> errors) {}

    private final CategoryAttributeService bindings;

    CategoryAttributeController(CategoryAttributeService bindings) {
        this.bindings = bindings;
    }

    @Operation(summary = "Use an attribute in a category: {category, attribute, is_required?, is_variant?, order?}")
    @PostMapping("/api/products/category-attributes")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(Access.EDIT_CATALOG)
    CategoryAttributeRepository.CategoryAttribute bind(@Validated(Whole.class) @RequestBody BindingRequest r) {
        return bindings.bind(r.category(), r.binding());
    }

    @Operation(
            summary =
                    "Use several attributes in a category at once: 201 when all were added, 207 with the refusals otherwise")
    @PostMapping("/api/products/category-attributes/bulk_create")
    @PreAuthorize(Access.EDIT_CATALOG)
    ResponseEntity<BulkResult> bulk(@Valid @RequestBody BulkRequest r) {
        List<CategoryAttributeRepository.CategoryAttribute> created = new ArrayList<>();
        List<Refusal> refused = new ArrayList<>();
        for (CategoryAttributeService.Binding b : r.attributes()) {
            try {
                created.add(bindings.bind(r.category(), b));
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
    PageResponse<CategoryAttributeRepository.CategoryAttribute> bindings(
            @RequestParam(required = false) Long category,
            @RequestParam(required = false) Long attribute,
            @RequestParam(name = "is_required", required = false) Boolean required,
            @RequestParam(name = "is_variant", required = false) Boolean variant,
            @RequestParam(required = false) String ordering,
            PageRequest page) {
        return PageResponse.of(
                bindings.bindingPage(
                        new CategoryAttributeRepository.BindingFilter(category, attribute, required, variant),
                        ordering,
                        page),
                v -> v);
    }

    @Operation(summary = "How a category uses an attribute, with the attribute whole (its options included)")
    @GetMapping("/api/products/category-attributes/{id}")
    @PreAuthorize(Access.READ_CATALOG)
    CategoryAttributeRepository.CategoryAttributeDetail binding(@PathVariable long id) {
        return bindings.bindingDetail(id);
    }

    @Operation(summary = "The attributes a category uses: ?category_id=")
    @GetMapping("/api/products/category-attributes/by_category")
    @PreAuthorize(Access.READ_CATALOG)
    Success<List<CategoryAttributeRepository.CategoryAttribute>> byCategory(
            @RequestParam(name = "category_id", required = false) @Required Long category) {
        return Success.of(bindings.bindingsOf(category));
    }

    @Operation(
            summary =
                    "Change how a category uses an attribute: {category, attribute, is_required?, is_variant?, order?} "
                            + "(category and attribute required, as on create); a pair already bound is a 400")
    @PutMapping("/api/products/category-attributes/{id}")
    @PreAuthorize(Access.EDIT_CATALOG)
    CategoryAttributeRepository.CategoryAttribute updateBinding(
            @PathVariable long id, @Validated(Whole.class) @RequestBody BindingRequest r) {
        return bindings.updateBinding(id, r.category(), r.binding());
    }

    @Operation(summary = "Change how a category uses an attribute: what is given; a pair already bound is a 400")
    @PatchMapping("/api/products/category-attributes/{id}")
    @PreAuthorize(Access.EDIT_CATALOG)
    CategoryAttributeRepository.CategoryAttribute patchBinding(
            @PathVariable long id, @Valid @RequestBody BindingRequest r) {
        return bindings.updateBinding(id, r.category(), r.binding());
    }

    @Operation(summary = "Stop using an attribute in a category")
    @DeleteMapping("/api/products/category-attributes/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize(Access.EDIT_CATALOG)
    void unbind(@PathVariable long id) {
        bindings.unbind(id);
    }
}
