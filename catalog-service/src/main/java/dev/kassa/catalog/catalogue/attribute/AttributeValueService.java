package dev.kassa.catalog.catalogue.attribute;

import dev.kassa.catalog.CatalogErrors;
import dev.kassa.catalog.catalogue.attribute.AttributeValueRepository.Value;
import dev.kassa.platform.error.FieldErrors;
import dev.kassa.platform.validation.Create;
import dev.kassa.platform.validation.DomainValidated;
import dev.kassa.platform.validation.Filled;
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

import java.util.List;

/** The options of select attributes (spec C6). */
@Service
@Transactional
class AttributeValueService {

    /**
     * An option of a select attribute; the attribute on a create and the value in a whole record are checked by the
     * service.
     */
    @DomainValidated
    record ValueRequest(
            @Required(groups = Create.class) Long attribute,
            @Required(groups = Whole.class) @Filled @Size(max = 200) @PrintableText String value,
            Integer order,
            Boolean isActive) {}

    private final AttributeService attributes;
    private final AttributeValueRepository options;
    private final RequestRules rules;

    AttributeValueService(AttributeService attributes, AttributeValueRepository options, RequestRules rules) {
        this.attributes = attributes;
        this.options = options;
        this.rules = rules;
    }

    Value addValue(ValueRequest r) {
        rules.check(r, Create.class).throwIfAny();
        attributes.get(r.attribute());
        try {
            long id = options.insertValue(
                    r.attribute(),
                    r.value().trim(),
                    r.order() == null ? 0 : r.order(),
                    r.isActive() == null || r.isActive());
            return options.findValue(id).orElseThrow();
        } catch (DuplicateKeyException e) {
            throw FieldErrors.single("value", "catalog.attribute_value_taken");
        }
    }

    @Transactional(readOnly = true)
    List<Value> values(Long attribute) {
        return options.values(attribute);
    }

    /** Options, filtered (spec C6); {@code ordering} value, order or created_at ({@code -} for descending), an unknown one a 400. */
    @Transactional(readOnly = true)
    Page<Value> valuePage(AttributeValueRepository.ValueFilter filter, String ordering, Pageable page) {
        String orderBy = FieldErrors.blank(ordering)
                ? AttributeValueRepository.VALUE_DEFAULT_ORDER
                : AttributeValueRepository.VALUE_ORDERING.orderBy(ordering);
        return options.valuePage(filter, orderBy, page);
    }

    @Transactional(readOnly = true)
    Value value(long id) {
        return options.findValue(id).orElseThrow(() -> CatalogErrors.ATTRIBUTE_VALUE_NOT_FOUND.exception());
    }

    /**
     * Changes an option's text, order or state (PUT, {@code whole}: its value required; PATCH: what is given); it stays
     * with its attribute (products' values point at it).
     */
    Value updateValue(long id, ValueRequest r, boolean whole) {
        rules.check(r, whole).throwIfAny();
        Value c = options.findValue(id).orElseThrow(() -> CatalogErrors.ATTRIBUTE_VALUE_NOT_FOUND.exception());
        if (r.attribute() != null && r.attribute() != c.attribute()) {
            throw FieldErrors.single("attribute", "catalog.attribute_value_attribute_fixed");
        }
        try {
            options.updateValue(
                    id,
                    r.value() != null ? r.value().trim() : c.value(),
                    r.order() != null ? r.order() : c.order(),
                    r.isActive() != null ? r.isActive() : c.isActive());
        } catch (DuplicateKeyException e) {
            throw FieldErrors.single("value", "catalog.attribute_value_taken");
        }
        return options.findValue(id).orElseThrow();
    }

    void deleteValue(long id) {
        if (!options.deleteValue(id)) {
            throw CatalogErrors.ATTRIBUTE_VALUE_NOT_FOUND.exception();
        }
    }
}
