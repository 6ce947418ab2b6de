package dev.kassa.sales.order;

import dev.kassa.platform.security.Access;
import dev.kassa.platform.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * A café's open orders (issue 65 point 4): waiters and whoever sells take them; whoever sells takes the money. A waiter
 * acts only on their own orders (403 {@code not_your_order}) and takes a colleague's over first (issue 84 point 5).
 */
@RestController
@RequestMapping("/api/sales/orders")
class OrderController {

    private final OrderService orders;
    private final OrderMoveService moves;
    private final OrderPaymentService payments;
    private final WaitingLinesService waiting;

    OrderController(
            OrderService orders, OrderMoveService moves, OrderPaymentService payments, WaitingLinesService waiting) {
        this.orders = orders;
        this.moves = moves;
        this.payments = payments;
        this.waiting = waiting;
    }

    @Operation(
            summary =
                    "Open an order: {table?, dining_option? here|takeaway|delivery, guests?, notes?}; a table has one "
                            + "open order (409 table_has_open_order names it: a second round joins it)")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(Access.TAKE_ORDERS)
    OrderView open(@Valid @RequestBody OrderService.NewOrderRequest request, Caller caller) {
        return orders.open(caller, request);
    }

    @Operation(
            summary =
                    "Orders, newest first: status (open by default, paid, cancelled), table, mine=true (a waiter always "
                            + "sees their own only)")
    @GetMapping
    @PreAuthorize(Access.TAKE_ORDERS)
    List<OrderView> list(
            @RequestParam(required = false) String status,
            @RequestParam(required = false) Long table,
            @RequestParam(required = false) boolean mine,
            Caller caller) {
        return orders.list(caller, status, table, mine);
    }

    @Operation(
            summary = "One order with its lines, where each stands, its total and its history (a waiter: their own, "
                    + "403 not_your_order)")
    @GetMapping("/{id}")
    @PreAuthorize(Access.TAKE_ORDERS)
    OrderView get(@PathVariable long id, Caller caller) {
        return orders.get(caller, id);
    }

    @Operation(
            summary =
                    "Add a line: {product, quantity? (1), note?} at the catalogue's price; only what may be ordered now "
                            + "(409 order_item_unavailable)")
    @PostMapping("/{id}/items")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(Access.TAKE_ORDERS)
    OrderView addItem(@PathVariable long id, @Valid @RequestBody OrderService.ItemRequest request, Caller caller) {
        return orders.addItem(caller, id, request);
    }

    @Operation(summary = "Take off a line the kitchen was not sent (409 order_item_sent: the kitchen cancels it)")
    @DeleteMapping("/{id}/items/{item}")
    @PreAuthorize(Access.TAKE_ORDERS)
    OrderView removeItem(@PathVariable long id, @PathVariable long item, Caller caller) {
        return orders.removeItem(caller, id, item);
    }

    @Operation(summary = "Send the lines not sent yet to the kitchen: the order's next round, one ticket per station")
    @PostMapping("/{id}/send")
    @PreAuthorize(Access.TAKE_ORDERS)
    OrderView send(@PathVariable long id, Caller caller) {
        return orders.send(caller, id);
    }

    @Operation(
            summary = "Confirm lines guests ordered from the table's menu: {lines?: [line id]} (every waiting line "
                    + "when left out); they are billed and go with the next round")
    @PostMapping("/{id}/confirm")
    @PreAuthorize(Access.TAKE_ORDERS)
    OrderView confirm(
            @PathVariable long id,
            @Valid @RequestBody(required = false) WaitingLinesService.LinesRequest request,
            Caller caller) {
        return waiting.confirm(caller, id, request);
    }

    @Operation(
            summary = "Decline lines guests ordered from the table's menu: {lines?: [line id]} (every waiting line "
                    + "when left out); they are taken off, and an order guests opened that is left empty is closed")
    @PostMapping("/{id}/decline")
    @PreAuthorize(Access.TAKE_ORDERS)
    OrderView decline(
            @PathVariable long id,
            @Valid @RequestBody(required = false) WaitingLinesService.LinesRequest request,
            Caller caller) {
        return waiting.decline(caller, id, request);
    }

    @Operation(
            summary = "Take the order over from the waiter who has it (a colleague's table): it becomes the caller's, "
                    + "and its history names both waiters")
    @PostMapping("/{id}/take-over")
    @PreAuthorize(Access.TAKE_ORDERS)
    OrderView takeOver(@PathVariable long id, Caller caller) {
        return orders.takeOver(caller, id);
    }

    @Operation(summary = "Move the order to another table: {table} (a free one)")
    @PostMapping("/{id}/move")
    @PreAuthorize(Access.TAKE_ORDERS)
    OrderView move(@PathVariable long id, @Valid @RequestBody OrderMoveService.MoveRequest request, Caller caller) {
        return moves.move(caller, id, request);
    }

    @Operation(summary = "Merge another open order into this one: {order}; the other is closed as merged into it")
    @PostMapping("/{id}/merge")
    @PreAuthorize(Access.TAKE_ORDERS)
    OrderView merge(@PathVariable long id, @Valid @RequestBody OrderMoveService.MergeRequest request, Caller caller) {
        return moves.merge(caller, id, request);
    }

    @Operation(
            summary =
                    "Share the bill in equal parts: {parts: 2-20}; each billed line's quantity is divided into orders "
                            + "of their own at no table, paid apart, this order keeping what rounding leaves; answers every "
                            + "part, this order first")
    @PostMapping("/{id}/split-equally")
    @PreAuthorize(Access.TAKE_ORDERS)
    List<OrderView> splitEqually(
            @PathVariable long id, @Valid @RequestBody OrderMoveService.SplitEquallyRequest request, Caller caller) {
        return moves.splitEqually(caller, id, request);
    }

    @Operation(
            summary = "Split lines off into an order of their own, paid apart: {items: [{item, quantity?}], table?}; "
                    + "answers the new order")
    @PostMapping("/{id}/split")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(Access.TAKE_ORDERS)
    OrderView split(@PathVariable long id, @Valid @RequestBody OrderMoveService.SplitRequest request, Caller caller) {
        return moves.split(caller, id, request);
    }

    @Operation(
            summary = "Pay the order: {session, payments, customer_id?, discount_percent?, discount_amount?}, the "
                    + "till's split payments; it becomes one sale (receipt, stock, SaleCompleted); paying again answers "
                    + "the same sale")
    @PostMapping("/{id}/pay")
    @PreAuthorize(Access.SELL)
    OrderPaymentService.Paid pay(
            @PathVariable long id, @Valid @RequestBody OrderPaymentService.PayRequest request, Caller caller) {
        return payments.pay(caller, id, request);
    }

    @Operation(
            summary = "Cancel an open order (one the kitchen was sent lines of: a manager); the guests' lines that "
                    + "wait for a waiter are dropped")
    @PostMapping("/{id}/cancel")
    @PreAuthorize(Access.TAKE_ORDERS)
    OrderView cancel(@PathVariable long id, Caller caller) {
        return orders.cancel(caller, id);
    }
}
