package dev.kassa.sales.catalog;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.math.BigDecimal;
import java.util.List;

/**
 * An option of a modifier group a line chose (issue 65 point 2), as catalog priced it and as the line keeps it: the
 * option's id, its group's name, its name and what it added to the price of one unit. A line keeps its own copy, so the
 * option can change or go in catalog without touching a sale, an order or a ticket.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Modifier(long id, String group, String name, BigDecimal price) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<Modifier>> LIST = new TypeReference<>() {};

    /** What the options add to one unit's price. */
    public static BigDecimal sum(List<Modifier> modifiers) {
        return modifiers == null
                ? BigDecimal.ZERO
                : modifiers.stream().map(Modifier::price).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** The options as a line's {@code modifiers} column keeps them (a JSON array). */
    public static String json(List<Modifier> modifiers) {
        try {
            return JSON.writeValueAsString(modifiers == null ? List.of() : modifiers);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a line's modifiers cannot be written", e);
        }
    }

    /** The options a line's {@code modifiers} column kept (none for null). */
    public static List<Modifier> parse(String json) {
        if (json == null || json.isEmpty()) {
            return List.of();
        }
        try {
            return JSON.readValue(json, LIST);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a line's modifiers cannot be read", e);
        }
    }

    /** The ids of the options, as catalog is asked for them. */
    public static List<Long> ids(List<Modifier> modifiers) {
        return modifiers == null
                ? List.of()
                : modifiers.stream().map(Modifier::id).toList();
    }
}
