package dev.kassa.catalog.catalogue.unit;

import dev.kassa.platform.data.LikePatterns;
import dev.kassa.platform.security.Access;
import dev.kassa.platform.validation.Whole;
import dev.kassa.platform.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Units of measure (spec C1); every store starts with the defaults of Appendix B. */
@RestController
@RequestMapping("/api/products/units")
class UnitController {

    private final UnitService units;

    UnitController(UnitService units) {
        this.units = units;
    }

    @Operation(summary = "Units: is_active, search over name and short name, ordering name or created_at")
    @GetMapping
    @PreAuthorize(Access.READ_CATALOG)
    PageResponse<UnitView> list(
            @RequestParam(name = "is_active", required = false) Boolean active,
            @RequestParam(required = false) String search,
            @RequestParam(required = false) String ordering,
            PageRequest page) {
        return PageResponse.of(
                units.page(new UnitRepository.Filter(active, LikePatterns.contains(search)), ordering, page),
                UnitView::of);
    }

    @Operation(summary = "One unit")
    @GetMapping("/{id}")
    @PreAuthorize(Access.READ_CATALOG)
    UnitView get(@PathVariable long id) {
        return UnitView.of(units.get(id));
    }

    @Operation(summary = "Add a unit: {name, short_name, code? (from the short name), description?, is_active?}")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(Access.EDIT_CATALOG)
    UnitView create(@Validated(Whole.class) @RequestBody UnitService.UnitRequest r) {
        return UnitView.of(units.create(r));
    }

    @Operation(summary = "Replace a unit (name and short name required)")
    @PutMapping("/{id}")
    @PreAuthorize(Access.EDIT_CATALOG)
    UnitView replace(@PathVariable long id, @Validated(Whole.class) @RequestBody UnitService.UnitRequest r) {
        return UnitView.of(units.update(id, r, false));
    }

    @Operation(summary = "Change some of a unit's fields")
    @PatchMapping("/{id}")
    @PreAuthorize(Access.EDIT_CATALOG)
    UnitView patch(@PathVariable long id, @Valid @RequestBody UnitService.UnitRequest r) {
        return UnitView.of(units.update(id, r, true));
    }

    @Operation(summary = "Delete a unit no product uses (owner only)")
    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize(Access.DELETE_CATALOG)
    void delete(@PathVariable long id) {
        units.delete(id);
    }
}
