package dev.kassa.sales.till;

import dev.kassa.platform.error.FieldErrors;
import dev.kassa.platform.events.OutboxPublisher;
import dev.kassa.platform.security.Caller;
import dev.kassa.platform.tenancy.Tenant;
import dev.kassa.platform.tenancy.TenantContext;
import dev.kassa.sales.SalesErrors;
import dev.kassa.sales.catalog.CatalogClient;
import dev.kassa.sales.catalog.Hold;
import dev.kassa.sales.customer.CustomerClient;
import dev.kassa.sales.shift.Session;
import dev.kassa.sales.shift.SessionRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The till flow (brief §6): scanning holds stock in catalog first, then writes the line; checkout takes
 * the tenders, completes the sale and writes {@code SaleCompleted} to the outbox in one transaction.
 */
@Service
public class TillService {

    /** A scan names the product by id, or gives the scanned {@code barcode} (product, extra or batch code). */
    public record ScanRequest(Long session, Long product, BigDecimal quantity, Long batch, String barcode) { }

    private final SessionRepository sessions;
    private final SaleRepository sales;
    private final CatalogClient catalog;
    private final OutboxPublisher outbox;
    private final TransactionTemplate tx;
    private final Discounts discounts;
    private final dev.kassa.platform.tenancy.EmployeeDirectory staff;
    private final CustomerClient customers;

    TillService(SessionRepository sessions, SaleRepository sales, CatalogClient catalog, OutboxPublisher outbox, TransactionTemplate tx,
                Discounts discounts, dev.kassa.platform.tenancy.EmployeeDirectory staff, CustomerClient customers) {
        this.customers = customers;
        this.staff = staff;
        this.discounts = discounts;
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
        boolean byCode = r.product() == null && !FieldErrors.blank(r.barcode());
        if (r.product() == null && !byCode) {
            errors.add("product", "validation.required");
        }
        errors.maxLength("barcode", r.barcode(), 100);
        BigDecimal quantity = r.quantity() == null ? BigDecimal.ONE : r.quantity();
        checkQuantity(errors, quantity);
        errors.throwIfAny();
        tx.executeWithoutResult(s -> openSession(r.session(), false));
        return hold(byCode ? null : r.product(), byCode ? r.barcode().trim() : null, quantity, r.batch(), () -> {
            SessionRepository.TillShift session = openSession(r.session(), true);
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
        return hold(r.product(), null, quantity, r.batch(), () -> pendingSale(saleId));
    }

    /** Removes a line (with the other lines of the same scan) and releases its hold in catalog. */
    public SaleView removeItem(long saleId, Long itemId) {
        if (itemId == null) {
            throw FieldErrors.single("item_id", "validation.required");
        }
        String[] released = new String[1];
        SaleView view = tx.execute(s -> {
            pendingSale(saleId);
            released[0] = sales.removeScan(saleId, itemId).orElseThrow(() -> SalesErrors.ITEM_NOT_FOUND.exception());
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
            SaleRepository.Sale sale = sales.lock(saleId).orElseThrow(() -> SalesErrors.SALE_NOT_FOUND.exception());
            if (!"pending".equals(sale.status())) {
                throw SalesErrors.CANCEL_ONLY_PENDING.exception();
            }
            List<SaleRepository.Item> items = sales.items(saleId);
            if (!items.isEmpty() && !caller.managesStore()) {
                throw SalesErrors.CANCEL_NEEDS_MANAGER.exception();
            }
            sales.cancel(saleId);
            items.stream().map(SaleRepository.Item::reservationRef).distinct().forEach(refs::add);
            outbox.publish(TenantContext.require().key(), new SaleCancelled(String.valueOf(saleId), sale.receiptNumber(), sale.sessionId()));
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
        if ("credit".equals(method) || "bonus".equals(method)) {
            throw FieldErrors.single("method", "sales.refund_method_credit");
        }
        if (!Settlement.METHODS.contains(method)) {
            throw FieldErrors.single("method", "sales.refund_method_invalid");
        }
        return tx.execute(s -> {
            SaleRepository.Sale sale = sales.lock(saleId).orElseThrow(() -> SalesErrors.SALE_NOT_FOUND.exception());
            if (!"completed".equals(sale.status()) && !"partially_refunded".equals(sale.status())) {
                throw SalesErrors.SALE_NOT_REFUNDABLE.exception();
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
                throw SalesErrors.SALE_NOT_REFUNDABLE.exception();
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
                lines.add(new SaleRefunded.Line(item.productId(), item.batchId(), e.getValue().setScale(3, java.math.RoundingMode.UNNECESSARY), amount, item.reservationRef()));
            }
            // what was bought on credit comes back first (it reduces the customer's debt), then what was paid with points (the points
            // return): neither leaves the till; only the rest is paid back by the chosen method
            BigDecimal creditPart = total.min(sales.paidBy(saleId, "credit").subtract(sales.refundedAs(saleId, "credit_amount")))
                    .max(BigDecimal.ZERO).setScale(2);
            BigDecimal bonusPart = total.subtract(creditPart).min(sales.paidBy(saleId, "bonus").subtract(sales.refundedAs(saleId, "bonus_amount")))
                    .max(BigDecimal.ZERO).setScale(2);
            String paidBack = total.signum() > 0 && creditPart.add(bonusPart).compareTo(total) == 0
                    ? (creditPart.signum() > 0 ? "credit" : "bonus") : method;
            long refundId = sales.addRefund(saleId, session, total.max(new BigDecimal("0.01")), paidBack, creditPart, bonusPart,
                    r == null || r.reason() == null ? "" : r.reason(), caller.userId(), tenant.today());
            wanted.forEach((itemId, q) -> sales.addRefundLine(refundId, itemId, q, amounts.get(itemId)));
            boolean full = sales.items(saleId).stream().allMatch(i -> i.refundedQuantity().compareTo(i.quantity()) == 0);
            sales.setStatus(saleId, full ? "refunded" : "partially_refunded");
            outbox.publish(tenant.key(), new SaleRefunded(String.valueOf(saleId), String.valueOf(refundId),
                    sale.receiptNumber(), sale.customerId(), tenant.today(), total, creditPart, bonusPart, paidBack, full, lines));
            return detail(saleId);
        });
    }

    /** Holds stock in catalog first, then writes the lines into the sale that {@code target} locks, in one transaction. */
    private SaleView hold(Long productId, String barcode, BigDecimal quantity, Long batchId, java.util.function.Supplier<SaleRepository.Sale> target) {
        BigDecimal qty = quantity.setScale(3, RoundingMode.UNNECESSARY);
        String ref = UUID.randomUUID().toString();
        Hold hold = catalog.reserve(ref, productId, barcode, qty, batchId);
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
        sales.find(saleId).orElseThrow(() -> SalesErrors.SALE_NOT_FOUND.exception());
        return detail(saleId);
    }

    /** The caller's open draft in a shift, if any (spec S28). */
    @Transactional(readOnly = true)
    public java.util.Optional<SaleView> current(Caller caller, Long sessionId) {
        if (sessionId == null) {
            throw FieldErrors.single("session", "validation.required");
        }
        // spec S28: a closed shift is answered as one not found (404), as the original did
        Session session = sessions.find(sessionId).filter(Session::isOpen).orElseThrow(() -> SalesErrors.SESSION_NOT_FOUND.exception());
        return sales.pendingOf(sessionId, caller.userId()).map(s -> detail(s.id()));
    }

    /** Sales list; {@code today} limits it to completed sales of the store's local business date. */
    @Transactional(readOnly = true)
    /** The sales list: {@code today} narrows to today's completed sales (the store's local date). */
    public org.springframework.data.domain.Page<SaleView> list(SaleRepository.Filter filter, boolean today, String ordering,
                                                               org.springframework.data.domain.Pageable page) {
        SaleRepository.Filter f = today
                ? new SaleRepository.Filter("completed", null, null, TenantContext.require().today(), TenantContext.require().today(), null, null)
                : filter;
        List<SaleRepository.Sale> found = sales.search(f, SaleRepository.ORDERING.orderBy(ordering), page.getPageSize(), page.getOffset());
        List<Long> ids = found.stream().map(SaleRepository.Sale::id).toList();
        var items = sales.itemsOf(ids);
        var payments = sales.paymentsOf(ids);
        List<SaleView> views = found.stream()
                .map(x -> SaleView.of(x, items.getOrDefault(x.id(), List.of()), payments.getOrDefault(x.id(), List.of()))).toList();
        return new org.springframework.data.domain.PageImpl<>(views, page, sales.count(f));
    }

    private SaleRepository.Sale pendingSale(long saleId) {
        SaleRepository.Sale sale = sales.lock(saleId).orElseThrow(() -> SalesErrors.SALE_NOT_FOUND.exception());
        if (!"pending".equals(sale.status())) {
            throw SalesErrors.ONLY_PENDING_ITEMS.exception();
        }
        return sale;
    }

    private static void checkQuantity(FieldErrors errors, BigDecimal quantity) {
        checkQuantity(errors, "quantity", quantity);
    }

    private static void checkQuantity(FieldErrors errors, String field, BigDecimal quantity) {
        if (quantity.signum() <= 0) {
            errors.add(field, "validation.positive");
        } else if (quantity.stripTrailingZeros().scale() > 3 || quantity.compareTo(new BigDecimal("999999")) > 0) {
            errors.add(field, "validation.invalid");
        }
    }

    /** Completes a pending sale with split tenders; publishes SaleCompleted in the same transaction. */
    public SaleView checkout(Caller caller, long saleId, List<PaymentRequest> payments, Buyer buyer, Long cashierId) {
        checkBuyer(buyer);
        var seller = cashierId == null ? null : seller(caller, cashierId);
        var who = resolve(buyer);
        List<String> credit = new java.util.ArrayList<>();
        try {
            return tx.execute(s -> {
                SaleRepository.Sale sale = sales.lock(saleId).orElseThrow(() -> SalesErrors.SALE_NOT_FOUND.exception());
                if (!"pending".equals(sale.status())) {
                    throw SalesErrors.SALE_NOT_PENDING.exception();
                }
                if (seller != null) {
                    sales.sellBy(saleId, seller.userId(), seller.fullName());
                    sale = sales.find(saleId).orElseThrow();
                }
                return settle(caller, sale, payments, buyer, who, java.time.Instant.now(), credit);
            });
        } catch (RuntimeException e) {
            credit.forEach(customers::release);
            throw e;
        }
    }

    /**
     * The employee a sale is recorded for on a shared till (issue 13): an active employee of the store; an owner or a manager
     * holding the shift may name any, a cashier only themselves.
     */
    private dev.kassa.platform.tenancy.EmployeeDirectory.Employee seller(Caller caller, long cashierId) {
        var employee = staff.find(TenantContext.require().key(), cashierId).filter(dev.kassa.platform.tenancy.EmployeeDirectory.Employee::isActive)
                .orElseThrow(() -> FieldErrors.single("cashier_id", "sales.cashier_unknown"));
        if (!caller.managesStore() && employee.userId() != caller.userId()) {
            throw SalesErrors.SELL_AS_YOURSELF.exception();
        }
        return employee;
    }

    /**
     * Takes the tenders for a sale, completes it at {@code at} and writes SaleCompleted (inside the caller's transaction). The
     * buyer's group discount applies first unless the sale already has a larger one; the credit and bonus tenders are held in
     * customer-service before anything is written (the caller releases those holds when this transaction fails).
     */
    private SaleView settle(Caller caller, SaleRepository.Sale draft, List<PaymentRequest> payments, Buyer buyer, CustomerClient.TillCustomer who,
                            java.time.Instant at, List<String> customerHolds) {
        long saleId = draft.id();
        List<SaleRepository.Item> items = sales.items(saleId);
        if (items.isEmpty()) {
            throw SalesErrors.SALE_EMPTY.exception();
        }
        SaleRepository.Sale sale = who == null ? draft : groupDiscount(caller, draft, who);
        Settlement settlement = Settlement.of(sale.totalAmount(), payments);
        BigDecimal credit = settlement.credit();
        BigDecimal bonus = settlement.bonus();
        if ((credit.signum() > 0 || bonus.signum() > 0) && who == null) {
            throw FieldErrors.single("customer_id", credit.signum() > 0 ? "sales.credit_needs_customer" : "sales.bonus_needs_customer");
        }
        if (credit.signum() > 0) {
            // checked against the customer's limit in customer-service (the customer locked there, so two tills never exceed it together)
            String ref = UUID.randomUUID().toString();
            customerHolds.add(ref);
            customers.hold(ref, who.id(), credit, saleId);
        }
        if (bonus.signum() > 0) {
            String ref = UUID.randomUUID().toString();
            customerHolds.add(ref);
            customers.holdBonus(ref, who.id(), bonus, saleId);
        }
        for (Settlement.Applied p : settlement.payments()) {
            sales.addPayment(saleId, sale.sessionId(), p.method(), p.amount(), p.received(), p.change(), p.cardLast4(), p.transactionId());
        }
        Tenant tenant = TenantContext.require();
        if (who != null || (buyer != null && !buyer.isEmpty())) {
            String name = buyer == null || FieldErrors.blank(buyer.name()) ? (who == null ? "" : who.fullName()) : buyer.name().trim();
            String phone = buyer == null || FieldErrors.blank(buyer.phone()) ? (who == null ? "" : who.phone()) : buyer.phone().trim();
            sales.attachCustomer(saleId, who == null ? null : who.id(), name, phone);
        }
        sales.complete(saleId, settlement.change(), at, java.time.LocalDate.ofInstant(at, tenant.zone()));
        SaleRepository.Sale done = sales.find(saleId).orElseThrow();
        outbox.publish(tenant.key(), new SaleCompleted(String.valueOf(done.id()), done.receiptNumber(),
                done.sessionId(), done.registerId(), done.cashierUserId(), done.customerId(), done.completedAt(), done.businessDate(),
                done.subtotal(), done.discountAmount(), done.taxAmount(), done.totalAmount(),
                items.stream().map(i -> new SaleCompleted.Line(i.productId(), i.productName(), i.batchId(), i.quantity(), i.unitPrice(),
                        i.discountAmount(), i.lineTotal(), i.unitCost(), i.reservationRef())).toList(),
                settlement.payments().stream().map(p -> new SaleCompleted.Payment(p.method(), p.amount(), p.received(), p.change())).toList()));
        return detail(saleId);
    }

    /**
     * Who bought: a customer of customer-service by id, or a {@code new_customer} (found by phone or created), and/or the name
     * and phone printed on the sale (a phone that a customer has links the sale to them).
     */
    public record Buyer(Long id, String name, String phone, Map<String, Object> newCustomer) {
        public Buyer(Long id, String name, String phone) {
            this(id, name, phone, null);
        }

        boolean isEmpty() {
            return id == null && FieldErrors.blank(name) && FieldErrors.blank(phone) && newCustomer == null;
        }

        /** Whether customer-service has to say who this is. */
        boolean namesCustomer() {
            return id != null || newCustomer != null || !FieldErrors.blank(phone);
        }
    }

    /** The buyer as customer-service knows them, validated before anything is written; null when nobody is named. */
    private CustomerClient.TillCustomer resolve(Buyer buyer) {
        if (buyer == null || !buyer.namesCustomer()) {
            return null;
        }
        try {
            return customers.resolve(buyer.id(), buyer.name(), buyer.phone() == null ? null : buyer.phone().trim(), buyer.newCustomer());
        } catch (dev.kassa.platform.error.KassaException e) {
            if (buyer.id() == null && buyer.newCustomer() == null && e.is(SalesErrors.CUSTOMERS_UNAVAILABLE)) {
                // a bare phone only links the sale to a customer: without customer-service it is printed on the sale as it is
                return null;
            }
            throw e;
        }
    }

    /**
     * The buyer's group discount (a percent of the subtotal) replaces the sale's discount when it takes more off; a larger
     * manual discount stays. Answers the sale as it now stands.
     */
    private SaleRepository.Sale groupDiscount(Caller caller, SaleRepository.Sale sale, CustomerClient.TillCustomer who) {
        BigDecimal percent = who.discountPercent();
        if (percent == null || percent.signum() <= 0) {
            return sale;
        }
        BigDecimal off = Discounts.amountOff(new Discounts.Requested(percent, null), sale.subtotal());
        if (off.compareTo(sale.discountAmount()) <= 0) {
            return sale;
        }
        sales.setSaleDiscount(sale.id(), percent, off, caller.userId());
        sales.recalculate(sale.id());
        return sales.find(sale.id()).orElseThrow();
    }

    private static void checkBuyer(Buyer buyer) {
        if (buyer == null) {
            return;
        }
        FieldErrors errors = new FieldErrors();
        if (buyer.id() != null && buyer.id() <= 0) {
            errors.add("customer_id", "validation.invalid");
        }
        errors.maxLength("customer_name", buyer.name(), 200);
        if (!FieldErrors.blank(buyer.phone())) {
            errors.phone("customer_phone", buyer.phone().trim());
        }
        errors.throwIfAny();
    }

    public record DiscountRequest(Long itemId, BigDecimal discountPercent, BigDecimal discountAmount) { }

    /**
     * Sets (or, with 0, removes) a discount on a draft: on one line with {@code item_id}, else on the whole sale.
     * Cashiers are limited to a store-wide percent; managers and owners are not.
     */
    public SaleView discount(Caller caller, long saleId, DiscountRequest r) {
        Discounts.Requested requested = new Discounts.Requested(r.discountPercent(), r.discountAmount());
        if (requested.isEmpty()) {
            throw FieldErrors.single("discount_percent", "sales.discount_required");
        }
        return tx.execute(s -> {
            SaleRepository.Sale sale = pendingSale(saleId);
            FieldErrors errors = new FieldErrors();
            if (r.itemId() != null) {
                SaleRepository.Item item = sales.items(saleId).stream().filter(i -> i.id() == r.itemId()).findFirst()
                        .orElseThrow(() -> SalesErrors.ITEM_NOT_FOUND.exception());
                BigDecimal gross = item.quantity().multiply(item.unitPrice()).setScale(2, RoundingMode.HALF_UP);
                discounts.validate(errors, "", requested, gross);
                errors.throwIfAny();
                BigDecimal off = Discounts.amountOff(requested, gross);
                discounts.authorize(caller, off, gross);
                sales.setLineDiscount(item.id(), off);
            } else {
                discounts.validate(errors, "", requested, sale.subtotal());
                errors.throwIfAny();
                BigDecimal off = Discounts.amountOff(requested, sale.subtotal());
                discounts.authorize(caller, off, sale.subtotal());
                sales.setSaleDiscount(saleId, r.discountPercent() == null ? BigDecimal.ZERO : r.discountPercent(), off, caller.userId());
            }
            sales.recalculate(saleId);
            return detail(saleId);
        });
    }

    public record SaleLine(Long product, BigDecimal quantity, Long batch, BigDecimal unitPrice, BigDecimal discountAmount) { }

    public record NewSale(String clientId, Long session, String soldAt, Long customerId, Long customer, String customerName, String customerPhone,
                          Map<String, Object> newCustomer, BigDecimal discountPercent,
                          BigDecimal discountAmount, String notes, List<SaleLine> items, List<PaymentRequest> payments) { }

    /** A sale recorded in one call, and whether this call created it (false: the till had uploaded it before). */
    public record Recorded(boolean created, SaleView sale) { }

    /**
     * A whole sale in one call (spec §5.3.8, rewrite), for offline tills: stock is held in catalog line by line, then
     * the sale, its lines, discounts and payments are written and completed in one transaction at the time of sale.
     * Prices are the catalog's: a line whose {@code unit_price} differs is refused with the current price. The same
     * {@code client_id} uploaded again answers the sale already recorded.
     */
    public Recorded record(Caller caller, NewSale r) {
        FieldErrors errors = new FieldErrors();
        UUID clientId = null;
        if (r.clientId() != null) {
            try {
                clientId = UUID.fromString(r.clientId().trim());
            } catch (IllegalArgumentException e) {
                errors.add("client_id", "sales.client_id_invalid");
            }
        }
        if (r.session() == null) {
            errors.add("session", "validation.required");
        }
        java.time.Instant soldAt = java.time.Instant.now();
        if (r.soldAt() != null) {
            try {
                soldAt = java.time.OffsetDateTime.parse(r.soldAt().trim()).toInstant();
                if (soldAt.isAfter(java.time.Instant.now().plusSeconds(300)) || soldAt.isBefore(java.time.Instant.now().minus(java.time.Duration.ofDays(30)))) {
                    errors.add("sold_at", "sales.sold_at_out_of_range");
                }
            } catch (java.time.format.DateTimeParseException e) {
                errors.add("sold_at", "validation.datetime");
            }
        }
        if (r.items() == null || r.items().isEmpty()) {
            errors.add("items", "validation.required");
        } else {
            for (int i = 0; i < r.items().size(); i++) {
                SaleLine line = r.items().get(i);
                if (line == null || line.product() == null) {
                    errors.add("items." + i + ".product", "validation.required");
                    continue;
                }
                checkQuantity(errors, "items." + i + ".quantity", line.quantity() == null ? BigDecimal.ONE : line.quantity());
            }
        }
        errors.maxLength("notes", r.notes(), 2000);
        errors.throwIfAny();
        Buyer buyer = new Buyer(r.customerId() != null ? r.customerId() : r.customer(), r.customerName(), r.customerPhone(), r.newCustomer());
        checkBuyer(buyer);
        UUID client = clientId;
        if (client != null) {
            java.util.Optional<SaleView> earlier = tx.execute(s -> sales.findByClientId(client).map(x -> detail(x.id())));
            if (earlier.isPresent()) {
                return new Recorded(false, earlier.get());
            }
        }
        tx.executeWithoutResult(s -> openSession(r.session(), false));
        var who = resolve(buyer);
        List<String> refs = new java.util.ArrayList<>();
        List<String> credit = new java.util.ArrayList<>();
        List<Hold> holds = new java.util.ArrayList<>();
        java.time.Instant at = soldAt;
        try {
            for (SaleLine line : r.items()) {
                String ref = UUID.randomUUID().toString();
                refs.add(ref);
                holds.add(catalog.reserve(ref, line.product(), null, (line.quantity() == null ? BigDecimal.ONE : line.quantity())
                        .setScale(3, RoundingMode.UNNECESSARY), line.batch()));
            }
            return new Recorded(true, tx.execute(s -> {
                SessionRepository.TillShift session = openSession(r.session(), true);
                Tenant tenant = TenantContext.require();
                long saleId = sales.createCompleted(session.id(), caller.userId(), caller.username(),
                        sales.nextReceiptNumber(session.registerCode(), java.time.LocalDate.ofInstant(at, tenant.zone())), client,
                        r.notes() == null ? "" : r.notes());
                FieldErrors lineErrors = new FieldErrors();
                for (int i = 0; i < holds.size(); i++) {
                    Hold hold = holds.get(i);
                    SaleLine line = r.items().get(i);
                    if (line.unitPrice() != null && line.unitPrice().compareTo(hold.product().salePrice()) != 0) {
                        lineErrors.add("items." + i + ".unit_price", "sales.price_changed", hold.product().salePrice().toPlainString());
                    }
                    for (Hold.Allocation a : hold.allocations()) {
                        sales.addToLine(saleId, hold.product().id(), hold.product().name(), hold.product().sku(), hold.product().unit(),
                                a.batchId(), a.batchNumber(), a.quantity(), hold.product().salePrice(), a.unitCost(), hold.product().taxRate(),
                                refs.get(i));
                    }
                    if (line.discountAmount() != null) {
                        discountLines(caller, lineErrors, "items." + i + ".", saleId, refs.get(i), line.discountAmount());
                    }
                }
                lineErrors.throwIfAny();
                sales.recalculate(saleId);
                Discounts.Requested saleDiscount = new Discounts.Requested(r.discountPercent(), r.discountAmount());
                if (!saleDiscount.isEmpty()) {
                    SaleRepository.Sale draft = sales.find(saleId).orElseThrow();
                    FieldErrors discountErrors = new FieldErrors();
                    discounts.validate(discountErrors, "", saleDiscount, draft.subtotal());
                    discountErrors.throwIfAny();
                    BigDecimal off = Discounts.amountOff(saleDiscount, draft.subtotal());
                    discounts.authorize(caller, off, draft.subtotal());
                    sales.setSaleDiscount(saleId, r.discountPercent() == null ? BigDecimal.ZERO : r.discountPercent(), off, caller.userId());
                    sales.recalculate(saleId);
                }
                return settle(caller, sales.lock(saleId).orElseThrow(), r.payments(), buyer, who, at, credit);
            }));
        } catch (org.springframework.dao.DuplicateKeyException raced) {
            // the same client id was uploaded concurrently and the other upload won
            catalog.release(refs);
            credit.forEach(customers::release);
            return new Recorded(false, tx.execute(s -> detail(sales.findByClientId(client).orElseThrow(() -> raced).id())));
        } catch (RuntimeException e) {
            if (!refs.isEmpty()) {
                catalog.release(refs);
            }
            credit.forEach(customers::release);
            throw e;
        }
    }

    /** An amount off the lines of one hold (a hold split over batches has several lines), line by line up to each line's gross. */
    private void discountLines(Caller caller, FieldErrors errors, String prefix, long saleId, String ref, BigDecimal amount) {
        List<SaleRepository.Item> lines = sales.items(saleId).stream().filter(i -> i.reservationRef().equals(ref)).toList();
        BigDecimal gross = lines.stream().map(i -> i.quantity().multiply(i.unitPrice()).setScale(2, RoundingMode.HALF_UP))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        Discounts.Requested requested = new Discounts.Requested(null, amount);
        int before = errors.asMap().size();
        discounts.validate(errors, prefix, requested, gross);
        if (errors.asMap().size() > before) {
            return;
        }
        BigDecimal left = Discounts.amountOff(requested, gross);
        discounts.authorize(caller, left, gross);
        for (SaleRepository.Item line : lines) {
            BigDecimal off = left.min(line.quantity().multiply(line.unitPrice()).setScale(2, RoundingMode.HALF_UP));
            sales.setLineDiscount(line.id(), off);
            left = left.subtract(off);
        }
    }

    /** The open shift {@code id}; {@code lock} holds it for this transaction (the pre-check before a catalog call does not). */
    private SessionRepository.TillShift openSession(long id, boolean lock) {
        SessionRepository.TillShift session = sessions.tillShift(id, lock).orElseThrow(() -> SalesErrors.SESSION_NOT_FOUND.exception());
        if (!session.isOpen()) {
            throw SalesErrors.SESSION_NOT_OPEN.exception();
        }
        return session;
    }

    private SaleView detail(long saleId) {
        return SaleView.of(sales.find(saleId).orElseThrow(), sales.items(saleId), sales.payments(saleId));
    }
}
