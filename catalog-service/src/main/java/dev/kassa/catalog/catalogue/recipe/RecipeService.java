package dev.kassa.catalog.catalogue.recipe;

import dev.kassa.catalog.CatalogErrors;
import dev.kassa.platform.error.FieldErrors;
import dev.kassa.platform.validation.Quantity;
import dev.kassa.platform.validation.Required;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Recipes (issue 65 point 3): what a product is made of. One made on sale (issue 87 point 2: a latte) is held and sold
 * as its components (a till's hold holds them, FEFO, in the stock ledger's holds; its sale takes them out of stock) and
 * is off the guests' menu while a component runs out; one made ahead (a film, a bag) keeps stock of its own, and its
 * recipe says what it is made of and how many its components make now. A component has stock of its own: a product made
 * on sale of others is never one, one made ahead may be, with a recipe of its own (a semi-finished film in a bag), so
 * recipes go down through products made ahead, never round in a circle.
 */
@Service
@Transactional
class RecipeService {

    record ComponentRequest(
            @Required Long product,
            @Required @Quantity(positive = true, max = Quantity.Max.LINE) BigDecimal quantity) {}

    /** The whole recipe: an empty list makes the product one sold from its own stock again. */
    record RecipeRequest(@Required @Size(max = MAX_COMPONENTS) List<@Valid @NotNull ComponentRequest> components) {}

    /** A component with its share of the cost ({@code cost}: its cost price × its quantity). */
    record ComponentView(
            long product,
            String name,
            String unit,
            BigDecimal quantity,
            BigDecimal costPrice,
            BigDecimal cost,
            boolean trackInventory,
            BigDecimal available) {}

    /**
     * A product's recipe: its components, what one unit costs from them, and how many units they make now ({@code
     * available}: null when no component's stock is tracked).
     */
    record Recipe(long product, List<ComponentView> components, BigDecimal cost, BigDecimal available) {}

    static final int MAX_COMPONENTS = 50;

    private final RecipeRepository recipes;

    RecipeService(RecipeRepository recipes) {
        this.recipes = recipes;
    }

    @Transactional(readOnly = true)
    Recipe get(long product) {
        if (recipes.existing(List.of(product)).isEmpty()) {
            throw CatalogErrors.PRODUCT_NOT_FOUND.exception();
        }
        return view(product);
    }

    Recipe set(long product, RecipeRequest r) {
        Set<Long> ids = new LinkedHashSet<>();
        r.components().forEach(c -> ids.add(c.product()));
        Map<Long, Boolean> known = recipes.lock(product, ids);
        if (!known.containsKey(product)) {
            throw CatalogErrors.PRODUCT_NOT_FOUND.exception();
        }
        boolean ahead = known.get(product);
        FieldErrors errors = new FieldErrors();
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < r.components().size(); i++) {
            Long component = r.components().get(i).product();
            if (component == product) {
                errors.add("components." + i + ".product", "catalog.recipe_component_itself");
            } else if (!seen.add(component)) {
                errors.add("components." + i + ".product", "catalog.recipe_component_twice");
            }
        }
        errors.throwIfAny();
        Set<Long> composite = new HashSet<>(recipes.composites(ids));
        // only a product made ahead can be a component with a recipe of its own, so only one can close a circle
        Set<Long> circular = ahead && !ids.isEmpty() ? new HashSet<>(recipes.madeOf(product, ids)) : Set.of();
        for (int i = 0; i < r.components().size(); i++) {
            Long component = r.components().get(i).product();
            if (!known.containsKey(component)) {
                errors.add("components." + i + ".product", "catalog.recipe_component_unknown");
            } else if (composite.contains(component)) {
                errors.add("components." + i + ".product", "catalog.recipe_nested");
            } else if (circular.contains(component)) {
                errors.add("components." + i + ".product", "catalog.recipe_circle");
            }
        }
        // a product made on sale of others has no stock of its own to go into another
        if (!r.components().isEmpty() && !ahead && recipes.isComponent(product)) {
            errors.add("components", "catalog.recipe_is_component");
        }
        errors.throwIfAny();
        recipes.set(
                product,
                r.components().stream()
                        .map(c -> new RecipeRepository.Part(
                                c.product(), c.quantity().setScale(3, RoundingMode.UNNECESSARY)))
                        .toList());
        return view(product);
    }

    private Recipe view(long product) {
        List<RecipeRepository.Component> components = recipes.of(product);
        BigDecimal cost = BigDecimal.ZERO;
        BigDecimal makeable = null;
        List<ComponentView> views = new ArrayList<>();
        for (RecipeRepository.Component c : components) {
            BigDecimal share = c.costPrice().multiply(c.quantity()).setScale(2, RoundingMode.HALF_UP);
            cost = cost.add(share);
            if (c.trackInventory()) {
                BigDecimal units = c.available().max(BigDecimal.ZERO).divide(c.quantity(), 0, RoundingMode.DOWN);
                makeable = makeable == null ? units : makeable.min(units);
            }
            views.add(new ComponentView(
                    c.product(),
                    c.name(),
                    c.unit(),
                    c.quantity(),
                    c.costPrice(),
                    share,
                    c.trackInventory(),
                    c.available()));
        }
        return new Recipe(product, views, cost.setScale(2), makeable);
    }
}
