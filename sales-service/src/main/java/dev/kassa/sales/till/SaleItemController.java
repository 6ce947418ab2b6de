package dev.kassa.sales.till;

import dev.kassa.platform.security.Access;
import dev.kassa.platform.web.NotServed;
import dev.kassa.platform.web.PageResponse;
import dev.kassa.platform.web.SqlOrdering;
import dev.kassa.sales.SalesErrors;
import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/**
 * Sale items (spec S30), read-only: the lines of sales as the till wrote them. The original let any line of any sale be
 * rewritten without recalculating its totals (spec §11); here lines change only through the till's actions on an open
 * sale, and every write method answers 405 saying so.
 */
@RestController
class SaleItemController {

    private static final SqlOrdering ORDERING =
            SqlOrdering.of("created_at", "i.id", Map.of("created_at", "i.created_at"));

    private final SaleQueryService sales;

    SaleItemController(SaleQueryService sales) {
        this.sales = sales;
    }

    @Operation(
            summary = "Lines of sales: filters sale, product; ordering created_at (oldest first by default); paginated")
    @GetMapping("/api/sales/sale-items")
    @PreAuthorize(Access.READ_SALES)
    PageResponse<SaleView.ItemView> list(
            @RequestParam(required = false) Long sale,
            @RequestParam(required = false) Long product,
            @RequestParam(required = false) String ordering,
            PageRequest page) {
        String orderBy = ORDERING.orderBy(ordering);
        return PageResponse.of(sales.items(sale, product, orderBy, page), v -> v);
    }

    @Operation(summary = "One line of a sale")
    @GetMapping("/api/sales/sale-items/{id}")
    @PreAuthorize(Access.READ_SALES)
    SaleView.ItemView get(@PathVariable long id) {
        return sales.item(id);
    }

    @Hidden // answered 405 by design, listed in the service page
    @RequestMapping(value = "/api/sales/sale-items", method = RequestMethod.POST)
    @PreAuthorize(Access.SELL)
    @ResponseStatus(HttpStatus.METHOD_NOT_ALLOWED)
    void create(HttpServletResponse response) {
        throw NotServed.because(response, SalesErrors.SALE_ITEMS_READ_ONLY, "GET");
    }

    @Hidden // answered 405 by design, listed in the service page
    @RequestMapping(
            value = "/api/sales/sale-items/{id}",
            method = {RequestMethod.PUT, RequestMethod.PATCH, RequestMethod.DELETE})
    @PreAuthorize(Access.SELL)
    @ResponseStatus(HttpStatus.METHOD_NOT_ALLOWED)
    void change(@PathVariable String id, HttpServletResponse response) {
        throw NotServed.because(response, SalesErrors.SALE_ITEMS_READ_ONLY, "GET");
    }
}
