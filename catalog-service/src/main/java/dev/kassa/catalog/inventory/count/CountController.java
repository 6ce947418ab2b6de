package dev.kassa.catalog.inventory.count;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.kassa.platform.security.Access;
import dev.kassa.platform.security.Caller;
import dev.kassa.platform.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/** Stock-takes (issue 63, points 1-3): open a count, count from several devices, see the differences, apply or cancel. */
@RestController
class CountController {

    /** A count's figures; the differences are null for a blind count's counters while it is open. */
    record CountTotals(
            long products,
            long counted,
            long notCounted,
            Long differing,
            BigDecimal surplusValue,
            BigDecimal shortageValue,
            BigDecimal netValue) {}

    /**
     * A product of a count as its item holds it (expected, counted: null while not yet, when, what apply changed), the
     * difference and its value at cost.
     */
    record ItemView(@JsonUnwrapped CountRepository.Item item, BigDecimal difference, BigDecimal differenceValue) {

        static ItemView of(CountRepository.Item i) {
            BigDecimal difference = i.counted() == null || i.expected() == null
                    ? null
                    : i.counted().subtract(i.expected());
            return new ItemView(
                    i,
                    difference,
                    difference == null || i.costPrice() == null
                            ? null
                            : difference.multiply(i.costPrice()).setScale(2, RoundingMode.HALF_UP));
        }
    }

    /** A count as its row holds it, its figures; {@code items} (a page of its products) only when one is asked for. */
    record CountView(@JsonUnwrapped CountRepository.Row count, CountTotals totals, PageResponse<ItemView> items) {

        static CountView of(CountRepository.Row c, boolean hide, PageResponse<ItemView> items) {
            CountRepository.Totals t = c.totals();
            BigDecimal surplus = t.surplusValue().setScale(2, RoundingMode.HALF_UP);
            BigDecimal shortage = t.shortageValue().setScale(2, RoundingMode.HALF_UP);
            return new CountView(
                    c,
                    new CountTotals(
                            t.products(),
                            t.counted(),
                            t.products() - t.counted(),
                            hide ? null : t.differing(),
                            hide ? null : surplus,
                            hide ? null : shortage,
                            hide ? null : surplus.subtract(shortage)),
                    items);
        }
    }

    /** The products a call counted, each with its running total. */
    record Counted(List<ItemView> items) {}

    private final CountService counts;

    CountController(CountService counts) {
        this.counts = counts;
    }

    @Operation(
            summary = "Open a stock-take: {name, products? or categories? (ids; every tracked product when neither; "
                    + "categories take their subcategories), blind? (counters do not see what is expected), location? "
                    + "(id: what lies there is expected, and apply changes the stock there only; none: the whole "
                    + "store)}")
    @PostMapping("/api/products/counts")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(Access.MANAGE_INVENTORY)
    CountView open(@RequestBody CountService.OpenRequest request, Caller caller) {
        return CountView.of(counts.open(caller, request), false, null);
    }

    @Operation(
            summary = "Stock-takes, newest first: filter status (open, applied, cancelled), location (the id of the "
                    + "location counted)")
    @GetMapping("/api/products/counts")
    @PreAuthorize(Access.READ_CATALOG)
    PageResponse<CountView> list(
            @RequestParam(required = false) String status,
            @RequestParam(required = false) Long location,
            PageRequest page,
            Caller caller) {
        return PageResponse.of(
                counts.list(status, location, page), c -> CountView.of(c, CountService.hides(caller, c), null));
    }

    @Operation(
            summary =
                    "A stock-take with its totals and a page of its products by name (expected, counted, difference "
                            + "and its value at cost, what apply changed): state all (default), counted, not_counted, different")
    @GetMapping("/api/products/counts/{id}")
    @PreAuthorize(Access.READ_CATALOG)
    CountView get(
            @PathVariable long id, @RequestParam(required = false) String state, PageRequest page, Caller caller) {
        CountRepository.Row count = counts.get(id);
        return CountView.of(
                count,
                CountService.hides(caller, count),
                PageResponse.of(counts.items(caller, count, state, page), ItemView::of));
    }

    @Operation(
            summary = "Count: {product or barcode, counted, mode? (add, the default: counts of a product add up, from "
                    + "several devices; set: the total from now on), device?}, or {lines: [those]} (at most 1000, in the "
                    + "order counted; all or none); answers the products counted with their running totals")
    @PostMapping("/api/products/counts/{id}/lines")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(Access.COUNT_STOCK)
    Counted count(@PathVariable long id, @RequestBody CountService.LinesRequest request, Caller caller) {
        return new Counted(
                counts.count(caller, id, request).stream().map(ItemView::of).toList());
    }

    @Operation(
            summary =
                    "Apply a stock-take: each counted product's difference (its count against what was expected when it "
                            + "was counted, so sales meanwhile are not counted twice) becomes movements with reason count; products "
                            + "not counted stay as they are; again answers the same")
    @PostMapping("/api/products/counts/{id}/apply")
    @PreAuthorize(Access.DECIDE_STOCK)
    CountView apply(@PathVariable long id, Caller caller) {
        return CountView.of(counts.apply(caller, id), false, null);
    }

    @Operation(summary = "Cancel an open stock-take (the stock stays as it is); again answers the same")
    @PostMapping("/api/products/counts/{id}/cancel")
    @PreAuthorize(Access.MANAGE_INVENTORY)
    CountView cancel(@PathVariable long id, Caller caller) {
        return CountView.of(counts.cancel(caller, id), false, null);
    }
}
