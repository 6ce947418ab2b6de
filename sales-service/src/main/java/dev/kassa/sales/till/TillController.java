package dev.kassa.sales.till;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.kassa.platform.security.Access;
import dev.kassa.platform.security.Caller;
import dev.kassa.platform.tenancy.TenantContext;
import dev.kassa.platform.tenancy.TenantRegistry;
import dev.kassa.platform.validation.PrintableText;
import dev.kassa.platform.validation.Required;
import dev.kassa.platform.web.ErrorResponses;
import dev.kassa.platform.web.NotServed;
import dev.kassa.platform.web.PageResponse;
import dev.kassa.platform.web.RequestKey;
import dev.kassa.platform.web.Success;
import dev.kassa.sales.SalesErrors;
import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The till; the original's underscore paths ({@code scan_item}) are aliases. */
@RestController
class TillController {

    /** {@code cashier_id}: on a shared till, the employee (id) the sale is recorded for. */
    record CheckoutRequest(
            List<@Valid PaymentRequest> payments,
            Long customerId,
            Long customer,
            @PrintableText String customerName,
            String customerPhone,
            Map<String, Object> newCustomer,
            Long cashierId) {
        CheckoutService.Buyer buyer() {
            return new BuyerRequest(customerId, customer, customerName, customerPhone, newCustomer).buyer();
        }
    }

    record RemoveItemRequest(@Required Long itemId) {}

    /** The buyer of a draft: an active customer's id, a phone (a customer who has it), or a new customer. */
    record BuyerRequest(
            Long customerId,
            Long customer,
            @PrintableText String customerName,
            String customerPhone,
            Map<String, Object> newCustomer) {
        /** {@code customer_id}, or the web client's {@code customer}. */
        CheckoutService.Buyer buyer() {
            return new CheckoutService.Buyer(
                    customerId != null ? customerId : customer, customerName, customerPhone, newCustomer);
        }
    }

    /** A printed receipt's content, under {@code receipt}. */
    record ReceiptAnswer(Receipt receipt) {}

    private final CartService cart;
    private final CheckoutService checkout;
    private final SaleUploadService upload;
    private final SaleBatchService batches;
    private final RefundService refunds;
    private final SaleQueryService queries;
    private final TenantRegistry stores;
    private final TillMetrics metrics;
    private final ErrorResponses errors;

    TillController(
            CartService cart,
            CheckoutService checkout,
            SaleUploadService upload,
            SaleBatchService batches,
            RefundService refunds,
            SaleQueryService queries,
            TenantRegistry stores,
            TillMetrics metrics,
            ErrorResponses errors) {
        this.errors = errors;
        this.cart = cart;
        this.checkout = checkout;
        this.upload = upload;
        this.batches = batches;
        this.refunds = refunds;
        this.queries = queries;
        this.stores = stores;
        this.metrics = metrics;
    }

    @Operation(
            summary =
                    "Scan a product into the caller's draft: {session, product | barcode, quantity=1, batch?}; a batch barcode picks that batch")
    @PostMapping("/api/sales/sales/scan-item")
    @PreAuthorize(Access.SELL)
    Success<SaleView> scan(@RequestBody CartService.ScanRequest request, Caller caller, RequestKey key) {
        return Success.of("sales.item_added", metrics.scan(() -> cart.scan(caller, request, key.value())));
    }

    @Operation(
            summary =
                    "Sales: filters status, session, search (receipt number, customer name or phone), date_from / date_to (the store's "
                            + "business dates, inclusive), cashier (the seller's user id), transaction_id (a receipt number or a card payment's transaction id); "
                            + "ordering created_at, completed_at, total_amount ('-' for descending; newest first by default); paginated by page / page_size "
                            + "or limit / offset")
    @GetMapping("/api/sales/sales")
    @PreAuthorize(Access.READ_SALES)
    PageResponse<SaleView> list(
            @Valid @ParameterObject SaleFilter filter,
            @RequestParam(required = false) String ordering,
            PageRequest page) {
        return PageResponse.of(queries.list(filter.query(), false, ordering, page), v -> v);
    }

    @Operation(summary = "Completed sales of today, in the store's time zone; paginated")
    @GetMapping("/api/sales/sales/today")
    @PreAuthorize(Access.READ_SALES)
    PageResponse<SaleView> today(PageRequest page) {
        return PageResponse.of(queries.list(null, true, null, page), v -> v);
    }

    @Operation(summary = "The caller's open draft in a shift: ?session=1")
    @GetMapping("/api/sales/sales/current")
    @PreAuthorize(Access.SELL)
    Success<SaleView> current(@RequestParam(required = false) @Required Long session, Caller caller) {
        return queries.current(caller, session)
                .map(Success::of)
                .orElseGet(() -> Success.of("sales.no_current_sale", null));
    }

    @Operation(summary = "Sale detail with lines and payments")
    @GetMapping("/api/sales/sales/{id}")
    @PreAuthorize(Access.READ_SALES)
    SaleView get(@PathVariable long id) {
        return queries.get(id);
    }

    @Hidden // answered 405 by design, listed in the service page
    @RequestMapping(
            value = "/api/sales/sales/{id}",
            method = {RequestMethod.PUT, RequestMethod.PATCH, RequestMethod.DELETE})
    @PreAuthorize(Access.SELL)
    @ResponseStatus(HttpStatus.METHOD_NOT_ALLOWED)
    void change(@PathVariable String id, HttpServletResponse response) {
        throw NotServed.because(response, SalesErrors.SALE_NOT_EDITABLE, "GET");
    }

    @Hidden // answered 405 by design, listed in the service page
    @RequestMapping(value = "/api/sales/sales/{id}/complete", method = RequestMethod.POST)
    @PreAuthorize(Access.SELL)
    @ResponseStatus(HttpStatus.METHOD_NOT_ALLOWED)
    void complete(@PathVariable String id, HttpServletResponse response) {
        throw NotServed.because(response, SalesErrors.SALE_COMPLETE_BY_CHECKOUT, "");
    }

    @Operation(summary = "Everything a printed receipt needs: store, cashier, lines, taxes, payments, change")
    @GetMapping("/api/sales/sales/{id}/receipt")
    @PreAuthorize(Access.READ_SALES)
    ReceiptAnswer receipt(@PathVariable long id) {
        TenantRegistry.Profile store =
                stores.profile(TenantContext.require().key()).orElse(new TenantRegistry.Profile("", "", "", "", ""));
        return new ReceiptAnswer(Receipt.of(queries.get(id), store));
    }

    @Operation(summary = "Add a product to a draft: {product, quantity=1, batch?}")
    @PostMapping("/api/sales/sales/{id}/add_item")
    @PreAuthorize(Access.SELL)
    Success<SaleView> addItem(
            @PathVariable long id, @Valid @RequestBody CartService.AddItemRequest request, RequestKey key) {
        return Success.of("sales.item_added", cart.addItem(id, request, key.value()));
    }

    @Operation(summary = "Remove a line from a draft: {item_id}; its stock hold is released")
    @DeleteMapping("/api/sales/sales/{id}/remove_item")
    @PreAuthorize(Access.SELL)
    Success<SaleView> removeItem(@PathVariable long id, @Valid @RequestBody RemoveItemRequest request) {
        return Success.of("sales.item_removed", cart.removeItem(id, request.itemId()));
    }

    @Operation(summary = "Cancel a draft (a draft with items needs a manager or owner); holds are released")
    @PostMapping("/api/sales/sales/{id}/cancel")
    @PreAuthorize(Access.SELL)
    Success<SaleView> cancel(@PathVariable long id, Caller caller) {
        return Success.of("sales.sale_cancelled", cart.cancel(caller, id));
    }

    @Operation(
            summary =
                    "Refund a completed sale, wholly ({}) or by line ({items:[{item_id, quantity}]}); manager or owner")
    @PostMapping("/api/sales/sales/{id}/refund")
    @PreAuthorize(Access.MANAGE_SALES)
    Success<SaleView> refund(
            @PathVariable long id,
            @Valid @RequestBody(required = false) RefundService.RefundRequest request,
            Caller caller,
            RequestKey key) {
        return Success.of("sales.refunded", refunds.refund(caller, id, request, key.value()));
    }

    @Operation(
            summary =
                    "Record a whole sale in one call (offline tills): {client_id (UUID, makes re-uploads safe), session, sold_at?, "
                            + "items:[{product, quantity, batch?, unit_price?, discount_amount?}], discount_percent? | discount_amount?, customer_id?, payments:[…]}; "
                            + "201 when recorded, 200 with the same sale when this client_id was uploaded before (without a client_id, the "
                            + "Idempotency-Key names the sale: a retry under the same key answers the sale recorded, 201). A sale with a client_id already "
                            + "happened: it is recorded as it was and data.decisions lists what Kassa decided (price_changed: the till's price kept; "
                            + "stock_short: sold beyond the stock on hand; credit_over_limit: the debt recorded whole; shift_closed / other_shift: recorded in the shift of its register open at sold_at); without one, those are refused")
    @PostMapping("/api/sales/sales")
    @PreAuthorize(Access.SELL)
    ResponseEntity<Success<SaleUploadService.Uploaded>> record(
            @RequestBody SaleUploadService.NewSale request, Caller caller, RequestKey key) {
        SaleUploadService.Recorded recorded = upload.record(caller, request, key.value());
        if (recorded.created()) {
            metrics.recorded();
        }
        // a keyed sale without a client_id found recorded is its own retry (its instance died before answering): the
        // answer the first attempt would have given
        boolean asFirst = recorded.created() || request.clientId() == null;
        return ResponseEntity.status(asFirst ? 201 : 200).body(Success.of("sales.sale_recorded", recorded.sale()));
    }

    /** One sale of an uploaded batch as the till learns its fate: {@code recorded}, {@code already_recorded} or {@code refused}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record UploadResult(String clientId, String outcome, SaleUploadService.Uploaded sale, Map<String, Object> error) {}

    /** What became of each sale of a batch, in the batch's order. */
    record UploadReport(List<UploadResult> results) {}

    @Operation(
            summary =
                    "Upload the sales an offline till kept (up to 100, in the order they happened; each as POST /api/sales/sales/ takes it, "
                            + "client_id required): each is recorded or refused on its own, and results says for each, in order, recorded | "
                            + "already_recorded (with the sale and what Kassa decided) or refused (with the error body it would have had); the "
                            + "batch is safe to send again")
    @PostMapping("/api/sales/sales/upload")
    @PreAuthorize(Access.SELL)
    Success<UploadReport> upload(@Valid @RequestBody SaleBatchService.Batch batch, Caller caller) {
        List<UploadResult> results = new ArrayList<>();
        for (SaleBatchService.Outcome o : batches.recordAll(caller, batch)) {
            String clientId = o.sale() == null ? null : o.sale().clientId();
            if (o.refused() != null) {
                results.add(new UploadResult(clientId, "refused", null, errors.body(o.refused())));
            } else {
                if (o.recorded().created()) {
                    metrics.recorded();
                }
                results.add(new UploadResult(
                        clientId,
                        o.recorded().created() ? "recorded" : "already_recorded",
                        o.recorded().sale(),
                        null));
            }
        }
        return Success.of("sales.sales_uploaded", new UploadReport(results));
    }

    @Operation(
            summary =
                    "Discount a draft: {item_id?, discount_percent | discount_amount}; without item_id the whole sale; 0 removes it. "
                            + "Cashiers up to kassa.sales.cashier-max-discount-percent (10 by default), managers and owners any")
    @PostMapping("/api/sales/sales/{id}/discount")
    @PreAuthorize(Access.SELL)
    Success<SaleView> discount(
            @PathVariable long id, @Valid @RequestBody CartService.DiscountRequest request, Caller caller) {
        return Success.of(cart.discount(caller, id, request));
    }

    @Operation(
            summary =
                    "Attach the buyer to a draft before payment: customer_id, customer_phone (a customer who has it) or new_customer; "
                            + "their group discount applies at once (unless a larger one is set) and the answer shows the discounted total and the points "
                            + "and credit they have; another buyer replaces this one; checkout sells to the attached buyer unless it names another")
    @PostMapping("/api/sales/sales/{id}/customer")
    @PreAuthorize(Access.SELL)
    Success<CheckoutService.WithBuyer> attachBuyer(
            @PathVariable long id, @Valid @RequestBody BuyerRequest request, Caller caller) {
        return Success.of(checkout.attach(caller, id, request.buyer()));
    }

    @Operation(summary = "Take the buyer off a draft, with their group discount (a discount the cashier gave stays)")
    @DeleteMapping("/api/sales/sales/{id}/customer")
    @PreAuthorize(Access.SELL)
    Success<SaleView> detachBuyer(@PathVariable long id, Caller caller) {
        return Success.of(checkout.detach(caller, id));
    }

    @Operation(
            summary = "Complete a draft with one or more payments (cash with received_amount gives change); "
                    + "the buyer optional: customer_id (an active customer, else 400), or new_customer {first_name, phone, …} (the customer with "
                    + "that phone, else a new one), and/or customer_name / customer_phone (a phone a customer has links the sale to them); the "
                    + "buyer's group discount applies unless a larger one is set; payment_method credit (nasiya, within the credit limit) and "
                    + "bonus (loyalty points) need a customer; cashier_id (an employee id) records the sale for that cashier "
                    + "when an owner or manager holds the shift on a shared till (a cashier may name only themselves)")
    @PostMapping("/api/sales/sales/{id}/checkout")
    @PreAuthorize(Access.SELL)
    Success<SaleView> checkout(
            @PathVariable long id, @Valid @RequestBody CheckoutRequest request, Caller caller, RequestKey key) {
        return Success.of(
                "sales.sale_completed",
                metrics.checkout(() -> checkout.checkout(
                        caller, id, request.payments(), request.buyer(), request.cashierId(), key.value())));
    }
}
