package dev.kassa.customer.purchase;

import dev.kassa.platform.data.Values;
import dev.kassa.platform.error.FieldErrors;
import dev.kassa.platform.security.Access;
import dev.kassa.platform.validation.IsoDate;
import dev.kassa.platform.web.PageResponse;
import dev.kassa.platform.web.Success;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** What customers bought: one customer's purchases, and the customers who bought most (from sales events). */
@RestController
@RequestMapping("/api/customers/customers")
class PurchaseController {

    private final PurchaseHistoryRepository history;

    PurchaseController(PurchaseHistoryRepository history) {
        this.history = history;
    }

    @Operation(
            summary =
                    "A customer's purchases, newest first (from completed sales; refunds shown per purchase); date_from / date_to "
                            + "(business dates, inclusive); paginated")
    @GetMapping("/{id}/purchase-history")
    @PreAuthorize(Access.READ_CUSTOMERS)
    PageResponse<PurchaseHistoryRepository.Purchase> purchaseHistory(
            @PathVariable long id,
            @RequestParam(name = "date_from", required = false) @IsoDate String dateFrom,
            @RequestParam(name = "date_to", required = false) @IsoDate String dateTo,
            PageRequest page) {
        return PageResponse.of(history.page(id, Values.isoDate(dateFrom), Values.isoDate(dateTo), page), p -> p);
    }

    @Operation(
            summary =
                    "The customers who bought most: limit (1–100, default 10), order_by total_purchases (net amount, default) or "
                            + "total_purchases_count, date_from / date_to (business dates; all time without them)")
    @GetMapping("/top")
    @PreAuthorize(Access.READ_CUSTOMERS)
    Success<List<PurchaseHistoryRepository.TopCustomer>> top(
            @RequestParam(required = false) String limit,
            @RequestParam(name = "order_by", required = false) String orderBy,
            @RequestParam(name = "date_from", required = false) @IsoDate String dateFrom,
            @RequestParam(name = "date_to", required = false) @IsoDate String dateTo) {
        FieldErrors errors = new FieldErrors();
        int n = 10;
        if (limit != null && !limit.isBlank()) {
            try {
                n = Integer.parseInt(limit.trim());
            } catch (NumberFormatException e) {
                n = -1;
            }
            if (n < 1 || n > 100) {
                errors.add("limit", "validation.page_size");
            }
        }
        String order = orderBy == null || orderBy.isBlank() ? "total_purchases" : orderBy.trim();
        if (!order.equals("total_purchases") && !order.equals("total_purchases_count")) {
            errors.add("order_by", "validation.invalid");
        }
        errors.throwIfAny();
        return Success.of(history.top(
                Values.isoDate(dateFrom), Values.isoDate(dateTo), order.equals("total_purchases_count"), n));
    }
}
