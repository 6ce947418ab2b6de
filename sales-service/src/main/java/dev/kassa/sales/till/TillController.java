package dev.kassa.sales.till;

import dev.kassa.platform.error.Messages;
import dev.kassa.platform.security.Access;
import dev.kassa.platform.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
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

    record RemoveItemRequest(Long itemId) { }

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

    @Operation(summary = "Add a product to a draft: {product, quantity=1, batch?}")
    @PostMapping({"/api/sales/sales/{id}/add-item", "/api/sales/sales/{id}/add_item"})
    @PreAuthorize(Access.SELL)
    Map<String, Object> addItem(@PathVariable long id, @RequestBody TillService.AddItemRequest request) {
        return Map.of("status", "success", "message", Messages.get("sales.item_added"), "data", till.addItem(id, request));
    }

    @Operation(summary = "Remove a line from a draft: {item_id}; its stock hold is released")
    @DeleteMapping({"/api/sales/sales/{id}/remove-item", "/api/sales/sales/{id}/remove_item"})
    @PreAuthorize(Access.SELL)
    Map<String, Object> removeItem(@PathVariable long id, @RequestBody RemoveItemRequest request) {
        return Map.of("status", "success", "message", Messages.get("sales.item_removed"), "data", till.removeItem(id, request.itemId()));
    }

    @Operation(summary = "Cancel a draft (a draft with items needs a manager or owner); holds are released")
    @PostMapping("/api/sales/sales/{id}/cancel")
    @PreAuthorize(Access.SELL)
    Map<String, Object> cancel(@PathVariable long id, Caller caller) {
        return Map.of("status", "success", "message", Messages.get("sales.sale_cancelled"), "data", till.cancel(caller, id));
    }

    @Operation(summary = "Refund a completed sale, wholly ({}) or by line ({items:[{item_id, quantity}]}); manager or owner")
    @PostMapping("/api/sales/sales/{id}/refund")
    @PreAuthorize(Access.MANAGE_SALES)
    Map<String, Object> refund(@PathVariable long id, @RequestBody(required = false) TillService.RefundRequest request, Caller caller) {
        return Map.of("status", "success", "message", Messages.get("sales.refunded"), "data", till.refund(caller, id, request));
    }

    @Operation(summary = "Complete a draft with one or more payments (cash with received_amount gives change)")
    @PostMapping("/api/sales/sales/{id}/checkout")
    @PreAuthorize(Access.SELL)
    Map<String, Object> checkout(@PathVariable long id, @RequestBody CheckoutRequest request) {
        return Map.of("status", "success", "message", Messages.get("sales.sale_completed"), "data", till.checkout(id, request.payments()));
    }
}
