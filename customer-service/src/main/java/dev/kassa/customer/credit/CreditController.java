package dev.kassa.customer.credit;

import dev.kassa.platform.security.Access;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.util.List;

/**
 * Service-to-service API for sales-service's credit tender (not routed by the gateway): called with the cashier's own
 * token and store key, signed by sales, so the same membership and role checks apply.
 */
@RestController
@Tag(name = "internal")
class CreditController {

    record HoldRequest(String requestRef, Long customerId, BigDecimal amount, String saleId) {}

    record ReleaseRequest(List<String> requestRefs) {}

    /** How many holds were released. */
    record Released(int released) {}

    private final Credit credit;

    CreditController(Credit credit) {
        this.credit = credit;
    }

    @Operation(
            summary =
                    "Hold credit for a sale at the till (idempotent per request_ref); 400 credit_limit_exceeded with available and requested")
    @PostMapping("/internal/credit-holds")
    @PreAuthorize(Access.SELL)
    Credit.HoldView hold(@RequestBody HoldRequest request) {
        return credit.hold(request.requestRef(), request.customerId(), request.amount(), request.saleId());
    }

    @Operation(
            summary =
                    "Hold loyalty points for the bonus tender of a sale at the till (idempotent per request_ref): amount is what the "
                            + "points pay, a whole number of points at the store's point value; 400 insufficient_points with available_points and requested_points")
    @PostMapping("/internal/bonus-holds")
    @PreAuthorize(Access.SELL)
    Credit.BonusHoldView holdBonus(@RequestBody HoldRequest request) {
        return credit.holdBonus(request.requestRef(), request.customerId(), request.amount(), request.saleId());
    }

    @Operation(summary = "Release credit or bonus holds of a checkout that failed")
    @PostMapping("/internal/credit-holds/release")
    @PreAuthorize(Access.SELL)
    Released release(@RequestBody ReleaseRequest request) {
        return new Released(credit.release(request.requestRefs()));
    }
}
