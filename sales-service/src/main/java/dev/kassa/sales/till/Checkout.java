package dev.kassa.sales.till;

import dev.kassa.platform.error.FieldErrors;
import dev.kassa.platform.error.KassaException;
import dev.kassa.platform.events.OutboxPublisher;
import dev.kassa.platform.security.Caller;
import dev.kassa.platform.tenancy.EmployeeDirectory;
import dev.kassa.platform.tenancy.Tenant;
import dev.kassa.platform.tenancy.TenantContext;
import dev.kassa.sales.SalesErrors;
import dev.kassa.sales.catalog.CatalogClient;
import dev.kassa.sales.catalog.Hold;
import dev.kassa.sales.catalog.HoldIntents;
import dev.kassa.sales.customer.CustomerClient;
import dev.kassa.sales.shift.SessionRepository;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Completing a sale (brief §6): checkout of a draft with split tenders, or a whole sale recorded in one call by an offline
 * till; either way the tenders are settled ({@link Settlement}), credit and points held in customer-service first, and
 * {@code SaleCompleted} written to the outbox in the transaction that completes the sale.
 */
@Service
public class Checkout {

    private final SessionRepository sessions;
    private final SaleRepository sales;
    private final CatalogClient catalog;
    private final OutboxPublisher outbox;
    private final TransactionTemplate tx;
    private final Discounts discounts;
    private final EmployeeDirectory staff;
    private final CustomerClient customers;
    private final HoldIntents intents;

    Checkout(
            SessionRepository sessions,
            SaleRepository sales,
            CatalogClient catalog,
            OutboxPublisher outbox,
            TransactionTemplate tx,
            Discounts discounts,
            EmployeeDirectory staff,
            CustomerClient customers,
            HoldIntents intents) {
        this.intents = intents;
        this.sessions = sessions;
        this.sales = sales;
        this.catalog = catalog;
        this.outbox = outbox;
        this.tx = tx;
        this.discounts = discounts;
        this.staff = staff;
        this.customers = customers;
    }

    /**
     * Completes a pending sale with split tenders; publishes SaleCompleted in the same transaction. {@code requestRef} names a
     * keyed request (null without one): run again after its first run completed the sale (a retry taking over from an
     * instance that died before answering), it answers the completed sale instead of refusing a sale that is not pending.
     */
    public SaleView checkout(
            Caller caller, long saleId, List<PaymentRequest> payments, Buyer given, Long cashierId, String requestRef) {
        checkBuyer(given);
        var seller = cashierId == null ? null : seller(caller, cashierId);
        var named = resolve(given);
        List<String> credit = new ArrayList<>();
        try {
            return tx.execute(s -> {
                SaleRepository.Sale sale = sales.lock(saleId).orElseThrow(() -> SalesErrors.SALE_NOT_FOUND.exception());
                if (sale.status() != SaleStatus.PENDING
                        && requestRef != null
                        && sales.completedBy(saleId, requestRef)) {
                    return sales.view(saleId);
                }
                sale.status().moveTo(SaleStatus.COMPLETED, SalesErrors.SALE_NOT_PENDING);
                // the buyer the till attached before payment, unless the checkout names one (read from the locked sale:
                // a sale
                // without one costs nothing more)
                boolean attached = (given == null || given.isEmpty()) && sale.customerId() != null;
                Buyer buyer = attached ? new Buyer(sale.customerId(), null, null) : given;
                var who = attached ? resolve(buyer) : named;
                if (who != null && !Objects.equals(who.id(), sale.customerId()) && sales.dropGroupDiscount(saleId)) {
                    // another buyer than the one attached: the attached one's group discount goes with them
                    sales.recalculate(saleId);
                    sale = sales.find(saleId).orElseThrow();
                }
                if (seller != null) {
                    sales.sellBy(saleId, seller.userId(), seller.fullName());
                    sale = sales.find(saleId).orElseThrow();
                }
                return settle(caller, sale, payments, buyer, who, Instant.now(), credit, requestRef);
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
    private EmployeeDirectory.Employee seller(Caller caller, long cashierId) {
        var employee = staff.current(TenantContext.require().key(), cashierId)
                .filter(EmployeeDirectory.Employee::isActive)
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
    private SaleView settle(
            Caller caller,
            SaleRepository.Sale draft,
            List<PaymentRequest> payments,
            Buyer buyer,
            CustomerClient.TillCustomer who,
            Instant at,
            List<String> customerHolds,
            String checkoutRef) {
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
            throw FieldErrors.single(
                    "customer_id", credit.signum() > 0 ? "sales.credit_needs_customer" : "sales.bonus_needs_customer");
        }
        if (credit.signum() > 0) {
            // checked against the customer's limit in customer-service (the customer locked there, so two tills never
            // exceed it together)
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
            sales.addPayment(
                    saleId,
                    sale.sessionId(),
                    p.method(),
                    p.amount(),
                    p.received(),
                    p.change(),
                    p.cardLast4(),
                    p.transactionId());
        }
        Tenant tenant = TenantContext.require();
        if (who != null || (buyer != null && !buyer.isEmpty())) {
            String name = buyer == null || FieldErrors.blank(buyer.name())
                    ? (who == null ? "" : who.fullName())
                    : buyer.name().trim();
            String phone = buyer == null || FieldErrors.blank(buyer.phone())
                    ? (who == null ? "" : who.phone())
                    : buyer.phone().trim();
            sales.attachCustomer(saleId, who == null ? null : who.id(), name, phone);
        }
        sales.complete(saleId, settlement.change(), at, LocalDate.ofInstant(at, tenant.zone()), checkoutRef);
        SaleRepository.Sale done = sales.find(saleId).orElseThrow();
        outbox.publish(
                tenant.key(),
                new SaleCompleted(
                        String.valueOf(done.id()),
                        done.receiptNumber(),
                        done.sessionId(),
                        done.registerId(),
                        done.cashierUserId(),
                        done.customerId(),
                        done.completedAt(),
                        done.businessDate(),
                        done.subtotal(),
                        done.discountAmount(),
                        done.taxAmount(),
                        done.totalAmount(),
                        items.stream()
                                .map(i -> new SaleCompleted.Line(
                                        i.productId(),
                                        i.productName(),
                                        i.batchId(),
                                        i.quantity(),
                                        i.unitPrice(),
                                        i.discountAmount(),
                                        i.lineTotal(),
                                        i.unitCost(),
                                        i.reservationRef()))
                                .toList(),
                        settlement.payments().stream()
                                .map(p -> new SaleCompleted.Payment(p.method(), p.amount(), p.received(), p.change()))
                                .toList()));
        // the lines read above are the sale's lines: its row is locked, and a sale discount changes its totals, not its
        // lines
        return SaleView.of(done, items, sales.payments(saleId));
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
            return customers.resolve(
                    buyer.id(),
                    buyer.name(),
                    buyer.phone() == null ? null : buyer.phone().trim(),
                    buyer.newCustomer());
        } catch (KassaException e) {
            if (buyer.id() == null && buyer.newCustomer() == null && e.is(SalesErrors.CUSTOMERS_UNAVAILABLE)) {
                // a bare phone only links the sale to a customer: without customer-service it is printed on the sale as
                // it is
                return null;
            }
            throw e;
        }
    }

    /**
     * The buyer's group discount (a percent of the subtotal) replaces the sale's discount when it takes more off; a larger
     * manual discount stays. Answers the sale as it now stands.
     */
    private SaleRepository.Sale groupDiscount(
            Caller caller, SaleRepository.Sale sale, CustomerClient.TillCustomer who) {
        BigDecimal percent = who.discountPercent();
        if (percent == null || percent.signum() <= 0) {
            return sale;
        }
        BigDecimal off = Discounts.amountOff(new Discounts.Requested(percent, null), sale.subtotal());
        if (off.compareTo(sale.discountAmount()) <= 0) {
            return sale;
        }
        sales.setSaleDiscount(sale.id(), percent, off, caller.userId(), true);
        sales.recalculate(sale.id());
        return sales.find(sale.id()).orElseThrow();
    }

    /** A draft with its buyer: what the till shows before payment (the discounted total, the points and credit the buyer has). */
    public record WithBuyer(SaleView sale, CustomerClient.TillCustomer customer) {}

    /**
     * Attaches the buyer to an open draft before payment (by id, phone or as a new customer): their group discount applies
     * now, so the till shows what they pay, and checkout sells to them unless it names someone else. Another buyer replaces
     * this one (and their group discount); customer-service is asked before the draft is locked.
     */
    public WithBuyer attach(Caller caller, long saleId, Buyer buyer) {
        checkBuyer(buyer);
        if (buyer == null || !buyer.namesCustomer()) {
            throw FieldErrors.single("customer_id", "sales.buyer_required");
        }
        CustomerClient.TillCustomer who = customers.resolve(
                buyer.id(),
                buyer.name(),
                buyer.phone() == null ? null : buyer.phone().trim(),
                buyer.newCustomer());
        if (who == null) {
            throw FieldErrors.single(buyer.id() != null ? "customer_id" : "customer_phone", "sales.buyer_unknown");
        }
        return tx.execute(s -> {
            SaleRepository.Sale sale = TillGuards.pendingSale(sales, saleId);
            sales.dropGroupDiscount(saleId);
            sales.attachCustomer(saleId, who.id(), who.fullName(), who.phone());
            sales.recalculate(saleId);
            groupDiscount(caller, sales.find(sale.id()).orElseThrow(), who);
            return new WithBuyer(sales.view(saleId), who);
        });
    }

    /** Takes the buyer off an open draft, with their group discount (a discount the cashier gave stays). */
    public SaleView detach(Caller caller, long saleId) {
        return tx.execute(s -> {
            TillGuards.pendingSale(sales, saleId);
            sales.dropGroupDiscount(saleId);
            sales.attachCustomer(saleId, null, "", "");
            return sales.recalculate(saleId);
        });
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

    public record SaleLine(
            Long product, BigDecimal quantity, Long batch, BigDecimal unitPrice, BigDecimal discountAmount) {}

    public record NewSale(
            String clientId,
            Long session,
            String soldAt,
            Long customerId,
            Long customer,
            String customerName,
            String customerPhone,
            Map<String, Object> newCustomer,
            BigDecimal discountPercent,
            BigDecimal discountAmount,
            String notes,
            List<SaleLine> items,
            List<PaymentRequest> payments) {}

    /** A sale recorded in one call, and whether this call created it (false: the till had uploaded it before). */
    public record Recorded(boolean created, SaleView sale) {}

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
        Instant now = Instant.now();
        Instant soldAt =
                errors.dateTime("sold_at", r.soldAt(), TenantContext.require().zone());
        if (soldAt == null) {
            soldAt = now;
        } else if (soldAt.isAfter(now.plusSeconds(300)) || soldAt.isBefore(now.minus(Duration.ofDays(30)))) {
            errors.add("sold_at", "sales.sold_at_out_of_range");
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
                errors.positiveQuantity(
                        "items." + i + ".quantity",
                        line.quantity() == null ? BigDecimal.ONE : line.quantity(),
                        FieldErrors.MAX_LINE_QUANTITY);
            }
        }
        errors.maxLength("notes", r.notes(), 2000);
        errors.throwIfAny();
        Buyer buyer = new Buyer(
                r.customerId() != null ? r.customerId() : r.customer(),
                r.customerName(),
                r.customerPhone(),
                r.newCustomer());
        checkBuyer(buyer);
        UUID client = clientId;
        if (client != null) {
            Optional<SaleView> earlier =
                    tx.execute(s -> sales.findByClientId(client).map(x -> sales.view(x.id())));
            if (earlier.isPresent()) {
                return new Recorded(false, earlier.get());
            }
        }
        var who = resolve(buyer);
        List<String> refs =
                r.items().stream().map(line -> UUID.randomUUID().toString()).toList();
        String store = TenantContext.require().key();
        tx.executeWithoutResult(s -> {
            TillGuards.openShift(sessions, r.session(), false);
            intents.begin(store, refs);
        });
        List<String> credit = new ArrayList<>();
        List<Hold> holds = new ArrayList<>();
        Instant at = soldAt;
        try {
            for (int i = 0; i < r.items().size(); i++) {
                SaleLine line = r.items().get(i);
                holds.add(catalog.reserve(
                        refs.get(i),
                        line.product(),
                        null,
                        (line.quantity() == null ? BigDecimal.ONE : line.quantity())
                                .setScale(3, RoundingMode.UNNECESSARY),
                        line.batch()));
            }
            return new Recorded(true, tx.execute(s -> {
                if (!intents.end(refs)) {
                    throw SalesErrors.CATALOG_UNAVAILABLE.exception();
                }
                SessionRepository.TillShift session = TillGuards.openShift(sessions, r.session(), true);
                Tenant tenant = TenantContext.require();
                long saleId = sales.createCompleted(
                        session.id(),
                        caller.userId(),
                        caller.username(),
                        sales.nextReceiptNumber(session.registerCode(), LocalDate.ofInstant(at, tenant.zone())),
                        client,
                        r.notes() == null ? "" : r.notes());
                FieldErrors lineErrors = new FieldErrors();
                for (int i = 0; i < holds.size(); i++) {
                    Hold hold = holds.get(i);
                    SaleLine line = r.items().get(i);
                    if (line.unitPrice() != null
                            && line.unitPrice().compareTo(hold.product().salePrice()) != 0) {
                        lineErrors.add(
                                "items." + i + ".unit_price",
                                "sales.price_changed",
                                hold.product().salePrice().toPlainString());
                    }
                    for (Hold.Allocation a : hold.allocations()) {
                        sales.addLine(
                                saleId,
                                hold.product().id(),
                                hold.product().name(),
                                hold.product().sku(),
                                hold.product().unit(),
                                a.batchId(),
                                a.batchNumber(),
                                a.quantity(),
                                hold.product().salePrice(),
                                a.unitCost(),
                                hold.product().taxRate(),
                                refs.get(i),
                                null);
                    }
                    if (line.discountAmount() != null) {
                        discountLines(
                                caller, lineErrors, "items." + i + ".", saleId, refs.get(i), line.discountAmount());
                    }
                }
                lineErrors.throwIfAny();
                BigDecimal subtotal = sales.recalculate(saleId).subtotal();
                Discounts.Requested saleDiscount = new Discounts.Requested(r.discountPercent(), r.discountAmount());
                if (!saleDiscount.isEmpty()) {
                    BigDecimal off = discounts.allowedOff(caller, saleDiscount, subtotal);
                    sales.setSaleDiscount(
                            saleId,
                            r.discountPercent() == null ? BigDecimal.ZERO : r.discountPercent(),
                            off,
                            caller.userId());
                    sales.recalculate(saleId);
                }
                return settle(caller, sales.lock(saleId).orElseThrow(), r.payments(), buyer, who, at, credit, null);
            }));
        } catch (DuplicateKeyException raced) {
            // the same client id was uploaded concurrently and the other upload won
            catalog.release(refs);
            credit.forEach(customers::release);
            return new Recorded(
                    false,
                    tx.execute(s -> sales.view(sales.findByClientId(client)
                            .orElseThrow(() -> raced)
                            .id())));
        } catch (RuntimeException e) {
            if (!refs.isEmpty()) {
                catalog.release(refs);
            }
            credit.forEach(customers::release);
            throw e;
        }
    }

    /** An amount off the lines of one hold (a hold split over batches has several lines), line by line up to each line's gross. */
    private void discountLines(
            Caller caller, FieldErrors errors, String prefix, long saleId, String ref, BigDecimal amount) {
        List<SaleRepository.Item> lines = sales.items(saleId).stream()
                .filter(i -> i.reservationRef().equals(ref))
                .toList();
        BigDecimal gross = lines.stream()
                .map(i -> SaleTotals.lineTotal(i.quantity(), i.unitPrice(), BigDecimal.ZERO))
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
            BigDecimal off = left.min(SaleTotals.lineTotal(line.quantity(), line.unitPrice(), BigDecimal.ZERO));
            sales.setLineDiscount(line, off);
            left = left.subtract(off);
        }
    }
}
