package dev.kassa.sales.order;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * A guest's order from their table's menu (public, no login; the gateway limits the calls of each address): the lines
 * wait for a waiter's confirmation.
 */
@RestController
class GuestOrderController {

    private final GuestOrderService guests;

    GuestOrderController(GuestOrderService guests) {
        this.guests = guests;
    }

    @Operation(
            summary = "Order from the table (public, no login, when the store lets guests order): {items: [{product, "
                    + "quantity? (1-20), note?}]} (at most 20 lines), dishes of the table's menu; they wait for a "
                    + "waiter's confirmation (a table holds at most 30 waiting, by default: 429 "
                    + "too_many_waiting_lines). 403 guest_ordering_off, 404 menu_link_unknown, 410 menu_link_withdrawn")
    @PostMapping("/m/{token}/orders")
    @ResponseStatus(HttpStatus.ACCEPTED)
    GuestOrderService.GuestOrder order(
            @PathVariable String token, @Valid @RequestBody GuestOrderService.GuestOrderRequest request) {
        return guests.order(token, request);
    }
}
