package dev.kassa.catalog.attribute;

import dev.kassa.catalog.CatalogErrors;
import dev.kassa.catalog.attribute.AttributeRepository.Attribute;
import dev.kassa.catalog.attribute.AttributeRepository.CategoryAttribute;
import dev.kassa.catalog.attribute.AttributeRepository.CategoryAttributeDetail;
import dev.kassa.catalog.attribute.AttributeRepository.ProductValue;
import dev.kassa.catalog.attribute.AttributeRepository.Value;
import dev.kassa.catalog.category.CategoryRepository;
import dev.kassa.catalog.category.Slugify;
import dev.kassa.catalog.product.ProductRepository;
import dev.kassa.platform.error.FieldErrors;
import dev.kassa.platform.validation.DomainValidated;
import dev.kassa.platform.validation.Filled;
import dev.kassa.platform.validation.OneOf;
import dev.kassa.platform.validation.RequestRules;
import dev.kassa.platform.validation.Required;
import dev.kassa.platform.validation.Whole;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.util.List;

/**
 * Attributes and their use (spec C5–C9, C20). Unlike the original, a product's value must match the attribute's type, a
 * select option must belong to the attribute, and an attribute's type is fixed once products have values of it.
 */
@Service
@Transactional
class AttributeService {

    /** An attribute's fields; its name is required in a whole record (a create, a PUT), which the service checks. */
    @DomainValidated
    record AttributeRequest(
            @Required(groups = Whole.class) @Filled @Size(max = 100) String name,
            String slug,
            @OneOf(
                            values = {"text", "number", "select", "multiselect", "boolean"},
                            message = "catalog.attribute_type_invalid")
                    String type,
            String description,
            Boolean isRequired,
            Boolean isFilterable,
            Integer order,
            Boolean isActive) {}

    /**
     * An option of a select attribute; the attribute on a create and the value in a whole record are checked by the
     * service.
     */
    @DomainValidated
    record ValueRequest(
            Long attribute,
            @Required(groups = Whole.class) @Filled @Size(max = 200) String value,
            Integer order,
            Boolean isActive) {}

    record Binding(Long attribute, Boolean isRequired, Boolean isVariant, Integer order) {}

    /** A product's value of an attribute: which of the values it needs depends on the attribute's type. */
    record ProductValueRequest(
            @NotNull Long attribute,
            String valueText,
            BigDecimal valueNumber,
            Boolean valueBoolean,
            Long valueOption) {}

    private final AttributeRepository attributes;
    private final CategoryRepository categories;
    private final ProductRepository products;
    private final RequestRules rules;

    AttributeService(
            AttributeRepository attributes,
            CategoryRepository categories,
            ProductRepository products,
            RequestRules rules) {
        this.attributes = attributes;
        this.categories = categories;
        this.products = products;
        this.rules = rules;
    }

    @Transactional(readOnly = true)
    Page<Attribute> page(AttributeRepository.Filter filter, Pageable page) {
        return attributes.page(filter, page);
    }

    @Transactional(readOnly = true)
    Attribute get(long id) {
        return attributes.find(id).orElseThrow(() -> CatalogErrors.ATTRIBUTE_NOT_FOUND.exception());
    }

    Attribute create(AttributeRequest r) {
        rules.check(r, true).throwIfAny();
        String slug = Slugify.of(FieldErrors.blank(r.slug()) ? r.name() : r.slug());
        try {
            long id = attributes.insert(new AttributeRepository.Fields(
                    r.name().trim(),
                    slug.isEmpty() ? "attr-" + Math.abs(r.name().hashCode()) : slug,
                    r.type() == null ? "text" : r.type(),
                    r.description() == null ? "" : r.description(),
                    Boolean.TRUE.equals(r.isRequired()),
                    r.isFilterable() == null || r.isFilterable(),
                    r.order() == null ? 0 : r.order(),
                    r.isActive() == null || r.isActive()));
            return get(id);
        } catch (DuplicateKeyException e) {
            throw FieldErrors.single("name", "catalog.attribute_taken");
        }
    }

    /**
     * Changes an attribute (PUT, {@code whole}: its name required; PATCH: what is given); what is not given keeps its
     * value.
     */
    Attribute update(long id, AttributeRequest r, boolean whole) {
        rules.check(r, whole).throwIfAny();
        Attribute c = get(id);
        if (r.type() != null && !r.type().equals(c.type()) && attributes.hasProductValues(id)) {
            throw FieldErrors.single("type", "catalog.attribute_type_fixed");
        }
        try {
            attributes.update(
                    id,
                    new AttributeRepository.Fields(
                            r.name() != null ? r.name().trim() : c.name(),
                            c.slug(),
                            r.type() != null ? r.type() : c.type(),
                            r.description() != null ? r.description() : c.description(),
                            r.isRequired() != null ? r.isRequired() : c.isRequired(),
                            r.isFilterable() != null ? r.isFilterable() : c.isFilterable(),
                            r.order() != null ? r.order() : c.order(),
                            r.isActive() != null ? r.isActive() : c.isActive()));
        } catch (DuplicateKeyException e) {
            throw FieldErrors.single("name", "catalog.attribute_taken");
        }
        return get(id);
    }

    void delete(long id) {
        if (!attributes.delete(id)) {
            throw CatalogErrors.ATTRIBUTE_NOT_FOUND.exception();
        }
    }

    Value addValue(ValueRequest r) {
        FieldErrors errors = rules.check(r);
        if (r.attribute() == null) {
            errors.add("attribute", "validation.required");
        }
        if (r.value() == null) {
            errors.add("value", "validation.required");
        }
        errors.throwIfAny();
        get(r.attribute());
        try {
            long id = attributes.insertValue(
                    r.attribute(),
                    r.value().trim(),
                    r.order() == null ? 0 : r.order(),
                    r.isActive() == null || r.isActive());
            return attributes.findValue(id).orElseThrow();
        } catch (DuplicateKeyException e) {
            throw FieldErrors.single("value", "catalog.attribute_value_taken");
        }
    }

    @Transactional(readOnly = true)
    List<Value> values(Long attribute) {
        return attributes.values(attribute);
    }

    /** Options, filtered (spec C6); {@code ordering} value, order or created_at ({@code -} for descending), an unknown one a 400. */
    @Transactional(readOnly = true)
    Page<Value> valuePage(AttributeRepository.ValueFilter filter, String ordering, Pageable page) {
        String orderBy = FieldErrors.blank(ordering)
                ? AttributeRepository.VALUE_DEFAULT_ORDER
                : AttributeRepository.VALUE_ORDERING.orderBy(ordering);
        return attributes.valuePage(filter, orderBy, page);
    }

    @Transactional(readOnly = true)
    Value value(long id) {
        return attributes.findValue(id).orElseThrow(() -> CatalogErrors.ATTRIBUTE_VALUE_NOT_FOUND.exception());
    }

    /**
     * Changes an option's text, order or state (PUT, {@code whole}: its value required; PATCH: what is given); it stays
     * with its attribute (products' values point at it).
     */
    Value updateValue(long id, ValueRequest r, boolean whole) {
        rules.check(r, whole).throwIfAny();
        Value c = attributes.findValue(id).orElseThrow(() -> CatalogErrors.ATTRIBUTE_VALUE_NOT_FOUND.exception());
        if (r.attribute() != null && r.attribute() != c.attribute()) {
            throw FieldErrors.single("attribute", "catalog.attribute_value_attribute_fixed");
        }
        try {
            attributes.updateValue(
                    id,
                    r.value() != null ? r.value().trim() : c.value(),
                    r.order() != null ? r.order() : c.order(),
                    r.isActive() != null ? r.isActive() : c.isActive());
        } catch (DuplicateKeyException e) {
            throw FieldErrors.single("value", "catalog.attribute_value_taken");
        }
        return attributes.findValue(id).orElseThrow();
    }

    void deleteValue(long id) {
        if (!attributes.deleteValue(id)) {
            throw CatalogErrors.ATTRIBUTE_VALUE_NOT_FOUND.exception();
        }
    }

    /** Uses an attribute in a category (each call its own transaction: a bulk request keeps the bindings that worked). */
    CategoryAttribute bind(Long category, Binding b) {
        FieldErrors errors = new FieldErrors();
        if (category == null) {
            errors.add("category", "validation.required");
        }
        if (b == null || b.attribute() == null) {
            errors.add("attribute", "validation.required");
        }
        errors.throwIfAny();
        if (!categories.existsById(category)) {
            throw CatalogErrors.CATEGORY_NOT_FOUND.exception();
        }
        get(b.attribute());
        if (attributes.isBound(category, b.attribute())) {
            throw FieldErrors.single("attribute", "catalog.attribute_already_bound");
        }
        long id = attributes.bind(
                category,
                b.attribute(),
                Boolean.TRUE.equals(b.isRequired()),
                Boolean.TRUE.equals(b.isVariant()),
                b.order() == null ? 0 : b.order());
        return attributes.binding(id).orElseThrow();
    }

    @Transactional(readOnly = true)
    List<CategoryAttribute> bindingsOf(long category) {
        return attributes.bindingsOf(category);
    }

    /** Bindings, filtered (spec C7); {@code ordering} order or created_at ({@code -} for descending), an unknown one a 400. */
    @Transactional(readOnly = true)
    Page<CategoryAttribute> bindingPage(AttributeRepository.BindingFilter filter, String ordering, Pageable page) {
        String orderBy = FieldErrors.blank(ordering)
                ? AttributeRepository.BINDING_DEFAULT_ORDER
                : AttributeRepository.BINDING_ORDERING.orderBy(ordering);
        return attributes.bindingPage(filter, orderBy, page);
    }

    @Transactional(readOnly = true)
    CategoryAttribute binding(long id) {
        return attributes.binding(id).orElseThrow(() -> CatalogErrors.CATEGORY_ATTRIBUTE_NOT_FOUND.exception());
    }

    /** The binding with its attribute whole, options included (the spec's retrieve, C7). */
    @Transactional(readOnly = true)
    CategoryAttributeDetail bindingDetail(long id) {
        CategoryAttribute b = binding(id);
        return CategoryAttributeDetail.from(b, get(b.attribute()));
    }

    /**
     * Changes a binding: PUT ({@code whole}) names its category and attribute as create does, PATCH what it changes; what is not
     * given keeps its value. A new category or attribute must exist (404 as on create) and the pair must not be bound already (400).
     */
    CategoryAttribute updateBinding(long id, Long category, Binding r, boolean whole) {
        CategoryAttribute c = binding(id);
        if (whole) {
            FieldErrors errors = new FieldErrors();
            if (category == null) {
                errors.add("category", "validation.required");
            }
            if (r.attribute() == null) {
                errors.add("attribute", "validation.required");
            }
            errors.throwIfAny();
        }
        long newCategory = category != null ? category : c.category();
        long newAttribute = r.attribute() != null ? r.attribute() : c.attribute();
        boolean moved = newCategory != c.category() || newAttribute != c.attribute();
        if (newCategory != c.category() && !categories.existsById(newCategory)) {
            throw CatalogErrors.CATEGORY_NOT_FOUND.exception();
        }
        if (newAttribute != c.attribute()) {
            get(newAttribute);
        }
        if (moved && attributes.isBound(newCategory, newAttribute)) {
            throw FieldErrors.single("attribute", "catalog.attribute_already_bound");
        }
        try {
            attributes.updateBinding(
                    id,
                    newCategory,
                    newAttribute,
                    r.isRequired() != null ? r.isRequired() : c.isRequired(),
                    r.isVariant() != null ? r.isVariant() : c.isVariant(),
                    r.order() != null ? r.order() : c.order());
        } catch (DuplicateKeyException raced) {
            throw FieldErrors.single("attribute", "catalog.attribute_already_bound");
        }
        return attributes.binding(id).orElseThrow();
    }

    void unbind(long id) {
        if (!attributes.unbind(id)) {
            throw CatalogErrors.CATEGORY_ATTRIBUTE_NOT_FOUND.exception();
        }
    }

    /** Sets a product's value of an attribute, checked against the attribute's type; setting it again replaces it. */
    ProductValue setValue(long product, ProductValueRequest r) {
        if (!products.existsById(product)) {
            throw CatalogErrors.PRODUCT_NOT_FOUND.exception();
        }
        Attribute a = get(r.attribute());
        FieldErrors errors = new FieldErrors();
        switch (a.type()) {
            case "number" -> {
                if (r.valueNumber() == null) {
                    errors.add("value_number", "validation.required");
                }
            }
            case "boolean" -> {
                if (r.valueBoolean() == null) {
                    errors.add("value_boolean", "validation.required");
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
        attributes.setProductValue(
                product,
                a.id(),
                "text".equals(a.type()) ? r.valueText().trim() : "",
                "number".equals(a.type()) ? r.valueNumber() : null,
                "boolean".equals(a.type()) ? r.valueBoolean() : null,
                a.type().endsWith("select") ? r.valueOption() : null);
        return attributes.productValues(product).stream()
                .filter(v -> v.attribute() == a.id())
                .findFirst()
                .orElseThrow();
    }

    @Transactional(readOnly = true)
    List<ProductValue> productValues(long product) {
        return attributes.productValues(product);
    }
}
