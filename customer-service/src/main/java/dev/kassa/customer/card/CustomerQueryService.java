package dev.kassa.customer.card;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.kassa.customer.CustomerErrors;
import dev.kassa.customer.ledger.LedgerRepository;
import dev.kassa.platform.web.SqlOrdering;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Reads of customers with their groups, each in one read-only transaction. */
@Service
class CustomerQueryService {

    /** The customer list's orderings (its query's {@code ordering}), as entity properties. */
    static final SqlOrdering ORDERING = SqlOrdering.of(
            "-created_at",
            "id",
            Map.of(
                    "created_at",
                    "createdAt",
                    "last_purchase_at",
                    "lastPurchaseAt",
                    "total_purchases",
                    "totalPurchases",
                    "loyalty_points",
                    "loyaltyPoints"));

    private final CustomerRepository customers;
    private final CustomerGroupRepository groups;
    private final LedgerRepository ledger;

    CustomerQueryService(CustomerRepository customers, CustomerGroupRepository groups, LedgerRepository ledger) {
        this.customers = customers;
        this.groups = groups;
        this.ledger = ledger;
    }

    @Transactional(readOnly = true)
    Page<CustomerResponse> search(CustomerFilter f, Pageable page) {
        return withGroups(customers.search(f.like(), f.active(), f.blocked(), f.type(), f.group(), page));
    }

    @Transactional(readOnly = true)
    CustomerDetail detail(long id) {
        return detail(customers.findLive(id).orElseThrow(() -> CustomerErrors.CUSTOMER_NOT_FOUND.exception()));
    }

    /** A customer as lists show them (any customer, deleted too: the answer to a change just made). */
    @Transactional(readOnly = true)
    CustomerResponse view(long id) {
        Customer c = customers.findById(id).orElseThrow(() -> CustomerErrors.CUSTOMER_NOT_FOUND.exception());
        return CustomerResponse.from(c, groups.byIds(c.groupId() == null ? List.of() : List.of(c.groupId())));
    }

    @Transactional(readOnly = true)
    CustomerDetail byPhone(String phone) {
        return detail(
                customers.findByPhoneActive(phone).orElseThrow(() -> CustomerErrors.CUSTOMER_NOT_FOUND.exception()));
    }

    @Transactional(readOnly = true)
    Page<CustomerResponse> vip(Pageable page) {
        List<Long> vipGroups = groups.all().stream()
                .filter(g -> g.isActive() && g.isVip())
                .map(CustomerGroupRepository.Group::id)
                .toList();
        return withGroups(customers.inGroups(vipGroups.isEmpty() ? List.of(-1L) : vipGroups, page));
    }

    @Transactional(readOnly = true)
    Page<CustomerResponse> members(long group, Pageable page) {
        if (!groups.exists(group)) {
            throw CustomerErrors.GROUP_NOT_FOUND.exception();
        }
        return withGroups(customers.inGroups(List.of(group), page));
    }

    @Transactional(readOnly = true)
    Page<CustomerResponse> debtors(Pageable page) {
        return withGroups(customers.debtors(page));
    }

    @Transactional(readOnly = true)
    CustomerStats stats(long id) {
        Customer c = customers.findLive(id).orElseThrow(() -> CustomerErrors.CUSTOMER_NOT_FOUND.exception());
        return new CustomerStats(
                CustomerResponse.from(c, groups.byIds(c.groupId() == null ? List.of() : List.of(c.groupId()))),
                new Purchases(c.totalPurchases(), c.totalPurchasesCount(), c.lastPurchaseAt(), c.loyaltyPoints()));
    }

    /** A customer's purchase totals and points. */
    record CustomerStats(CustomerResponse customer, Purchases purchases) {}

    record Purchases(BigDecimal totalAmount, int totalCount, Instant lastPurchase, int loyaltyPoints) {}

    /** CustomerDetail of spec §6.3: the customer and their latest ten ledger entries. */
    record CustomerDetail(@JsonUnwrapped CustomerResponse customer, List<LedgerRepository.Entry> recentTransactions) {}

    CustomerDetail detail(Customer c) {
        return new CustomerDetail(
                CustomerResponse.from(c, groups.byIds(c.groupId() == null ? List.of() : List.of(c.groupId()))),
                ledger.recent(c.id(), 10));
    }

    /** The customers of these ids as lists show them, in the ids' order (a missing id is left out). */
    @Transactional(readOnly = true)
    List<CustomerResponse> views(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, Customer> byId =
                customers.findAllById(ids).stream().collect(Collectors.toMap(Customer::id, Function.identity()));
        List<Customer> found =
                ids.stream().map(byId::get).filter(Objects::nonNull).toList();
        return withGroups(new PageImpl<>(found)).getContent();
    }

    private Page<CustomerResponse> withGroups(Page<Customer> found) {
        Map<Long, CustomerGroupRepository.Group> byId = groups.byIds(found.getContent().stream()
                .map(c -> c.groupId())
                .filter(Objects::nonNull)
                .distinct()
                .toList());
        return found.map(c -> CustomerResponse.from(c, byId));
    }
}
