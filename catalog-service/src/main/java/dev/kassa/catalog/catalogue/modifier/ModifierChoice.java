package dev.kassa.catalog.catalogue.modifier;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.springframework.modulith.NamedInterface;

import java.math.BigDecimal;

/**
 * An option a sold line chose, as the line keeps it: the option, its group, and its name and price now; for a product made
 * of others, what it changes in the recipe (never shown: the hold applies it).
 */
@NamedInterface("modifiers")
public record ModifierChoice(
        long id,
        long groupId,
        String group,
        String name,
        BigDecimal price,
        @JsonIgnore Long component,
        @JsonIgnore BigDecimal componentQuantity,
        @JsonIgnore Long replaces) {}
