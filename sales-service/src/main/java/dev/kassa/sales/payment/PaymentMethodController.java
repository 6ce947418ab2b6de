package dev.kassa.sales.payment;

import dev.kassa.platform.security.Access;
import dev.kassa.platform.validation.Whole;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * The store's payment methods (QRes' {@code /payment-methods}): everyone who sells sees them (the till's buttons); managers
 * and owners add, rename, switch off and delete them.
 */
@RestController
@RequestMapping("/api/sales/payment-methods")
class PaymentMethodController {

    private final PaymentMethodService methods;

    PaymentMethodController(PaymentMethodService methods) {
        this.methods = methods;
    }

    @Operation(
            summary =
                    "The store's payment methods in the till's order, built-in first (is_active=true: only those a till may take)")
    @GetMapping
    @PreAuthorize(Access.SELL)
    List<PaymentMethodRepository.PaymentMethod> list(
            @RequestParam(name = "is_active", required = false) Boolean active) {
        return methods.list(active);
    }

    @Operation(
            summary =
                    "Add one of the store's own methods: {name, code? (a-z, 0-9, _; made from a Latin name when left out), "
                            + "counted_in_drawer?, is_active?}; a till pays with it by its code")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(Access.MANAGE_SALES)
    PaymentMethodRepository.PaymentMethod create(
            @Validated(Whole.class) @RequestBody PaymentMethodService.PaymentMethodRequest request) {
        return methods.create(request);
    }

    @Operation(summary = "One payment method by its code")
    @GetMapping("/{code}")
    @PreAuthorize(Access.SELL)
    PaymentMethodRepository.PaymentMethod get(@PathVariable String code) {
        return methods.get(code);
    }

    @Operation(
            summary =
                    "Rename a method, switch it on or off, or (the store's own) say whether it is counted in the drawer")
    @PatchMapping("/{code}")
    @PreAuthorize(Access.MANAGE_SALES)
    PaymentMethodRepository.PaymentMethod update(
            @PathVariable String code, @Valid @RequestBody PaymentMethodService.PaymentMethodRequest request) {
        return methods.update(code, request);
    }

    @Operation(
            summary =
                    "Delete one of the store's own methods that was never paid with (others: PATCH {\"is_active\": false})")
    @DeleteMapping("/{code}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize(Access.MANAGE_SALES)
    void delete(@PathVariable String code) {
        methods.delete(code);
    }
}
