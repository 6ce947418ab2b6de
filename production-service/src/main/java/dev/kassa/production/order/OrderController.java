package dev.kassa.production.order;

import dev.kassa.platform.security.Access;
import dev.kassa.platform.security.Caller;
import dev.kassa.platform.web.PageResponse;
import dev.kassa.platform.web.SqlOrdering;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/** Production orders (issue 87 point 3): MPSYSTEM's orders with customer, spec, quantity, priority and status. */
@RestController
@RequestMapping("/api/production/orders")
class OrderController {

    private static final SqlOrdering ORDERING = SqlOrdering.of(
            "due_date",
            "o.id",
            Map.of(
                    "due_date", "o.due_date",
                    "priority", "array_position(array['urgent','high','normal','low'], cast(o.priority as text))",
                    "created_at", "o.created_at",
                    "number", "o.id"));

    private final OrderService orders;

    OrderController(OrderService orders) {
        this.orders = orders;
    }

    @Operation(
            summary = "The store's production orders: filters status (one or several, new,planned), priority, product, "
                    + "due_before; search number, product and spec; ordering due_date (default), priority, created_at, "
                    + "number (- for descending)")
    @GetMapping
    @PreAuthorize(Access.READ_PRODUCTION)
    PageResponse<OrderView> list(
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String priority,
            @RequestParam(required = false) Long product,
            @RequestParam(name = "due_before", required = false) String dueBefore,
            @RequestParam(required = false) String search,
            @RequestParam(required = false) String ordering,
            PageRequest page) {
        return PageResponse.of(
                orders.page(status, priority, product, dueBefore, search, ORDERING.orderBy(ordering), page),
                OrderView::listed);
    }

    @Operation(summary = "One production order with every move of its status")
    @GetMapping("/{id}")
    @PreAuthorize(Access.READ_PRODUCTION)
    OrderView get(@PathVariable long id, Caller caller) {
        return orders.get(id, caller);
    }

    @Operation(
            summary =
                    "Make a production order (owner, manager): {product, quantity, due_date?, priority? (low, normal, "
                            + "high, urgent), customer?, spec?}; it is numbered PR-000001, … and starts new")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(Access.MANAGE_PRODUCTION)
    OrderView create(@RequestBody OrderService.OrderRequest r, Caller caller) {
        return orders.create(r, caller);
    }

    @Operation(
            summary =
                    "Change quantity, due_date, priority, customer or spec of a new or planned order (owner, manager)")
    @PatchMapping("/{id}")
    @PreAuthorize(Access.MANAGE_PRODUCTION)
    OrderView patch(@PathVariable long id, @RequestBody OrderService.OrderRequest r, Caller caller) {
        return orders.update(id, r, caller);
    }

    @Operation(summary = "Cancel the order (owner, manager; not a done one): {reason?}; kept in its history")
    @PostMapping("/{id}/cancel")
    @PreAuthorize(Access.MANAGE_PRODUCTION)
    OrderView cancel(
            @PathVariable long id, @RequestBody(required = false) OrderService.CancelRequest r, Caller caller) {
        return orders.cancel(id, r == null ? new OrderService.CancelRequest(null) : r, caller);
    }
}
