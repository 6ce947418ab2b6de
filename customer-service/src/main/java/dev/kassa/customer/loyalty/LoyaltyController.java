package dev.kassa.customer.loyalty;

import dev.kassa.platform.security.Access;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/** The store's loyalty rules: every member reads them (the till shows what points are worth); the owner changes them. */
@RestController
class LoyaltyController {

    private final LoyaltyService loyalty;

    LoyaltyController(LoyaltyService loyalty) {
        this.loyalty = loyalty;
    }

    @Operation(
            summary =
                    "Loyalty rules: loyalty_enabled, loyalty_amount_per_point (one point per full amount of a purchase; default 100), "
                            + "loyalty_point_value (what a point pays at the till as the bonus tender; default 1), "
                            + "offline_credit_over_limit (how far beyond a buyer's credit limit a sale made at an offline till may be "
                            + "recorded; default 0: none)")
    @GetMapping("/api/customers/settings")
    @PreAuthorize(Access.READ_CUSTOMERS)
    LoyaltySettings settings() {
        return loyalty.settings();
    }

    @Operation(summary = "Change the store's customer rules (owner); only the fields given change")
    @RequestMapping(
            path = "/api/customers/settings",
            method = {RequestMethod.PUT, RequestMethod.PATCH})
    @PreAuthorize(Access.MANAGE_STORE)
    LoyaltySettings update(@Valid @RequestBody LoyaltyService.SettingsRequest request) {
        return loyalty.update(request);
    }
}
