package dev.kassa.catalog.catalogue.attribute;

import dev.kassa.catalog.CatalogErrors;
import dev.kassa.catalog.catalogue.attribute.CategoryAttributeRepository.CategoryAttribute;
import dev.kassa.catalog.catalogue.attribute.CategoryAttributeRepository.CategoryAttributeDetail;
import dev.kassa.catalog.catalogue.category.CategoryRepository;
import dev.kassa.platform.error.FieldErrors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;

/** Which attributes each category uses (spec C7). */
@Service
@Transactional
class CategoryAttributeService {

    record Binding(Long attribute, Boolean isRequired, Boolean isVariant, Integer order) {}

    private final AttributeService attributes;
    private final CategoryAttributeRepository bindings;
    private final CategoryRepository categories;

    CategoryAttributeService(
            AttributeService attributes, CategoryAttributeRepository bindings, CategoryRepository categories) {
        this.attributes = attributes;
        this.bindings = bindings;
        this.categories = categories;
    }

    /**
     * Uses an attribute in a category (each call its own transaction: a bulk request keeps the bindings that worked, and
     * refuses an element without its attribute on its own).
     */
    CategoryAttribute bind(long category, Binding b) {
        if (b == null || b.attribute() == null) {
            throw FieldErrors.missing("attribute");
        }
        if (!categories.existsById(category)) {
            throw CatalogErrors.CATEGORY_NOT_FOUND.exception();
        }
        attributes.get(b.attribute());
        if (bindings.isBound(category, b.attribute())) {
            throw FieldErrors.single("attribute", "catalog.attribute_already_bound");
        }
        long id = bindings.bind(new CategoryAttributeRepository.Use(
                category,
                b.attribute(),
                Boolean.TRUE.equals(b.isRequired()),
                Boolean.TRUE.equals(b.isVariant()),
                b.order() == null ? 0 : b.order()));
        return bindings.binding(id).orElseThrow();
    }

    @Transactional(readOnly = true)
    List<CategoryAttribute> bindingsOf(long category) {
        return bindings.bindingsOf(category);
    }

    /** Bindings, filtered (spec C7); {@code ordering} order or created_at ({@code -} for descending), an unknown one a 400. */
    @Transactional(readOnly = true)
    Page<CategoryAttribute> bindingPage(
            CategoryAttributeRepository.BindingFilter filter, String ordering, Pageable page) {
        String orderBy = FieldErrors.blank(ordering)
                ? CategoryAttributeRepository.BINDING_DEFAULT_ORDER
                : CategoryAttributeRepository.BINDING_ORDERING.orderBy(ordering);
        return bindings.bindingPage(filter, orderBy, page);
    }

    @Transactional(readOnly = true)
    CategoryAttribute binding(long id) {
        return bindings.binding(id).orElseThrow(() -> CatalogErrors.CATEGORY_ATTRIBUTE_NOT_FOUND.exception());
    }

    /** The binding with its attribute whole, options included (the spec's retrieve, C7). */
    @Transactional(readOnly = true)
    CategoryAttributeDetail bindingDetail(long id) {
        CategoryAttribute b = binding(id);
        return new CategoryAttributeDetail(b, attributes.get(b.attribute()));
    }

    /**
     * Changes a binding: what is not given keeps its value (a PUT gives its category and attribute, as a create does). A
     * new category or attribute must exist (404 as on create) and the pair must not be bound already (400).
     */
    CategoryAttribute updateBinding(long id, Long category, Binding r) {
        CategoryAttribute c = binding(id);
        long newCategory = category != null ? category : c.category();
        long newAttribute = r.attribute() != null ? r.attribute() : c.attribute();
        boolean moved = newCategory != c.category() || newAttribute != c.attribute();
        if (newCategory != c.category() && !categories.existsById(newCategory)) {
            throw CatalogErrors.CATEGORY_NOT_FOUND.exception();
        }
        if (newAttribute != c.attribute()) {
            attributes.get(newAttribute);
        }
        if (moved && bindings.isBound(newCategory, newAttribute)) {
            throw FieldErrors.single("attribute", "catalog.attribute_already_bound");
        }
        try {
            bindings.updateBinding(
                    id,
                    new CategoryAttributeRepository.Use(
                            newCategory,
                            newAttribute,
                            r.isRequired() != null ? r.isRequired() : c.isRequired(),
                            r.isVariant() != null ? r.isVariant() : c.isVariant(),
                            r.order() != null ? r.order() : c.order()));
        } catch (DuplicateKeyException raced) {
            throw FieldErrors.single("attribute", "catalog.attribute_already_bound");
        }
        return bindings.binding(id).orElseThrow();
    }

    void unbind(long id) {
        if (!bindings.unbind(id)) {
            throw CatalogErrors.CATEGORY_ATTRIBUTE_NOT_FOUND.exception();
        }
    }
}
