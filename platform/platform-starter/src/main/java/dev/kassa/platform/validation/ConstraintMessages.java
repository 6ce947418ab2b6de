package dev.kassa.platform.validation;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import dev.kassa.platform.error.FieldErrors;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one translation of Bean Validation's violations into the brief's error body: each violation becomes a message key of
 * the platform's catalogue (a standard constraint by its kind, {@code @NotBlank} as {@code validation.required},
 * {@code @Size(max = 100)} as {@code validation.max_length} with 100; a constraint of ours, or one given a
 * {@code message}, by that key) under the field's name as the JSON spells it ({@code items.0.unit_price}). The web layer's
 * exception handler answers with it, and {@link RequestRules} hands it to the domain.
 */
public final class ConstraintMessages {

    /** A violation's field as the request spells it, and its message key with arguments. */
    public record Translated(String field, String key, Object[] args) {}

    private static final String STANDARD = "{jakarta.validation.constraints.";

    private final ObjectMapper json;
    private final Map<JavaType, Map<String, BeanPropertyDefinition>> properties = new ConcurrentHashMap<>();

    public ConstraintMessages(ObjectMapper json) {
        this.json = json;
    }

    /** A violation of a request body's field ({@code @Valid @RequestBody}). */
    public Translated translate(ConstraintViolation<?> violation) {
        return translate(violation, null, null);
    }

    /**
     * A violation found by method validation: a parameter ({@code @RequestParam @Min(1) int page}), named as the request
     * names it, or a field inside one.
     */
    public Translated translate(ConstraintViolation<?> violation, String parameterName, Class<?> parameterType) {
        Annotation constraint = violation.getConstraintDescriptor().getAnnotation();
        Map<String, Object> attributes = violation.getConstraintDescriptor().getAttributes();
        String template = violation.getMessageTemplate();
        Object[] args = arguments(constraint, attributes);
        String key = template.startsWith(STANDARD) ? standardKey(constraint, attributes) : template;
        String field = fieldName(violation, parameterName, parameterType);
        return new Translated(field, key, args);
    }

    /** What a message of the constraint's kind shows: the limit it names. */
    private static Object[] arguments(Annotation constraint, Map<String, Object> attributes) {
        if (constraint instanceof Money) {
            return new Object[] {FieldErrors.MAX_AMOUNT.toPlainString()};
        }
        if (constraint instanceof Quantity quantity) {
            return new Object[] {quantity.max().value().toPlainString()};
        }
        if (constraint instanceof Size) {
            return new Object[] {attributes.get("max")};
        }
        if (constraint instanceof Min
                || constraint instanceof Max
                || constraint instanceof DecimalMin
                || constraint instanceof DecimalMax) {
            return new Object[] {attributes.get("value")};
        }
        return new Object[0];
    }

    private static String standardKey(Annotation constraint, Map<String, Object> attributes) {
        if (constraint instanceof NotNull || constraint instanceof NotBlank || constraint instanceof NotEmpty) {
            return "validation.required";
        }
        if (constraint instanceof Size) {
            return ((Integer) attributes.get("min")) > 0 ? "validation.required" : "validation.max_length";
        }
        if (constraint instanceof Positive) {
            return "validation.positive";
        }
        if (constraint instanceof PositiveOrZero) {
            return "validation.not_negative";
        }
        if (constraint instanceof Min || constraint instanceof DecimalMin) {
            return "validation.min";
        }
        if (constraint instanceof Max || constraint instanceof DecimalMax) {
            return "validation.max";
        }
        if (constraint instanceof Email) {
            return "validation.email";
        }
        return "validation.invalid";
    }

    /**
     * The violated field as the request's JSON names it: each Java property through the application's naming
     * ({@code SNAKE_CASE}, {@code @JsonProperty}), list elements by their index, joined with dots; a violation of the
     * whole object is {@code non_field_errors}.
     */
    private String fieldName(ConstraintViolation<?> violation, String parameterName, Class<?> parameterType) {
        List<String> parts = new ArrayList<>();
        JavaType type = json.constructType(violation.getRootBeanClass());
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.PARAMETER) {
                // a request body's fields are named alone; any other parameter by the name the request gives it
                parts.clear();
                if (parameterName != null) {
                    parts.add(parameterName);
                }
                type = parameterType == null ? null : json.constructType(parameterType);
                continue;
            }
            // an element of a list: its index sits on the node inside it ("items[0].quantity")
            if (node.getIndex() != null) {
                parts.add(String.valueOf(node.getIndex()));
            } else if (node.getKey() != null) {
                parts.add(String.valueOf(node.getKey()));
            }
            if (node.getKind() != ElementKind.PROPERTY) {
                continue;
            }
            BeanPropertyDefinition property = type == null ? null : property(type, node.getName());
            parts.add(property == null ? snake(node.getName()) : property.getName());
            type = property == null ? null : property.getPrimaryType();
            if (type != null && type.isContainerType()) {
                type = type.getContentType();
            }
        }
        return parts.isEmpty() ? "non_field_errors" : String.join(".", parts);
    }

    private BeanPropertyDefinition property(JavaType type, String javaName) {
        Map<String, BeanPropertyDefinition> byName = properties.computeIfAbsent(type, t -> {
            BeanDescription description = json.getDeserializationConfig().introspect(t);
            Map<String, BeanPropertyDefinition> map = new ConcurrentHashMap<>();
            for (BeanPropertyDefinition p : description.findProperties()) {
                map.put(p.getInternalName(), p);
            }
            return map;
        });
        return byName.get(javaName);
    }

    /** A Java name in the API's spelling, when Jackson does not know the property: {@code unitPrice} is {@code unit_price}. */
    public static String snake(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase();
    }
}
