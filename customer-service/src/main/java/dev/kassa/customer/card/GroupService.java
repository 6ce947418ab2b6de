package dev.kassa.customer.card;

import dev.kassa.customer.CustomerErrors;
import dev.kassa.platform.error.FieldErrors;
import dev.kassa.platform.validation.RequestRules;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;

/** Customer groups: validation and changes, each in one transaction. */
@Service
public class GroupService {

    private final CustomerGroupRepository groups;
    private final CustomerRepository customers;
    private final RequestRules rules;

    GroupService(CustomerGroupRepository groups, CustomerRepository customers, RequestRules rules) {
        this.customers = customers;
        this.groups = groups;
        this.rules = rules;
    }

    @Transactional(readOnly = true)
    Page<CustomerGroupRepository.Group> page(Boolean active, String search, String orderBy, Pageable page) {
        return groups.page(active, search, orderBy, page);
    }

    @Transactional(readOnly = true)
    CustomerGroupRepository.Group find(long id) {
        return groups.find(id).orElseThrow(() -> CustomerErrors.GROUP_NOT_FOUND.exception());
    }

    /** The group of this name whatever its case, made (no discount, active) when the store has none: an import names groups. */
    @Transactional
    public long named(String name) {
        return groups.idByName(name).orElseGet(() -> create(new GroupRequest(name, null, null, null, null))
                .id());
    }

    @Transactional
    CustomerGroupRepository.Group create(GroupRequest r) {
        long id = groups.create(form(
                r,
                new CustomerGroupRepository.GroupForm(null, "", BigDecimal.ZERO.setScale(2), null, true),
                null,
                true));
        return groups.find(id).orElseThrow();
    }

    @Transactional
    CustomerGroupRepository.Group update(long id, GroupRequest r, boolean partial) {
        CustomerGroupRepository.Group current = find(id);
        CustomerGroupRepository.GroupForm base = partial
                ? new CustomerGroupRepository.GroupForm(
                        current.name(),
                        current.description(),
                        current.discountPercent(),
                        current.minPurchaseAmount(),
                        current.isActive())
                : new CustomerGroupRepository.GroupForm(null, "", BigDecimal.ZERO.setScale(2), null, true);
        groups.update(id, form(r, base, id, !partial));
        return groups.find(id).orElseThrow();
    }

    @Transactional
    void delete(long id) {
        customers.ungroup(id);
        if (!groups.delete(id)) {
            throw CustomerErrors.GROUP_NOT_FOUND.exception();
        }
    }

    private CustomerGroupRepository.GroupForm form(
            GroupRequest r, CustomerGroupRepository.GroupForm base, Long id, boolean whole) {
        FieldErrors errors = rules.check(r, whole);
        String name = r.name() != null ? r.name().trim() : base.name();
        if (!errors.has("name") && groups.nameTaken(name, id)) {
            errors.add("name", "customer.group_name_taken");
        }
        errors.throwIfAny();
        BigDecimal discount = r.discountPercent() != null ? r.discountPercent() : base.discountPercent();
        BigDecimal min = r.minPurchaseAmount() != null ? r.minPurchaseAmount() : base.minPurchaseAmount();
        String description = r.description() != null ? r.description().trim() : base.description();
        return new CustomerGroupRepository.GroupForm(
                name,
                description,
                discount.setScale(2),
                min == null ? null : min.setScale(2),
                r.isActive() != null ? r.isActive() : base.isActive());
    }
}
