package dev.kassa.catalog.catalogue.attribute;

import dev.kassa.catalog.CatalogErrors;
import dev.kassa.catalog.catalogue.attribute.AttributeRepository.Attribute;
import dev.kassa.catalog.catalogue.entry.Slugify;
import dev.kassa.platform.error.FieldErrors;
import dev.kassa.platform.validation.DomainValidated;
import dev.kassa.platform.validation.Filled;
import dev.kassa.platform.validation.OneOf;
import dev.kassa.platform.validation.PrintableText;
import dev.kassa.platform.validation.RequestRules;
import dev.kassa.platform.validation.Required;
import dev.kassa.platform.validation.Whole;
import jakarta.validation.constraints.Size;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Attributes (spec C5): unlike the original, an attribute's type is fixed once products have values of it. */
@Service
@Transactional
class AttributeService {

    /** An attribute's fields; its name is required in a whole record (a create, a PUT), which the service checks. */
    @DomainValidated
    record AttributeRequest(
            @Required(groups = Whole.class) @Filled @Size(max = 100) @PrintableText String name,
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

    private final AttributeRepository attributes;
    private final RequestRules rules;

    AttributeService(AttributeRepository attributes, RequestRules rules) {
        this.attributes = attributes;
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
}
