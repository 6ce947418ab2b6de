package dev.kassa.sales.catalog;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.math.BigDecimal;
import java.util.List;

/** The guests' menu and an order's lines as catalog answers them ({@link CatalogClient#menu}, {@link CatalogClient#price}). */
public final class CatalogMenu {

    private CatalogMenu() {}

    /** The guests' menu of the current store, as catalog answers it (what may be ordered now, by category). */
    public record Menu(List<MenuItem> items) {}

    /** A dish or a product a guest may order; {@code categoryId} and {@code category} null for those without one. */
    public record MenuItem(
            long id,
            String name,
            String description,
            BigDecimal price,
            String unit,
            Long categoryId,
            String category,
            List<MenuGroup> modifierGroups) {

        public MenuItem {
            modifierGroups = modifierGroups == null ? List.of() : List.copyOf(modifierGroups);
        }
    }

    /** A modifier group a dish offers: how many of its options a guest must ({@code min}) and may ({@code max}) choose. */
    public record MenuGroup(long id, String name, int min, int max, List<MenuOption> options) {}

    /** An option of a modifier group and what it adds to the dish's price. */
    public record MenuOption(long id, String name, BigDecimal price) {}

    /** A line an order would take: a dish and the options of its modifier groups it chose. */
    public record MenuLine(long product, List<Long> modifiers) {}

    /** A line priced by the menu of now: the dish ({@code item} null when the menu no longer offers it), the options. */
    public record PricedLine(MenuItem item, List<Modifier> modifiers) {

        public PricedLine {
            modifiers = modifiers == null ? List.of() : List.copyOf(modifiers);
        }
    }

    /** Catalog's answer to {@link #price}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record PricedLines(List<PricedLine> lines) {}
}
