package dev.kassa.platform.web;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.type.TypeFactory;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.oas.models.media.Schema;
import org.springdoc.core.customizers.PropertyCustomizer;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Answers write every property, {@code null} included (a sale without a customer has {@code "customer_id": null}), so a
 * published property of a reference type (not {@code long}, {@code int}, {@code boolean}) may be null: its OpenAPI 3.1
 * type lists {@code "null"} beside its own. A client generated from the spec then accepts the answers it gets.
 */
public class NullableProperties implements PropertyCustomizer {

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public Schema customize(Schema property, AnnotatedType type) {
        if (property == null || type == null || type.getType() == null || property.get$ref() != null) {
            return property;
        }
        JavaType javaType = TypeFactory.defaultInstance().constructType(type.getType());
        Set<String> types = property.getTypes();
        if (javaType.isPrimitive() || types == null || types.isEmpty() || types.contains("null")) {
            return property;
        }
        Set<String> nullable = new LinkedHashSet<>(types);
        nullable.add("null");
        property.setTypes(nullable);
        return property;
    }
}
