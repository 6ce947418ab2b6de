package dev.kassa.catalog.inventory.purchase;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.kassa.platform.error.FieldErrors;
import dev.kassa.platform.security.Access;
import dev.kassa.platform.security.Caller;
import dev.kassa.platform.tenancy.Tenant;
import dev.kassa.platform.tenancy.TenantContext;
import dev.kassa.platform.tenancy.TenantRegistry;
import dev.kassa.platform.web.PageResponse;
import dev.kassa.platform.web.RequestKey;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Purchase orders (issue 64, points 1-2): draft, order (with its PDF for the supplier), receive, close, cancel. */
@RestController
@RequestMapping("/api/products/purchase-orders")
class PurchaseOrderController {

    /** A line as its row holds it (ordered, received, at its cost), its total and what is still to come. */
    record PurchaseLineView(
            @JsonUnwrapped PurchaseOrderRepository.Line line, BigDecimal total, BigDecimal remainingQuantity) {

        static PurchaseLineView of(PurchaseOrderRepository.Line l) {
            return new PurchaseLineView(
                    l,
                    l.quantity().multiply(l.costPrice()).setScale(2, RoundingMode.HALF_UP),
                    l.quantity().subtract(l.receivedQuantity()).max(BigDecimal.ZERO));
        }
    }

    /** What one receipt took in for a line, into which batch. */
    record ReceivedLineView(long line, long product, BigDecimal quantity, BigDecimal costPrice, Long batch) {}

    record ReceiptView(long id, Long receivedBy, Instant receivedAt, String notes, List<ReceivedLineView> lines) {

        static ReceiptView of(PurchaseOrderRepository.Receipt r) {
            return new ReceiptView(
                    r.id(),
                    r.receivedBy(),
                    r.receivedAt(),
                    r.notes(),
                    r.lines().stream()
                            .map(l -> new ReceivedLineView(
                                    l.lineId(), l.productId(), l.quantity(), l.costPrice(), l.batchId()))
                            .toList());
        }
    }

    /** An order as its row holds it; {@code lines} and {@code receipts} only when one order is asked for. */
    record PurchaseOrderView(
            @JsonUnwrapped PurchaseOrderRepository.Row order,
            List<PurchaseLineView> lines,
            List<ReceiptView> receipts) {

        static PurchaseOrderView of(
                PurchaseOrderRepository.Row o,
                List<PurchaseOrderRepository.Line> lines,
                List<PurchaseOrderRepository.Receipt> receipts) {
            return new PurchaseOrderView(
                    o,
                    lines == null
                            ? null
                            : lines.stream().map(PurchaseLineView::of).toList(),
                    receipts == null
                            ? null
                            : receipts.stream().map(ReceiptView::of).toList());
        }
    }

    private final PurchaseOrderService orders;
    private final TenantRegistry registry;

    PurchaseOrderController(PurchaseOrderService orders, TenantRegistry registry) {
        this.orders = orders;
        this.registry = registry;
    }

    private PurchaseOrderView whole(PurchaseOrderRepository.Row order) {
        return PurchaseOrderView.of(order, orders.lines(order.id()), orders.receipts(order.id()));
    }

    @Operation(
            summary =
                    "A draft purchase order: {supplier, expected_at?, notes?, lines: [{product, quantity, cost_price?}]} "
                            + "(products that keep stock, each once; the cost is the supplier's last for the product, else its "
                            + "cost price, when not given)")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(Access.MANAGE_INVENTORY)
    PurchaseOrderView create(@RequestBody PurchaseOrderService.PurchaseOrderRequest request, Caller caller) {
        return whole(orders.create(caller, request));
    }

    @Operation(
            summary =
                    "Purchase orders, newest first: filters supplier (id), status (draft, ordered, partially_received, "
                            + "received, closed, cancelled), date_from and date_to (the day it was made, in the store's dates)")
    @GetMapping
    @PreAuthorize(Access.READ_STOCK_VALUE)
    PageResponse<PurchaseOrderView> list(
            @RequestParam(required = false) String supplier,
            @RequestParam(required = false) String status,
            @RequestParam(name = "date_from", required = false) String from,
            @RequestParam(name = "date_to", required = false) String to,
            PageRequest page) {
        FieldErrors errors = new FieldErrors();
        Long supplierId = FieldErrors.blank(supplier) ? null : errors.id("supplier", supplier);
        LocalDate since = errors.date("date_from", from);
        LocalDate until = errors.date("date_to", to);
        errors.throwIfAny();
        return PageResponse.of(
                orders.list(supplierId, status, since, until, page), o -> PurchaseOrderView.of(o, null, null));
    }

    @Operation(summary = "A purchase order with its lines (ordered, received, remaining) and its receipts")
    @GetMapping("/{id}")
    @PreAuthorize(Access.READ_STOCK_VALUE)
    PurchaseOrderView get(@PathVariable long id) {
        return whole(orders.get(id));
    }

    @Operation(summary = "Change a draft: {expected_at?, notes?, lines? (all of them)}; an order sent is not changed")
    @PatchMapping("/{id}")
    @PreAuthorize(Access.MANAGE_INVENTORY)
    PurchaseOrderView update(@PathVariable long id, @RequestBody PurchaseOrderService.PurchaseOrderUpdate request) {
        return whole(orders.update(id, request));
    }

    @Operation(summary = "Send a draft to the supplier (status ordered); again answers the same")
    @PostMapping("/{id}/order")
    @PreAuthorize(Access.MANAGE_INVENTORY)
    PurchaseOrderView order(@PathVariable long id) {
        return whole(orders.order(id));
    }

    @Operation(
            summary =
                    "The order as a PDF for the supplier: the store, its number and dates, the supplier, its lines and "
                            + "total")
    @GetMapping(value = "/{id}/pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @PreAuthorize(Access.READ_STOCK_VALUE)
    ResponseEntity<Resource> pdf(@PathVariable long id) {
        PurchaseOrderRepository.Row order = orders.get(id);
        Tenant tenant = TenantContext.require();
        String store =
                registry.profile(tenant.key()).map(TenantRegistry.Profile::name).orElse("");
        byte[] pdf = PurchaseOrderPdf.render(
                store, tenant.zone(), order, orders.supplierContact(order.supplierId()), orders.lines(id));
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(order.number() + ".pdf")
                                .build()
                                .toString())
                .body(new ByteArrayResource(pdf));
    }

    @Operation(
            summary = "Receive goods: {lines: [{line, quantity, cost_price?, batch_number?, manufacturing_date?, "
                    + "expiry_date?}], notes?, accept_over?}; each line becomes a batch with a purchase movement; a line "
                    + "is not taken above what was ordered unless accept_over; once per Idempotency-Key")
    @PostMapping("/{id}/receive")
    @PreAuthorize(Access.MANAGE_INVENTORY)
    PurchaseOrderView receive(
            @PathVariable long id,
            @RequestBody PurchaseOrderService.PurchaseReceiveRequest request,
            Caller caller,
            RequestKey key) {
        return whole(orders.receive(caller, id, key.value(), request));
    }

    @Operation(summary = "Close an order before everything came: {reason?}; what did not come stays as its shortfall")
    @PostMapping("/{id}/close")
    @PreAuthorize(Access.MANAGE_INVENTORY)
    PurchaseOrderView close(
            @PathVariable long id,
            @Valid @RequestBody(required = false) PurchaseOrderService.PurchaseCloseRequest request) {
        return whole(orders.close(id, request == null ? new PurchaseOrderService.PurchaseCloseRequest(null) : request));
    }

    @Operation(summary = "Cancel an order nothing has come for; again answers the same")
    @PostMapping("/{id}/cancel")
    @PreAuthorize(Access.MANAGE_INVENTORY)
    PurchaseOrderView cancel(@PathVariable long id) {
        return whole(orders.cancel(id));
    }
}
