package dev.kassa.catalog.catalogue.modifier;

import dev.kassa.catalog.catalogue.modifier.ModifierRepository.ModifierGroup;
import dev.kassa.platform.data.LikePatterns;
import dev.kassa.platform.security.Access;
import dev.kassa.platform.validation.Required;
import dev.kassa.platform.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Modifier groups and the products that offer them (issue 65 point 2). */
@RestController
class ModifierController {

    /** The groups a product offers, in the order the till shows them. */
    record ProductModifierGroups(@Required @Size(max = 20) List<Long> modifierGroups) {}

    private final ModifierService modifiers;

    ModifierController(ModifierService modifiers) {
        this.modifiers = modifiers;
    }

    @Operation(summary = "Modifier groups with their options, by name; search over the name")
    @GetMapping("/api/products/modifier-groups")
    @PreAuthorize(Access.READ_CATALOG)
    PageResponse<ModifierGroup> list(@RequestParam(required = false) String search, PageRequest page) {
        return PageResponse.of(modifiers.page(LikePatterns.contains(search), page), v -> v);
    }

    @Operation(summary = "One modifier group with its options and the number of products that offer it")
    @GetMapping("/api/products/modifier-groups/{id}")
    @PreAuthorize(Access.READ_CATALOG)
    ModifierGroup get(@PathVariable long id) {
        return modifiers.get(id);
    }

    @Operation(
            summary = "Add a modifier group: {name, min? (0), max? (1), options: [{name, price? (0)}]}; a line must "
                    + "choose at least min and at most max of its options")
    @PostMapping("/api/products/modifier-groups")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(Access.EDIT_CATALOG)
    ModifierGroup create(@Valid @RequestBody ModifierService.GroupRequest r) {
        return modifiers.create(r);
    }

    @Operation(
            summary = "Replace a modifier group: options with their id are kept (renamed, repriced), those without one "
                    + "added, the others removed; lines sold keep what they chose")
    @PutMapping("/api/products/modifier-groups/{id}")
    @PreAuthorize(Access.EDIT_CATALOG)
    ModifierGroup replace(@PathVariable long id, @Valid @RequestBody ModifierService.GroupRequest r) {
        return modifiers.replace(id, r);
    }

    @Operation(summary = "Delete a modifier group; products no longer offer it, lines sold keep what they chose")
    @DeleteMapping("/api/products/modifier-groups/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize(Access.EDIT_CATALOG)
    void delete(@PathVariable long id) {
        modifiers.delete(id);
    }

    @Operation(summary = "The modifier groups a product offers, in the till's order")
    @GetMapping("/api/products/products/{id}/modifier-groups")
    @PreAuthorize(Access.READ_CATALOG)
    List<ModifierGroup> ofProduct(@PathVariable long id) {
        return modifiers.ofProduct(id);
    }

    @Operation(
            summary = "Set the modifier groups a product offers: {\"modifier_groups\": [1, 2]} (in the till's order)")
    @PutMapping("/api/products/products/{id}/modifier-groups")
    @PreAuthorize(Access.EDIT_CATALOG)
    List<ModifierGroup> setOfProduct(@PathVariable long id, @Valid @RequestBody ProductModifierGroups r) {
        return modifiers.setOfProduct(id, r.modifierGroups());
    }
}
