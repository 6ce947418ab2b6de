package dev.kassa.sales.till;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.kassa.platform.error.FieldErrors;
import dev.kassa.platform.error.KassaException;
import dev.kassa.platform.events.OutboxPublisher;
import dev.kassa.platform.security.Caller;
import dev.kassa.platform.tenancy.EmployeeDirectory;
import dev.kassa.platform.tenancy.Tenant;
import dev.kassa.platform.tenancy.TenantContext;
import dev.kassa.platform.validation.Phone;
import dev.kassa.platform.validation.RequestRules;
import dev.kassa.sales.SalesErrors;
import dev.kassa.sales.customer.CustomerClient;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Completing a sale (brief §6): checkout of a draft with split tenders (or a whole sale recorded in one call by an offline
 * till, {@link SaleUploadService}); either way the tenders are settled ({@link Settlement}), credit and points held in
 * customer-service first, and {@code SaleCompleted} written to the outbox in the transaction that completes the sale. The
 * buyer is attached to a draft here too.
 */
@Service
public class CheckoutService {

    /**
     * How long before it reaches Kassa a sale must have been made to count as made offline, where credit beyond the
     * buyer's limit may be recorded (up to the owner's bound): a till that is online sends its sale at once.
     */
    static final Duration OFFLINE_AFTER = Duration.ofMinutes(1);

    private final SaleRepository sales;
    private final SaleLineRepository lines;
    private final SaleViews views;
    private final PaymentRepository payments;
    private final OutboxPublisher outbox;
    private final TransactionTemplate tx;
    private final EmployeeDirectory staff;
    private final CustomerClient customers;
    private final RequestRules rules;

    CheckoutService(
            SaleRepository sales,
            SaleLineRepository lines,
            SaleViews views,
            PaymentRepository payments,
            OutboxPublisher outbox,
            TransactionTemplate tx,
            EmployeeDirectory staff,
            CustomerClient customers,
            RequestRules rules) {
        this.sales = sales;
        this.lines = lines;
        this.views = views;
        this.payments = payments;
        this.outbox = outbox;
        this.tx = tx;
        this.staff = staff;
        this.customers = customers;
        this.rules = rules;
    }

    /**
     * Completes a pending sale with split tenders; publishes SaleCompleted in the same transaction. {@code requestKey} names a
     * keyed request (null without one): run again after its first run completed the sale (a retry taking over from an
     * instance that died before answering), it answers the completed sale instead of refusing a sale that is not pending.
     */
    public SaleView checkout(
            Caller caller, long saleId, List<PaymentRequest> payments, Buyer given, Long cashierId, String requestKey) {
        checkBuyer(given);
        var seller = cashierId == null ? null : seller(caller, cashierId);
        var named = resolve(given);
        List<String> credit = new ArrayList<>();
        try {
            return tx.execute(s -> {
                SaleRepository.Sale sale = sales.lock(saleId).orElseThrow(() -> SalesErrors.SALE_NOT_FOUND.exception());
                if (sale.status() != SaleStatus.PENDING
                        && requestKey != null
                        && sales.completedBy(saleId, requestKey)) {
                    return views.view(saleId);
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
                    views.recalculate(saleId);
                    sale = sales.find(saleId).orElseThrow();
                }
                if (seller != null) {
                    sales.sellBy(saleId, seller.userId(), seller.fullName());
                    sale = sales.find(saleId).orElseThrow();
                }
                Settled settled = settle(new Settle(
                        caller, sale, lines.items(saleId), payments, buyer, who, Instant.now(), requestKey, false));
                credit.addAll(settled.customerHolds());
                return settled.sale();
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
     * Settling a sale: {@code draft} with its lines as they stand ({@code items}, read or written in this transaction), the
     * tenders asked for, the buyer named and who customer-service says it is, the time of sale, the keyed request's name
     * (null without one) and whether the sale already happened at an offline till.
     */
    record Settle(
            Caller caller,
            SaleRepository.Sale draft,
            List<SaleLineRepository.Item> items,
            List<PaymentRequest> payments,
            Buyer buyer,
            CustomerClient.TillCustomer who,
            Instant at,
            String requestKey,
            boolean offline) {}

    /**
     * A settled sale as the API shows it; {@code customerHolds} what customer-service holds for its credit and bonus tenders
     * (the caller releases them when its transaction does not commit); {@code decisions} what an offline sale's credit needed.
     */
    record Settled(SaleView sale, List<String> customerHolds, List<UploadDecision> decisions) {}

    /**
     * Takes the tenders for a sale, completes it at {@code at} and writes SaleCompleted (inside the caller's transaction). The
     * buyer's group discount applies first unless the sale already has a larger one; the credit and bonus tenders are held in
     * customer-service before anything is written (released at once when settling fails; the caller releases them when its
     * transaction does not commit). For an offline sale (one that already happened at an offline till), credit beyond the
     * buyer's limit is held anyway and reported among the decisions.
     */
    Settled settle(Settle command) {
        List<String> holds = new ArrayList<>();
        List<UploadDecision> decisions = new ArrayList<>();
        try {
            SaleView sale = settle(command, holds, decisions);
            return new Settled(sale, List.copyOf(holds), List.copyOf(decisions));
        } catch (RuntimeException e) {
            // what customer-service holds for a sale that was not settled goes back at once
            holds.forEach(customers::release);
            throw e;
        }
    }

    private SaleView settle(Settle command, List<String> customerHolds, List<UploadDecision> offline) {
        Caller caller = command.caller();
        SaleRepository.Sale draft = command.draft();
        List<SaleLineRepository.Item> items = command.items();
        CustomerClient.TillCustomer who = command.who();
        Buyer buyer = command.buyer();
        Instant at = command.at();
        long saleId = draft.id();
        if (items.isEmpty()) {
            throw SalesErrors.SALE_EMPTY.exception();
        }
        SaleRepository.Sale sale = who == null ? draft : groupDiscount(caller, draft, who);
        Settlement settlement = Settlement.of(sale.totalAmount(), command.payments());
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
            // over the buyer's limit (up to the owner's bound, customer-service's to judge) only for a sale that really
            // happened offline: made more than a minute before it reached Kassa
            boolean happenedOffline =
                    command.offline() && at.isBefore(Instant.now().minus(OFFLINE_AFTER));
            BigDecimal over = customers.hold(ref, who.id(), credit, saleId, happenedOffline);
            if (over.signum() > 0) {
                offline.add(UploadDecision.creditOverLimit(over));
            }
        }
        if (bonus.signum() > 0) {
            String ref = UUID.randomUUID().toString();
            customerHolds.add(ref);
            customers.holdBonus(ref, who.id(), bonus, saleId);
        }
        List<PaymentRepository.Payment> paid = payments.add(sale, settlement.payments(), command.offline());
        if (paid.size() < settlement.payments().size()) {
            throw refusedMethod(command.payments(), paid);
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
        SaleRepository.Sale done = sales.complete(
                sale, settlement.change(), at, LocalDate.ofInstant(at, tenant.zone()), command.requestKey());
        outbox.publish(tenant.key(), SaleCompleted.of(done, items, settlement.payments()));
        // the lines read above are the sale's lines: its row is locked, and a sale discount changes its totals, not its
        // lines; its tenders are the ones written here (a sale has none before the transaction that completes it)
        return SaleView.of(done, items, paid);
    }

    /** The first tender whose method the store does not take (unknown, or switched off), named by its place. */
    private static RuntimeException refusedMethod(
            List<PaymentRequest> requests, List<PaymentRepository.Payment> recorded) {
        Set<String> taken =
                recorded.stream().map(PaymentRepository.Payment::method).collect(Collectors.toSet());
        for (int i = 0; i < requests.size(); i++) {
            if (!taken.contains(requests.get(i).paymentMethod())) {
                return FieldErrors.single("payments." + i + ".payment_method", "sales.payment_method_unknown");
            }
        }
        return FieldErrors.single("payments", "sales.payment_method_unknown");
    }

    /**
     * Who bought: a customer of customer-service by id, or a {@code new_customer} (found by phone or created), and/or the name
     * and phone printed on the sale (a phone that a customer has links the sale to them).
     */
    public record Buyer(
            @JsonProperty("customer_id") @Positive(message = "validation.invalid") Long id,
            @JsonProperty("customer_name") @Size(max = 200) String name,
            @JsonProperty("customer_phone") @Phone String phone,
            Map<String, Object> newCustomer) {
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
    CustomerClient.TillCustomer resolve(Buyer buyer) {
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
        views.recalculate(sale.id());
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
            views.recalculate(saleId);
            groupDiscount(caller, sales.find(sale.id()).orElseThrow(), who);
            return new WithBuyer(views.view(saleId), who);
        });
    }

    /** Takes the buyer off an open draft, with their group discount (a discount the cashier gave stays). */
    public SaleView detach(Caller caller, long saleId) {
        return tx.execute(s -> {
            TillGuards.pendingSale(sales, saleId);
            sales.dropGroupDiscount(saleId);
            sales.attachCustomer(saleId, null, "", "");
            return views.recalculate(saleId);
        });
    }

    /** The buyer's declared rules (one 400 with every broken one); nobody named is fine. */
    void checkBuyer(Buyer buyer) {
        rules.check(buyer).throwIfAny();
    }
}
