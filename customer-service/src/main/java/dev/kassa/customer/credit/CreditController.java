package dev.kassa.customer.credit;

import dev.kassa.platform.security.Access;
import dev.kassa.platform.validation.Money;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
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

    /** A hold for one sale's credit or bonus tender, named by the till's reference (a repeat answers the first hold). */
    record HoldRequest(
            @NotBlank @Size(max = 100) String requestRef,
            @NotNull @Positive Long customerId,
            @NotNull(message = "customer.amount_positive") @Money(positive = true, message = "customer.amount_positive")
                    BigDecimal amount,
            @NotBlank @Size(max = 64) String saleId,
            Boolean allowOverLimit) {

        /** A sale that already happened at an offline till: held beyond the limit (the answer's over_limit), not refused. */
        boolean overLimitAllowed() {
            return Boolean.TRUE.equals(allowOverLimit);
        }
    }

    record ReleaseRequest(@NotEmpty List<@NotBlank String> requestRefs) {}

    /** How many holds were released. */
    record Released(int released) {}

    private final CreditService credit;

    CreditController(CreditService credit) {
        this.credit = credit;
    }

    @Operation(
            summary =
                    "Hold credit for a sale at the till (idempotent per request_ref); 400 credit_limit_exceeded with available and requested, "
                            + "unless allow_over_limit (an offline till's sale that already happened): then held up to the store's offline_credit_over_limit beyond it, over_limit says by how much")
    @PostMapping("/internal/credit-holds")
    @PreAuthorize(Access.SELL)
    CreditService.HoldView hold(@Valid @RequestBody HoldRequest request) {
        return credit.hold(
                request.requestRef(),
                request.customerId(),
                request.amount(),
                request.saleId(),
                request.overLimitAllowed());
    }

    @Operation(
            summary =
                    "Hold loyalty points for the bonus tender of a sale at the till (idempotent per request_ref): amount is what the "
                            + "points pay, a whole number of points at the store's point value; 400 insufficient_points with available_points and requested_points")
    @PostMapping("/internal/bonus-holds")
    @PreAuthorize(Access.SELL)
    CreditService.BonusHoldView holdBonus(@Valid @RequestBody HoldRequest request) {
        return credit.holdBonus(request.requestRef(), request.customerId(), request.amount(), request.saleId());
    }

    @Operation(summary = "Release credit or bonus holds of a checkout that failed")
    @PostMapping("/internal/credit-holds/release")
    @PreAuthorize(Access.SELL)
    Released release(@Valid @RequestBody ReleaseRequest request) {
        return new Released(credit.release(request.requestRefs()));
    }
}
