package dev.kassa.catalog.modifier;

import java.math.BigDecimal;

/** An option a sold line chose, as the line keeps it: the option, its group, and its name and price now. */
public record ModifierChoice(long id, long groupId, String group, String name, BigDecimal price) {}
