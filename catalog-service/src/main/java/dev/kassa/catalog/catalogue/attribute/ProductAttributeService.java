package dev.kassa.catalog.catalogue.attribute;

import dev.kassa.catalog.CatalogErrors;
import dev.kassa.catalog.catalogue.attribute.AttributeRepository.Attribute;
import dev.kassa.catalog.catalogue.attribute.ProductAttributeRepository.ProductValue;
import dev.kassa.catalog.catalogue.product.ProductRepository;
import dev.kassa.platform.error.FieldErrors;
import jakarta.validation.constraints.NotNull;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.util.List;

/** Products' values of attributes (spec C8, C20): unlike the original, a value must match the attribute's type and a select option must belong to the attribute. */
@Service
@Transactional
class ProductAttributeService {

    /** A product's value of an attribute: which of the values it needs depends on the attribute's type. */
    record ProductValueRequest(
            @NotNull Long attribute,
            String valueText,
            BigDecimal valueNumber,
            Boolean valueBoolean,
            Long valueOption) {}

    private final AttributeService attributes;
    private final ProductAttributeRepository productValues;
    private final ProductRepository products;

    ProductAttributeService(
            AttributeService attributes, ProductAttributeRepository productValues, ProductRepository products) {
        this.attributes = attributes;
        this.productValues = productValues;
        this.products = products;
    }

    /** Sets a product's value of an attribute, checked against the attribute's type; setting it again replaces it. */
    ProductValue setValue(long product, ProductValueRequest r) {
        if (!products.existsById(product)) {
            throw CatalogErrors.PRODUCT_NOT_FOUND.exception();
        }
        Attribute a = attributes.get(r.attribute());
        FieldErrors errors = new FieldErrors();
        switch (a.type()) {
            case "number" -> {
                if (r.valueNumber() == null) {
                    errors.required("value_number");
                }
            }
            case "boolean" -> {
                if (r.valueBoolean() == null) {
                    errors.required("value_boolean");
                }
            }
            case "select", "multiselect" -> {
                if (r.valueOption() == null || a.values().stream().noneMatch(v -> v.id() == r.valueOption())) {
                    errors.add("value_option", "catalog.attribute_option_invalid");
                }
            }
            default -> errors.required("value_text", r.valueText(), 500);
        }
        errors.throwIfAny();
        productValues.setProductValue(
                product,
                a.id(),
                "text".equals(a.type()) ? r.valueText().trim() : "",
                "number".equals(a.type()) ? r.valueNumber() : null,
                "boolean".equals(a.type()) ? r.valueBoolean() : null,
                a.type().endsWith("select") ? r.valueOption() : null);
        return productValues.productValues(product).stream()
                .filter(v -> v.attribute() == a.id())
                .findFirst()
                .orElseThrow();
    }

    @Transactional(readOnly = true)
    List<ProductValue> productValues(long product) {
        return productValues.productValues(product);
    }
}
