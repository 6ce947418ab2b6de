package dev.kassa.customer.card;

import dev.kassa.customer.CustomerErrors;
import dev.kassa.customer.ledger.BalanceEntry;
import dev.kassa.customer.ledger.LedgerRepository;
import dev.kassa.customer.ledger.LedgerService;
import dev.kassa.platform.error.FieldErrors;
import dev.kassa.platform.error.Messages;
import dev.kassa.platform.events.OutboxPublisher;
import dev.kassa.platform.money.PaymentMethod;
import dev.kassa.platform.security.Caller;
import dev.kassa.platform.tenancy.TenantContext;
import dev.kassa.platform.validation.RequestRules;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;

/**
 * Changes to customers, each in one transaction with its event: create, edit, delete, and the balance ledger (a debt
 * payment, a correction). Balance changes lock the customer, so two tills never lose an update.
 */
@Service
public class CustomerService {

    private final CustomerRepository customers;
    private final CustomerGroupRepository groups;
    private final LedgerRepository ledger;
    private final OutboxPublisher outbox;
    private final LedgerService entries;
    private final RequestRules rules;

    CustomerService(
            CustomerRepository customers,
            CustomerGroupRepository groups,
            LedgerRepository ledger,
            OutboxPublisher outbox,
            LedgerService entries,
            RequestRules rules) {
        this.customers = customers;
        this.groups = groups;
        this.ledger = ledger;
        this.outbox = outbox;
        this.entries = entries;
        this.rules = rules;
    }

    @Transactional
    public Customer create(CustomerRequest request) {
        CustomerForm form = CustomerRules.apply(
                request, CustomerRules.EMPTY, TenantContext.require().today(), groups::exists, rules.check(request));
        if (customers.phoneTaken(form.phone(), null)) {
            throw FieldErrors.single("phone", "customer.phone_taken");
        }
        Customer saved = save(new Customer(form));
        outbox.publish(
                TenantContext.require().key(),
                new CustomerCreated(saved.id(), saved.fullName(), saved.phone(), saved.customerType()));
        return saved;
    }

    /** PUT ({@code partial} false: the required fields must be given) or PATCH. */
    @Transactional
    public Customer update(long id, CustomerRequest request, boolean partial) {
        Customer customer = customers.findLive(id).orElseThrow(() -> CustomerErrors.CUSTOMER_NOT_FOUND.exception());
        CustomerForm base = partial ? CustomerForm.of(customer) : CustomerRules.EMPTY;
        CustomerForm form = CustomerRules.apply(
                request, base, TenantContext.require().today(), groups::exists, rules.check(request));
        if (!form.phone().equals(customer.phone()) && customers.phoneTaken(form.phone(), id)) {
            throw FieldErrors.single("phone", "customer.phone_taken");
        }
        customer.apply(form);
        Customer saved = save(customer);
        outbox.publish(
                TenantContext.require().key(),
                new CustomerUpdated(
                        saved.id(),
                        saved.fullName(),
                        saved.phone(),
                        saved.customerType(),
                        saved.groupId(),
                        saved.creditLimit(),
                        saved.isActive(),
                        saved.isBlocked()));
        return saved;
    }

    @Transactional
    void delete(long id) {
        Customer customer = customers.findLive(id).orElseThrow(() -> CustomerErrors.CUSTOMER_NOT_FOUND.exception());
        customer.delete();
        customers.saveAndFlush(customer);
        outbox.publish(TenantContext.require().key(), new CustomerDeleted(id));
    }

    /** A debt payment: the balance goes up by {@code amount}. */
    @Transactional
    LedgerRepository.Entry pay(long id, BigDecimal amount, String method, String description, Caller caller) {
        return change(id, "payment", amount, method == null ? PaymentMethod.CASH.code() : method, description, caller);
    }

    /**
     * A balance brought from another system (an import): an {@code opening} entry of the ledger, negative for a debt,
     * named after whoever uploaded it.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void opening(long id, BigDecimal balance, Long by) {
        CustomerCounters.BalanceMoved moved = customers
                .moveBalance(id, balance.setScale(2), FieldErrors.MAX_AMOUNT)
                .orElseThrow(() -> FieldErrors.single("balance", "validation.invalid"));
        entries.record(new BalanceEntry(
                id,
                "opening",
                balance.setScale(2),
                moved.before(),
                moved.after(),
                null,
                null,
                Messages.get("customer.opening_balance"),
                by,
                moved.points()));
    }

    /** A correction with a reason, up or down. */
    @Transactional
    LedgerRepository.Entry adjust(long id, BigDecimal amount, String reason, Caller caller) {
        return change(id, "correction", amount, null, reason.trim(), caller);
    }

    private LedgerRepository.Entry change(
            long id, String type, BigDecimal amount, String method, String description, Caller caller) {
        customers.findLive(id).orElseThrow(() -> CustomerErrors.CUSTOMER_NOT_FOUND.exception());
        CustomerCounters.BalanceMoved moved = customers
                .moveBalance(id, amount.setScale(2), FieldErrors.MAX_AMOUNT)
                .orElseThrow(() -> FieldErrors.single("amount", "validation.not_negative"));
        long entry = entries.record(new BalanceEntry(
                id,
                type,
                amount.setScale(2),
                moved.before(),
                moved.after(),
                null,
                method,
                description,
                caller.userId(),
                moved.points()));
        return ledger.find(entry).orElseThrow();
    }

    private Customer save(Customer customer) {
        try {
            return customers.saveAndFlush(customer);
        } catch (DataIntegrityViolationException raced) {
            throw FieldErrors.single("phone", "customer.phone_taken");
        }
    }
}
