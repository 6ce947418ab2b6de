package dev.kassa.catalog.inventory.stock;

import dev.kassa.platform.security.Access;
import dev.kassa.platform.security.Caller;
import dev.kassa.platform.tenancy.TenantContext;
import dev.kassa.platform.validation.OneOf;
import dev.kassa.platform.web.PageResponse;
import dev.kassa.platform.web.Success;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Receiving stock into batches and the stock history (spec C22–C26, rewrite); adjustments answer the product ({@code ProductStockController}). */
@RestController
class StockController {

    private final StockService stock;
    private final ValuationService valuation;
    private final BatchQualityService quality;
    private final BatchTraceService trace;

    StockController(
            StockService stock, ValuationService valuation, BatchQualityService quality, BatchTraceService trace) {
        this.stock = stock;
        this.valuation = valuation;
        this.quality = quality;
        this.trace = trace;
    }

    @Operation(
            summary =
                    "What a recall needs of a batch: where it came from (supplier, date, the movement that received it), "
                            + "every sale that took from it (sale, receipt, quantity, date), refunds, adjustments, and what is left "
                            + "and held; who bought (each sale's customer, the buyers once each with name and phone) only for a "
                            + "caller who may read customers (owners, managers, apps with customers:read), empty for the others")
    @GetMapping("/api/products/batches/{id}/trace")
    @PreAuthorize(Access.READ_STOCK_VALUE)
    BatchTraceService.Trace trace(@PathVariable long id, Authentication caller) {
        return trace.of(id, readsCustomers(caller));
    }

    /** Whether the caller passes {@link Access#READ_CUSTOMERS}: only they see who bought (issue 84, point 3). */
    private static boolean readsCustomers(Authentication caller) {
        return caller.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .anyMatch(Access.CUSTOMER_READERS::contains);
    }

    @Operation(
            summary =
                    "Block a batch (quarantine, recall): {reason}; its stock stays on hand, apart, and is never held or "
                            + "sold until approved; answers the batch and the holds tills had already taken from it (held_by: how many)")
    @PostMapping("/api/products/batches/{id}/block")
    @PreAuthorize(Access.DECIDE_STOCK)
    BatchQualityService.Decision block(
            @PathVariable long id, @RequestBody BatchQualityService.BlockRequest request, Caller caller) {
        return quality.block(caller, id, request);
    }

    @Operation(summary = "Approve a pending or blocked batch: its stock may be held and sold again")
    @PostMapping("/api/products/batches/{id}/approve")
    @PreAuthorize(Access.DECIDE_STOCK)
    BatchQualityService.Decision approve(@PathVariable long id, Caller caller) {
        return quality.approve(caller, id);
    }

    @Operation(summary = "The store's stock settings: new_batches_pending (goods received wait for approval)")
    @GetMapping("/api/products/stock-settings")
    @PreAuthorize(Access.READ_CATALOG)
    BatchQualityService.Settings settings() {
        return quality.settings();
    }

    @Operation(summary = "Change the store's stock settings: {new_batches_pending}")
    @PatchMapping("/api/products/stock-settings")
    @PreAuthorize(Access.DECIDE_STOCK)
    BatchQualityService.Settings changeSettings(@RequestBody BatchQualityService.SettingsRequest request) {
        return quality.change(request);
    }

    @Operation(
            summary =
                    "What the stock is worth: at cost (each batch's own purchase price), at retail (the sale price) and "
                            + "the margin, in total and by group_by (category, the default; supplier; location; none), of one "
                            + "location or all; now, or at the end of "
                            + "the business day as_of (YYYY-MM-DD, not after today) from the ledger and the price history")
    @GetMapping("/api/products/valuation")
    @PreAuthorize(Access.READ_STOCK_VALUE)
    ValuationService.Valuation valuation(
            @RequestParam(name = "as_of", required = false) String asOf,
            @RequestParam(name = "group_by", required = false) String groupBy,
            @RequestParam(required = false) Long location) {
        return valuation.value(asOf, groupBy, location);
    }

    @Operation(
            summary =
                    "Receive goods into a new batch: {product, quantity, purchase_price?, batch_number?, manufacturing_date?, "
                            + "expiry_date?, supplier?, supplier_name?, notes?}")
    @PostMapping("/api/products/batches")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(Access.MANAGE_INVENTORY)
    BatchRepository.View receive(@RequestBody StockService.ReceiveRequest request, Caller caller) {
        return stock.receive(caller, request);
    }

    /** The original web client's receipt after a warehouse scan: {@code type} (product; a variant is a product with its own id) and {@code id}. */
    record ScannedReceipt(
            @OneOf(values = "product", message = "stock.scanned_type_invalid") String type,
            Long id,
            BigDecimal quantity,
            BigDecimal purchasePrice,
            Long supplier,
            LocalDate manufacturingDate,
            LocalDate expiryDate) {}

    @Operation(
            summary =
                    "The original web client's receipt after a warehouse scan: {type: product, id, quantity, purchase_price, "
                            + "supplier?, manufacturing_date?, expiry_date?}, received as products/batches/ receives it")
    @PostMapping("/api/products/warehouse-scan/add-batch")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(Access.MANAGE_INVENTORY)
    Success<BatchRepository.View> receiveScanned(@Valid @RequestBody ScannedReceipt r, Caller caller) {
        BatchRepository.View batch = stock.receive(
                caller,
                new StockService.ReceiveRequest(
                        r.id(),
                        r.quantity(),
                        r.purchasePrice(),
                        null,
                        r.manufacturingDate(),
                        r.expiryDate(),
                        r.supplier(),
                        null,
                        null,
                        null));
        return Success.of(batch);
    }

    @Operation(
            summary = "Batches: filters product, is_active, expired, near_expiry (+days, default 30), supplier, search "
                    + "(batch number, supplier, barcode), status (approved, pending, blocked); ordering expiry_date, "
                    + "received_at, quantity")
    @GetMapping("/api/products/batches")
    @PreAuthorize(Access.READ_CATALOG)
    PageResponse<BatchRepository.View> list(
            @ParameterObject BatchFilter filter, @RequestParam(required = false) String ordering, PageRequest page) {
        return PageResponse.of(stock.batches(filter.on(TenantContext.require().today()), ordering, page), v -> v);
    }

    @Operation(summary = "Active batches past their expiry date (in the store's time zone)")
    @GetMapping("/api/products/batches/expired")
    @PreAuthorize(Access.READ_CATALOG)
    PageResponse<BatchRepository.View> expired(@RequestParam(required = false) Long product, PageRequest page) {
        return activeByExpiry(product, true, null, page);
    }

    @Operation(summary = "Active batches expiring within ?days= (default 30)")
    @GetMapping("/api/products/batches/near_expiry")
    @PreAuthorize(Access.READ_CATALOG)
    PageResponse<BatchRepository.View> nearExpiry(
            @RequestParam(required = false) Integer days,
            @RequestParam(required = false) Long product,
            PageRequest page) {
        return activeByExpiry(product, null, BatchFilter.window(days), page);
    }

    /** A product's (or every) active batches, soonest expiry first: the expired ones, or those expiring within a window. */
    private PageResponse<BatchRepository.View> activeByExpiry(
            Long product, Boolean expired, Integer window, PageRequest page) {
        return PageResponse.of(
                stock.batches(
                        new BatchRepository.Filter(
                                product,
                                true,
                                expired,
                                window,
                                null,
                                null,
                                TenantContext.require().today(),
                                null,
                                null),
                        "expiry_date",
                        page),
                v -> v);
    }

    @Operation(summary = "One batch with its held quantity and expiry figures")
    @GetMapping("/api/products/batches/{id}")
    @PreAuthorize(Access.READ_CATALOG)
    BatchRepository.View get(@PathVariable long id) {
        return stock.batch(id);
    }

    @Operation(
            summary =
                    "Replace a batch's details (number, dates, supplier, notes, is_active); its quantity changes only through adjustments")
    @PutMapping("/api/products/batches/{id}")
    @PreAuthorize(Access.MANAGE_INVENTORY)
    BatchRepository.View replace(@PathVariable long id, @RequestBody StockService.BatchUpdate request) {
        return stock.updateBatch(id, request, false);
    }

    @Operation(summary = "Change some of a batch's details")
    @PatchMapping("/api/products/batches/{id}")
    @PreAuthorize(Access.MANAGE_INVENTORY)
    BatchRepository.View update(@PathVariable long id, @RequestBody StockService.BatchUpdate request) {
        return stock.updateBatch(id, request, true);
    }

    @Operation(
            summary =
                    "Remove a batch from use: one with stock left is refused (400 batch_has_stock: write it off or adjust it first), "
                            + "one tills still hold units of too (409 batch_held, until the sale completes or the hold is released); "
                            + "an empty one is archived (is_active false) and keeps its history")
    @DeleteMapping("/api/products/batches/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize(Access.MANAGE_INVENTORY)
    void delete(@PathVariable long id) {
        stock.deleteBatch(id);
    }

    @Operation(
            summary =
                    "A product's stock history, newest first: every receipt, sale, refund, adjustment and write-off; filter reason")
    @GetMapping("/api/products/products/{id}/movements")
    @PreAuthorize(Access.READ_CATALOG)
    PageResponse<StockMovement> movements(
            @PathVariable long id,
            @RequestParam(required = false) String reason,
            @RequestParam(required = false) Long location,
            PageRequest page) {
        return PageResponse.of(stock.movements(new MovementFilter(id, reason, location), page), v -> v);
    }

    @Operation(summary = "The store's stock movements, newest first: filters product, reason, location")
    @GetMapping("/api/products/stock-movements")
    @PreAuthorize(Access.READ_CATALOG)
    PageResponse<StockMovement> allMovements(@ParameterObject MovementFilter filter, PageRequest page) {
        return PageResponse.of(stock.movements(filter, page), v -> v);
    }
}
