package dev.kassa.catalog.inventory.purchase;

import dev.kassa.catalog.CatalogErrors;
import dev.kassa.catalog.catalogue.product.ProductService;
import dev.kassa.catalog.inventory.stock.PurchaseReceiptService;
import dev.kassa.platform.error.FieldErrors;
import dev.kassa.platform.events.OutboxPublisher;
import dev.kassa.platform.security.Caller;
import dev.kassa.platform.tenancy.TenantContext;
import dev.kassa.platform.validation.DomainValidated;
import dev.kassa.platform.validation.Money;
import dev.kassa.platform.validation.PrintableText;
import dev.kassa.platform.validation.Quantity;
import dev.kassa.platform.validation.RequestRules;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Purchase orders (issue 64, points 1-2): a draft to a supplier, ordered, received in one or several receipts, each line
 * received becoming a batch at its cost with a {@code purchase} movement, until everything came or the order is closed
 * with its shortfall; cancelled before anything came. A receipt happens once per {@code Idempotency-Key}, never takes a
 * line above what was ordered unless it says so ({@code accept_over}), keeps the supplier's last cost of each product
 * and moves each product's cost price to the weighted average of its stock and what came.
 */
@Service
public class PurchaseOrderService {

    /** At most this many lines in an order or a receipt. */
    static final int MAX_LINES = 1000;

    /** A line of an order: the product, how many, and the cost (the supplier's last, else the product's, when none). */
    public record PurchaseLineForm(
            @NotNull Long product,
            @NotNull @Quantity(positive = true) BigDecimal quantity,
            @Money BigDecimal costPrice) {}

    /**
     * A new draft: the supplier, when the goods are expected, notes, and its lines (none given: none, refused with the
     * bound); checked with a product named twice, the supplier and the products.
     */
    @DomainValidated
    public record PurchaseOrderRequest(
            @NotNull Long supplier,
            LocalDate expectedAt,
            @Size(max = 2000) @PrintableText(multiline = true) String notes,
            @Size(min = 1, max = MAX_LINES, message = "catalog.purchase_lines_size")
                    List<@NotNull @Valid PurchaseLineForm> lines) {

        public PurchaseOrderRequest {
            lines = lines == null ? List.of() : lines;
        }
    }

    /** A draft's changes: what is given replaces what it had ({@code lines} all of them), checked as a new draft's. */
    @DomainValidated
    public record PurchaseOrderUpdate(
            LocalDate expectedAt,
            @Size(max = 2000) @PrintableText(multiline = true) String notes,
            @Size(min = 1, max = MAX_LINES, message = "catalog.purchase_lines_size")
                    List<@NotNull @Valid PurchaseLineForm> lines) {}

    /** What came for one line of the order: how many, at what cost (the line's when none), and its batch's details. */
    public record ReceivedLineForm(
            @NotNull Long line,
            @NotNull @Quantity(positive = true) BigDecimal quantity,
            @Money BigDecimal costPrice,
            @Size(max = 100) String batchNumber,
            LocalDate manufacturingDate,
            LocalDate expiryDate) {}

    /**
     * A receipt: its lines (none given: none, refused with the bound), notes, {@code accept_over} to take a line above
     * what was ordered, and the {@code location} the goods are put at (none: the store's default); checked with the
     * order's lines and each line's dates.
     */
    @DomainValidated
    public record PurchaseReceiveRequest(
            @Size(min = 1, max = MAX_LINES, message = "catalog.purchase_lines_size")
                    List<@NotNull @Valid ReceivedLineForm> lines,
            @Size(max = 2000) @PrintableText(multiline = true) String notes,
            Boolean acceptOver,
            Long location) {

        public PurchaseReceiveRequest {
            lines = lines == null ? List.of() : lines;
        }
    }

    /** Why the order is closed before everything came. */
    public record PurchaseCloseRequest(@Size(max = 500) String reason) {}

    private final PurchaseOrderRepository orders;
    private final SupplierProductRepository supplierProducts;
    private final PurchaseReceiptService stock;
    private final ProductService products;
    private final OutboxPublisher outbox;
    private final RequestRules rules;

    PurchaseOrderService(
            PurchaseOrderRepository orders,
            SupplierProductRepository supplierProducts,
            PurchaseReceiptService stock,
            ProductService products,
            OutboxPublisher outbox,
            RequestRules rules) {
        this.rules = rules;
        this.outbox = outbox;
        this.orders = orders;
        this.supplierProducts = supplierProducts;
        this.stock = stock;
        this.products = products;
    }

    @Transactional
    public PurchaseOrderRepository.Row create(Caller caller, PurchaseOrderRequest r) {
        FieldErrors errors = rules.check(r);
        refuseTwice(errors, r.lines());
        errors.throwIfAny();
        if (!orders.supplierActive(r.supplier())) {
            throw FieldErrors.single("supplier", "catalog.supplier_not_found");
        }
        List<PurchaseOrderRepository.NewLine> lines = lines(errors, r.supplier(), r.lines());
        errors.throwIfAny();
        long id = orders.create(r.supplier(), r.expectedAt(), r.notes() == null ? "" : r.notes(), caller.userId());
        orders.replaceLines(id, lines);
        return orders.find(id).orElseThrow();
    }

    @Transactional
    public PurchaseOrderRepository.Row update(long id, PurchaseOrderUpdate r) {
        FieldErrors errors = rules.check(r);
        refuseTwice(errors, r.lines());
        errors.throwIfAny();
        PurchaseOrder order = load(id);
        order.edit();
        if (r.lines() != null) {
            List<PurchaseOrderRepository.NewLine> lines = lines(errors, order.supplierId(), r.lines());
            errors.throwIfAny();
            orders.replaceLines(id, lines);
        }
        orders.describe(id, r.expectedAt(), r.expectedAt() != null, r.notes());
        return orders.find(id).orElseThrow();
    }

    /** Sends a draft to the supplier; an order already sent answers as it stands. */
    @Transactional
    public PurchaseOrderRepository.Row order(long id) {
        PurchaseOrder order = load(id);
        if (order.order()) {
            orders.status(id, order.status());
        }
        return orders.find(id).orElseThrow();
    }

    /**
     * Takes in what came: a batch per line at its cost, a {@code purchase} movement each, the lines' received quantities,
     * the supplier's last costs and the products' average costs; the order becomes {@code received} when every line has
     * all it ordered. Once per {@code requestKey}: a retry answers the order with the first receipt's goods, not twice.
     */
    @Transactional
    public PurchaseOrderRepository.Row receive(Caller caller, long id, String requestKey, PurchaseReceiveRequest r) {
        PurchaseOrder order = load(id);
        if (requestKey != null && orders.receiptOf(requestKey).isPresent()) {
            return orders.find(id).orElseThrow();
        }
        List<PurchaseReceiptService.Purchase> purchases =
                order.receive(r.lines(), Boolean.TRUE.equals(r.acceptOver()), rules.check(r));
        PurchaseOrderRepository.Row row = orders.find(id).orElseThrow();
        PurchaseReceiptService.Received in = stock.receive(
                row.supplierId(), row.supplierName(), row.number(), purchases, caller.userId(), r.location());
        List<PurchaseOrderRepository.ReceivedLine> received = new ArrayList<>();
        for (int i = 0; i < purchases.size(); i++) {
            PurchaseReceiptService.Purchase p = purchases.get(i);
            received.add(new PurchaseOrderRepository.ReceivedLine(
                    r.lines().get(i).line(),
                    p.product(),
                    p.quantity(),
                    p.cost(),
                    in.batches().get(i)));
        }
        long receipt = orders.receive(
                id, row.supplierId(), requestKey, caller.userId(), r.notes() == null ? "" : r.notes(), received);
        supplierProducts.delivered(
                row.supplierId(),
                purchases.stream().map(PurchaseReceiptService.Purchase::product).toList(),
                purchases.stream().map(PurchaseReceiptService.Purchase::cost).toList());
        products.costsFollowReceipts(in.averageCosts());
        PurchaseOrderReceived event = order.received(receipt, caller.userId(), received);
        orders.status(id, order.status());
        outbox.publish(TenantContext.require().key(), event);
        return orders.find(id).orElseThrow();
    }

    /** Closes an order before everything came (its shortfall stays on its lines); again answers the same. */
    @Transactional
    public PurchaseOrderRepository.Row close(long id, PurchaseCloseRequest r) {
        if (load(id).close()) {
            orders.close(id, r.reason() == null ? "" : r.reason().trim());
        }
        return orders.find(id).orElseThrow();
    }

    /** Cancels an order nothing has come for; again answers the same. */
    @Transactional
    public PurchaseOrderRepository.Row cancel(long id) {
        PurchaseOrder order = load(id);
        if (order.cancel()) {
            orders.status(id, order.status());
        }
        return orders.find(id).orElseThrow();
    }

    @Transactional(readOnly = true)
    public PurchaseOrderRepository.Row get(long id) {
        return orders.find(id).orElseThrow(() -> CatalogErrors.PURCHASE_ORDER_NOT_FOUND.exception());
    }

    @Transactional(readOnly = true)
    public List<PurchaseOrderRepository.Line> lines(long id) {
        return orders.lines(id);
    }

    /** The supplier as the order's document names it: name, contact person, phone, email, address. */
    @Transactional(readOnly = true)
    public List<String> supplierContact(long supplierId) {
        return orders.supplierContact(supplierId);
    }

    @Transactional(readOnly = true)
    public List<PurchaseOrderRepository.Receipt> receipts(long id) {
        return orders.receipts(id);
    }

    /** Orders newest first: of a supplier, in a status, created between two of the store's dates (both included). */
    @Transactional(readOnly = true)
    public Page<PurchaseOrderRepository.Row> list(
            Long supplier, String status, LocalDate from, LocalDate to, Pageable page) {
        PurchaseOrderStatus wanted = status == null
                ? null
                : PurchaseOrderStatus.parse(status)
                        .orElseThrow(() ->
                                FieldErrors.single("status", "catalog.purchase_status", PurchaseOrderStatus.names()));
        if (from != null && to != null && to.isBefore(from)) {
            throw FieldErrors.single("date_to", "catalog.purchase_dates");
        }
        var zone = TenantContext.require().zone();
        Instant since = from == null ? null : from.atStartOfDay(zone).toInstant();
        Instant until = to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant();
        return orders.page(supplier, wanted, since, until, page);
    }

    /** The order with its lines, locked until the transaction ends; refused when there is none. */
    private PurchaseOrder load(long id) {
        return orders.load(id).orElseThrow(() -> CatalogErrors.PURCHASE_ORDER_NOT_FOUND.exception());
    }

    /** A product on two lines of an order (none given: nothing to check; each line's own rules are declared). */
    private static void refuseTwice(FieldErrors errors, List<PurchaseLineForm> lines) {
        if (lines == null) {
            return;
        }
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            PurchaseLineForm f = lines.get(i);
            if (f != null && f.product() != null && !seen.add(f.product())) {
                errors.add("lines." + i + ".product", "catalog.purchase_product_twice");
            }
        }
    }

    /** The lines to write: products that keep stock, at the cost given, else the supplier's last, else the product's. */
    private List<PurchaseOrderRepository.NewLine> lines(
            FieldErrors errors, long supplier, List<PurchaseLineForm> forms) {
        Set<Long> ids = new HashSet<>();
        forms.forEach(f -> ids.add(f.product()));
        Map<Long, BigDecimal> costs = orders.trackedCostPrices(ids);
        Map<Long, BigDecimal> last = supplierProducts.lastCosts(supplier, ids);
        List<PurchaseOrderRepository.NewLine> lines = new ArrayList<>();
        for (int i = 0; i < forms.size(); i++) {
            PurchaseLineForm f = forms.get(i);
            if (!costs.containsKey(f.product())) {
                errors.add("lines." + i + ".product", "catalog.purchase_product_unknown", String.valueOf(f.product()));
                continue;
            }
            BigDecimal cost =
                    f.costPrice() != null ? f.costPrice() : last.getOrDefault(f.product(), costs.get(f.product()));
            lines.add(new PurchaseOrderRepository.NewLine(
                    f.product(),
                    f.quantity().setScale(3, RoundingMode.UNNECESSARY),
                    cost.setScale(2, RoundingMode.HALF_UP)));
        }
        return lines;
    }
}
