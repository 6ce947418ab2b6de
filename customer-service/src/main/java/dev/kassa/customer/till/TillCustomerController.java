package dev.kassa.customer.till;

import dev.kassa.platform.security.Access;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Service-to-service API for sales-service's checkout (not routed by the gateway), with the cashier's own token and store key. */
@RestController
@Tag(name = "internal")
class TillCustomerController {

    /** {@code customer}: the buyer, or null when the till named only a name or a phone nobody has. */
    record Resolved(TillCustomerService.TillCustomer customer) {}

    private final TillCustomerService tillCustomers;

    TillCustomerController(TillCustomerService tillCustomers) {
        this.tillCustomers = tillCustomers;
    }

    @Operation(
            summary =
                    "The buyer of a sale at the till: customer_id (an active customer, else 400 on customer_id), or new_customer "
                            + "(the customer with that phone, else created), or customer_phone (the customer with that phone, if any); answers the "
                            + "group discount and the points the till may take")
    @PostMapping("/internal/till-customers")
    @PreAuthorize(Access.SELL)
    Resolved resolve(@Valid @RequestBody TillCustomerService.Request request) {
        return new Resolved(tillCustomers.resolve(request));
    }
}
