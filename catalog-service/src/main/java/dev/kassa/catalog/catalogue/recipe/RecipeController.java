package dev.kassa.catalog.catalogue.recipe;

import dev.kassa.platform.security.Access;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A product's recipe (issue 65 point 3), one editor for both ways of making it (issue 87 point 2): made on sale, the
 * components selling it takes out of stock instead of itself; made ahead, what its finished batches are made of.
 */
@RestController
class RecipeController {

    private final RecipeService recipes;

    RecipeController(RecipeService recipes) {
        this.recipes = recipes;
    }

    @Operation(
            summary =
                    "A product's recipe: its components with their quantities and cost, what one unit costs from them "
                            + "and how many units they make now")
    @GetMapping("/api/products/products/{id}/recipe")
    @PreAuthorize(Access.READ_CATALOG)
    RecipeService.Recipe get(@PathVariable long id) {
        return recipes.get(id);
    }

    @Operation(
            summary =
                    "Set what a product is made of: {components: [{product, quantity}]} (a component has stock of its "
                            + "own: never a product made on sale of others, maybe one made ahead with a recipe of its "
                            + "own, never round in a circle; an empty list sells the product from its own stock again)")
    @PutMapping("/api/products/products/{id}/recipe")
    @PreAuthorize(Access.EDIT_CATALOG)
    RecipeService.Recipe set(@PathVariable long id, @Valid @RequestBody RecipeService.RecipeRequest r) {
        return recipes.set(id, r);
    }
}
