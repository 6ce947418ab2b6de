package dev.kassa.sales.till;

import dev.kassa.platform.error.FieldErrors;
import dev.kassa.platform.error.KassaException;
import dev.kassa.platform.events.OutboxPublisher;
import dev.kassa.platform.events.Topics;
import dev.kassa.platform.security.Caller;
import dev.kassa.platform.security.Role;
import dev.kassa.platform.tenancy.Tenant;
import dev.kassa.platform.tenancy.TenantContext;
import dev.kassa.sales.catalog.CatalogClient;
import dev.kassa.sales.catalog.Hold;
import dev.kassa.sales.shift.Session;
import dev.kassa.sales.shift.SessionRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.UUID;

/**
 * The till flow (brief §6): scanning holds stock in catalog first, then writes the line; checkout takes
 * the tenders, completes the sale and writes {@code SaleCompleted} to the outbox in one transaction.
 */
@Service
public class TillService {

    public record ScanRequest(Long session, Long product, BigDecimal quantity, Long batch) { }

    private final SessionRepository sessions;
    private final SaleRepository sales;
    private final CatalogClient catalog;
    private final OutboxPublisher outbox;
    private final TransactionTemplate tx;

    TillService(SessionRepository sessions, SaleRepository sales, CatalogClient catalog, OutboxPublisher outbox, TransactionTemplate tx) {
        this.sessions = sessions;
        this.sales = sales;
        this.catalog = catalog;
        this.outbox = outbox;
        this.tx = tx;
    }

    public record AddItemRequest(Long product, BigDecimal quantity, Long batch) { }

    public record RefundLine(Long itemId, BigDecimal quantity) { }

    public record RefundRequest(List<RefundLine> items, String method, String reason) { }

    /** Adds a product to the caller's draft in the shift (creating the draft), holding the stock in catalog. */
    public SaleView scan(Caller caller, ScanRequest r) {
        FieldErrors errors = new FieldErrors();
        if (r.session() == null) {
            errors.add("session", "validation.required");
        }
        if (r.product() == null) {
            errors.add("product", "validation.required");
        }
        BigDecimal quantity = r.quantity() == null ? BigDecimal.ONE : r.quantity();
        checkQuantity(errors, quantity);
        errors.throwIfAny();
        tx.executeWithoutResult(s -> openSession(r.session()));
        return hold(r.product(), quantity, r.batch(), () -> {
            Session session = openSession(r.session());
            Tenant tenant = TenantContext.require();
            return sales.draftOf(session.id(), caller.userId()).orElseGet(() -> sales.find(sales.createDraft(session.id(),
                    caller.userId(), caller.username(), sales.nextReceiptNumber(session.registerCode(), tenant.today()))).orElseThrow());
        });
    }

    /** Adds a product to a given draft (spec §5.3.3), holding the stock in catalog. */
    public SaleView addItem(long saleId, AddItemRequest r) {
        FieldErrors errors = new FieldErrors();
        if (r.product() == null) {
            errors.add("product", "validation.required");
        }
        BigDecimal quantity = r.quantity() == null ? BigDecimal.ONE : r.quantity();
        checkQuantity(errors, quantity);
        errors.throwIfAny();
        tx.executeWithoutResult(s -> pendingSale(saleId));
        return hold(r.product(), quantity, r.batch(), () -> pendingSale(saleId));
    }

    /** Removes a line (with the other lines of the same scan) and releases its hold in catalog. */
    public SaleView removeItem(long saleId, Long itemId) {
        if (itemId == null) {
            throw FieldErrors.single("item_id", "validation.required");
        }
        String[] released = new String[1];
        SaleView view = tx.execute(s -> {
            pendingSale(saleId);
            released[0] = sales.removeScan(saleId, itemId).orElseThrow(() -> new KassaException(404, "item_not_found", "sales.item_not_found"));
            sales.recalculate(saleId);
            return detail(saleId);
        });
        catalog.release(List.of(released[0]));
        return view;
    }

    /** Voids a draft (spec §5.3.7); a draft with items needs a manager or owner. Its holds are released. */
    public SaleView cancel(Caller caller, long saleId) {
        List<String> refs = new java.util.ArrayList<>();
        SaleView view = tx.execute(s -> {
            SaleRepository.Sale sale = sales.lock(saleId).orElseThrow(() -> new KassaException(404, "sale_not_found", "sales.sale_not_found"));
            if (!"pending".equals(sale.status())) {
                throw new KassaException(400, "sale_not_pending", "sales.cancel_only_pending");
            }
            List<SaleRepository.Item> items = sales.items(saleId);
            if (!items.isEmpty() && caller.role() != Role.OWNER && caller.role() != Role.MANAGER) {
                throw new KassaException(403, "permission_denied", "sales.cancel_needs_manager");
            }
            sales.cancel(saleId);
            items.stream().map(SaleRepository.Item::reservationRef).distinct().forEach(refs::add);
            outbox.publish(Topics.SALES, "SaleCancelled", TenantContext.require().key(), java.util.Map.of("sale_id", String.valueOf(saleId),
                    "receipt_number", sale.receiptNumber(), "session_id", sale.sessionId()));
            return detail(saleId);
        });
        if (!refs.isEmpty()) {
            catalog.release(refs);
        }
        return view;
    }

    /**
     * Gives back a completed sale, wholly or by line, never more than was sold. The money leaves the caller's
     * open shift (else the sale's shift) by the chosen method (cash by default). Catalog restocks on SaleRefunded.
     */
    public SaleView refund(Caller caller, long saleId, RefundRequest r) {
        String method = r == null || r.method() == null || r.method().isBlank() ? "cash" : r.method().trim();
        if (!Settlement.METHODS.contains(method)) {
            throw FieldErrors.single("method", "sales.refund_method_invalid");
        }
        return tx.execute(s -> {
            SaleRepository.Sale sale = sales.lock(saleId).orElseThrow(() -> new KassaException(404, "sale_not_found", "sales.sale_not_found"));
            if (!"completed".equals(sale.status()) && !"partially_refunded".equals(sale.status())) {
                throw new KassaException(400, "sale_not_refundable", "sales.refund_only_completed");
            }
            List<SaleRepository.Item> items = sales.items(saleId);
            java.util.Map<Long, BigDecimal> wanted = new java.util.LinkedHashMap<>();
            FieldErrors errors = new FieldErrors();
            if (r == null || r.items() == null || r.items().isEmpty()) {
                items.forEach(i -> wanted.put(i.id(), i.quantity().subtract(i.refundedQuantity())));
            } else {
                for (int n = 0; n < r.items().size(); n++) {
                    RefundLine line = r.items().get(n);
                    SaleRepository.Item item = line == null || line.itemId() == null ? null
                            : items.stream().filter(i -> i.id() == line.itemId()).findFirst().orElse(null);
                    if (item == null) {
                        errors.add("items." + n + ".item_id", "sales.refund_item_unknown");
                        continue;
                    }
                    BigDecimal left = item.quantity().subtract(item.refundedQuantity()).subtract(wanted.getOrDefault(item.id(), BigDecimal.ZERO));
                    BigDecimal q = line.quantity() == null ? left : line.quantity();
                    if (q.signum() <= 0 || q.stripTrailingZeros().scale() > 3) {
                        errors.add("items." + n + ".quantity", "validation.positive");
                    } else if (q.compareTo(left) > 0) {
                        errors.add("items." + n + ".quantity", "sales.refund_exceeds", left.toPlainString());
                    } else {
                        wanted.merge(item.id(), q, BigDecimal::add);
                    }
                }
            }
            errors.throwIfAny();
            wanted.values().removeIf(q -> q.signum() <= 0);
            if (wanted.isEmpty()) {
                throw new KassaException(400, "sale_not_refundable", "sales.refund_only_completed");
            }
            // a sale-level discount is shared out over the lines in proportion
            BigDecimal factor = sale.subtotal().signum() == 0 ? BigDecimal.ONE
                    : sale.totalAmount().divide(sale.subtotal(), 10, RoundingMode.HALF_UP);
            Tenant tenant = TenantContext.require();
            long session = sessions.currentOf(caller.userId()).filter(Session::isOpen).map(Session::id).orElse(sale.sessionId());
            List<SaleRefunded.Line> lines = new java.util.ArrayList<>();
            java.util.Map<Long, BigDecimal> amounts = new java.util.LinkedHashMap<>();
            BigDecimal total = BigDecimal.ZERO.setScale(2);
            for (var e : wanted.entrySet()) {
                SaleRepository.Item item = items.stream().filter(i -> i.id() == e.getKey()).findFirst().orElseThrow();
                boolean rest = e.getValue().compareTo(item.quantity().subtract(item.refundedQuantity())) == 0;
                BigDecimal lineValue = item.lineTotal().multiply(factor).setScale(2, RoundingMode.HALF_UP);
                BigDecimal amount = rest ? lineValue.subtract(sales.refundedAmount(item.id()))
                        : lineValue.multiply(e.getValue()).divide(item.quantity(), 2, RoundingMode.HALF_UP);
                amounts.put(item.id(), amount);
                total = total.add(amount);
                lines.add(new SaleRefunded.Line(item.productId(), item.batchId(), e.getValue(), amount, item.reservationRef()));
            }
            long refundId = sales.addRefund(saleId, session, total.max(new BigDecimal("0.01")), method,
                    r == null || r.reason() == null ? "" : r.reason(), caller.userId(), tenant.today());
            wanted.forEach((itemId, q) -> sales.addRefundLine(refundId, itemId, q, amounts.get(itemId)));
            boolean full = sales.items(saleId).stream().allMatch(i -> i.refundedQuantity().compareTo(i.quantity()) == 0);
            sales.setStatus(saleId, full ? "refunded" : "partially_refunded");
            outbox.publish(Topics.SALES, SaleRefunded.TYPE, tenant.key(), new SaleRefunded(String.valueOf(saleId), String.valueOf(refundId),
                    sale.receiptNumber(), sale.customerId(), tenant.today(), total, method, full, lines));
            return detail(saleId);
        });
    }

    /** Holds stock in catalog first, then writes the lines into the sale that {@code target} locks, in one transaction. */
    private SaleView hold(long productId, BigDecimal quantity, Long batchId, java.util.function.Supplier<SaleRepository.Sale> target) {
        BigDecimal qty = quantity.setScale(3, RoundingMode.UNNECESSARY);
        String ref = UUID.randomUUID().toString();
        Hold hold = catalog.reserve(ref, productId, qty, batchId);
        try {
            return tx.execute(s -> {
                SaleRepository.Sale draft = target.get();
                for (Hold.Allocation a : hold.allocations()) {
                    sales.addToLine(draft.id(), hold.product().id(), hold.product().name(), hold.product().sku(), hold.product().unit(),
                            a.batchId(), a.batchNumber(), a.quantity(), hold.product().salePrice(), a.unitCost(), hold.product().taxRate(), ref);
                }
                sales.recalculate(draft.id());
                return detail(draft.id());
            });
        } catch (RuntimeException e) {
            catalog.release(List.of(ref));
            throw e;
        }
    }

    @Transactional(readOnly = true)
    public SaleView get(long saleId) {
        sales.find(saleId).orElseThrow(() -> new KassaException(404, "sale_not_found", "sales.sale_not_found"));
        return detail(saleId);
    }

    /** The caller's open draft in a shift, if any (spec S28). */
    @Transactional(readOnly = true)
    public java.util.Optional<SaleView> current(Caller caller, Long sessionId) {
        if (sessionId == null) {
            throw FieldErrors.single("session", "validation.required");
        }
        Session session = sessions.find(sessionId).orElseThrow(() -> new KassaException(404, "session_not_found", "sales.session_not_found"));
        if (!session.isOpen()) {
            throw new KassaException(400, "session_not_open", "sales.session_not_open");
        }
        return sales.pendingOf(sessionId, caller.userId()).map(s -> detail(s.id()));
    }

    /** Sales list; {@code today} limits it to completed sales of the store's local business date. */
    @Transactional(readOnly = true)
    public org.springframework.data.domain.Page<SaleView> list(String status, Long session, String search, boolean today,
                                                               org.springframework.data.domain.Pageable page) {
        String s = search == null || search.isBlank() ? null : search.trim();
        String st = today ? "completed" : status == null || status.isBlank() ? null : status.trim();
        java.time.LocalDate date = today ? TenantContext.require().today() : null;
        List<SaleRepository.Sale> found = sales.search(st, session, s, date, page.getPageSize(), page.getOffset());
        List<Long> ids = found.stream().map(SaleRepository.Sale::id).toList();
        var items = sales.itemsOf(ids);
        var payments = sales.paymentsOf(ids);
        List<SaleView> views = found.stream()
                .map(x -> SaleView.of(x, items.getOrDefault(x.id(), List.of()), payments.getOrDefault(x.id(), List.of()))).toList();
        return new org.springframework.data.domain.PageImpl<>(views, page, sales.count(st, session, s, date));
    }

    private SaleRepository.Sale pendingSale(long saleId) {
        SaleRepository.Sale sale = sales.lock(saleId).orElseThrow(() -> new KassaException(404, "sale_not_found", "sales.sale_not_found"));
        if (!"pending".equals(sale.status())) {
            throw new KassaException(400, "sale_not_pending", "sales.only_pending_items");
        }
        return sale;
    }

    private static void checkQuantity(FieldErrors errors, BigDecimal quantity) {
        if (quantity.signum() <= 0) {
            errors.add("quantity", "validation.positive");
        } else if (quantity.stripTrailingZeros().scale() > 3 || quantity.compareTo(new BigDecimal("999999")) > 0) {
            errors.add("quantity", "validation.invalid");
        }
    }

    /** Completes a pending sale with split tenders; publishes SaleCompleted in the same transaction. */
    public SaleView checkout(long saleId, List<PaymentRequest> payments, Long customerId) {
        if (customerId != null && customerId <= 0) {
            throw FieldErrors.single("customer_id", "validation.invalid");
        }
        return tx.execute(s -> {
            SaleRepository.Sale sale = sales.lock(saleId).orElseThrow(() -> new KassaException(404, "sale_not_found", "sales.sale_not_found"));
            if (!"pending".equals(sale.status())) {
                throw new KassaException(400, "sale_not_pending", "sales.sale_not_pending");
            }
            List<SaleRepository.Item> items = sales.items(saleId);
            if (items.isEmpty()) {
                throw new KassaException(400, "sale_empty", "sales.sale_empty");
            }
            Settlement settlement = Settlement.of(sale.totalAmount(), payments);
            for (Settlement.Applied p : settlement.payments()) {
                sales.addPayment(saleId, sale.sessionId(), p.method(), p.amount(), p.received(), p.change(), p.cardLast4(), p.transactionId());
            }
            Tenant tenant = TenantContext.require();
            if (customerId != null) {
                sales.attachCustomer(saleId, customerId);
            }
            sales.complete(saleId, settlement.change(), tenant.today());
            SaleRepository.Sale done = sales.find(saleId).orElseThrow();
            outbox.publish(Topics.SALES, SaleCompleted.TYPE, tenant.key(), new SaleCompleted(String.valueOf(done.id()), done.receiptNumber(),
                    done.sessionId(), done.registerId(), done.cashierUserId(), done.customerId(), done.completedAt(), done.businessDate(),
                    done.subtotal(), done.discountAmount(), done.taxAmount(), done.totalAmount(),
                    items.stream().map(i -> new SaleCompleted.Line(i.productId(), i.productName(), i.batchId(), i.quantity(), i.unitPrice(),
                            i.discountAmount(), i.lineTotal(), i.unitCost(), i.reservationRef())).toList(),
                    settlement.payments().stream().map(p -> new SaleCompleted.Payment(p.method(), p.amount(), p.received(), p.change())).toList()));
            return detail(saleId);
        });
    }

    private Session openSession(long id) {
        Session session = sessions.lock(id).orElseThrow(() -> new KassaException(404, "session_not_found", "sales.session_not_found"));
        if (!session.isOpen()) {
            throw new KassaException(400, "session_not_open", "sales.session_not_open");
        }
        return session;
    }

    private SaleView detail(long saleId) {
        return SaleView.of(sales.find(saleId).orElseThrow(), sales.items(saleId), sales.payments(saleId));
    }
}
