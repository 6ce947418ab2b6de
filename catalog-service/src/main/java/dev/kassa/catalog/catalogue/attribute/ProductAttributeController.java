package dev.kassa.catalog.catalogue.attribute;

import dev.kassa.platform.security.Access;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Products' values of attributes (spec C8, C20), under the attribute tag. */
@RestController
@Tag(name = "attribute")
class ProductAttributeController {

    private final ProductAttributeService productValues;

    ProductAttributeController(ProductAttributeService productValues) {
        this.productValues = productValues;
    }

    @Operation(
            summary =
                    "Set a product's value of an attribute, checked against its type: {attribute, value_text | value_number | "
                            + "value_boolean | value_option}; setting it again replaces it")
    @PostMapping("/api/products/products/{id}/add_attribute")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(Access.EDIT_CATALOG)
    ProductAttributeRepository.ProductValue setValue(
            @PathVariable long id, @Valid @RequestBody ProductAttributeService.ProductValueRequest r) {
        return productValues.setValue(id, r);
    }

    @Operation(summary = "A product's attribute values")
    @GetMapping("/api/products/products/{id}/attributes")
    @PreAuthorize(Access.READ_CATALOG)
    List<ProductAttributeRepository.ProductValue> values(@PathVariable long id) {
        return productValues.productValues(id);
    }
}
