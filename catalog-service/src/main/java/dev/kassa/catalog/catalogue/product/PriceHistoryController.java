package dev.kassa.catalog.catalogue.product;

import dev.kassa.catalog.CatalogErrors;
import dev.kassa.platform.security.Access;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A product's past prices, for sales to judge an offline till's price (issue 60, point 2): only Kassa's own components may
 * ask ({@code /internal/}), with the till's cashier's token and store key.
 */
@RestController
@Tag(name = "internal")
class PriceHistoryController {

    /** The prices the product had at {@code since} or took after it, each once, oldest first. */
    record Prices(long productId, Instant since, List<BigDecimal> prices) {}

    private final PriceHistoryRepository history;

    PriceHistoryController(PriceHistoryRepository history) {
        this.history = history;
    }

    @Operation(
            summary =
                    "The sale prices a product had at a moment or took after it (an offline till's price is judged by them)")
    @GetMapping("/internal/products/{id}/prices")
    @PreAuthorize(Access.SELL)
    Prices prices(
            @PathVariable long id, @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant since) {
        List<BigDecimal> prices = history.since(id, since);
        if (prices.isEmpty()) {
            throw CatalogErrors.PRODUCT_NOT_FOUND.exception();
        }
        return new Prices(id, since, prices);
    }
}
