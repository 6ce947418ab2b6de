package dev.kassa.sales.till;

import dev.kassa.platform.error.Messages;
import dev.kassa.platform.security.Access;
import dev.kassa.platform.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;

/** The till; the original's underscore paths ({@code scan_item}) are aliases. */
@RestController
class TillController {

    record CheckoutRequest(List<PaymentRequest> payments) { }

    private final TillService till;

    TillController(TillService till) {
        this.till = till;
    }

    @Operation(summary = "Scan a product into the caller's draft: {session, product, quantity=1, batch?}")
    @PostMapping({"/api/sales/sales/scan-item", "/api/sales/sales/scan_item"})
    @PreAuthorize(Access.SELL)
    Map<String, Object> scan(@RequestBody TillService.ScanRequest request, Caller caller) {
        return Map.of("status", "success", "message", Messages.get("sales.item_added"), "data", till.scan(caller, request));
    }

    @Operation(summary = "Complete a draft with one or more payments (cash with received_amount gives change)")
    @PostMapping("/api/sales/sales/{id}/checkout")
    @PreAuthorize(Access.SELL)
    Map<String, Object> checkout(@PathVariable long id, @RequestBody CheckoutRequest request) {
        return Map.of("status", "success", "message", Messages.get("sales.sale_completed"), "data", till.checkout(id, request.payments()));
    }
}
