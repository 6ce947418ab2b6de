package dev.kassa.customer.till;

import dev.kassa.customer.card.Customer;
import dev.kassa.customer.card.CustomerGroupRepository;
import dev.kassa.customer.card.CustomerRepository;
import dev.kassa.customer.card.CustomerRequest;
import dev.kassa.customer.card.CustomerService;
import dev.kassa.customer.loyalty.LoyaltyService;
import dev.kassa.platform.error.FieldErrors;
import dev.kassa.platform.error.KassaException;
import jakarta.validation.Valid;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Who buys at the till (spec §5.3.8 with its REWRITE): a {@code customer_id} must name an active customer of the store (else
 * 400 on {@code customer_id}, never skipped later); a {@code new_customer} is the existing customer with that phone, else a
 * new one; a bare {@code customer_phone} finds the customer with that phone when there is one. The answer carries what the
 * till applies: the group's discount and the points the customer may spend.
 */
@Service
class TillCustomerService {

    record Request(Long customerId, String customerName, String customerPhone, @Valid CustomerRequest newCustomer) {}

    record TillCustomer(
            long id,
            String fullName,
            String phone,
            String groupName,
            BigDecimal discountPercent,
            int loyaltyPoints,
            BigDecimal pointValue,
            BigDecimal availableCredit,
            boolean isBlocked,
            boolean created) {}

    private final CustomerRepository customers;
    private final CustomerGroupRepository groups;
    private final CustomerService changes;
    private final LoyaltyService loyalty;

    TillCustomerService(
            CustomerRepository customers,
            CustomerGroupRepository groups,
            CustomerService changes,
            LoyaltyService loyalty) {
        this.customers = customers;
        this.groups = groups;
        this.changes = changes;
        this.loyalty = loyalty;
    }

    /** The buyer the till named, or null when it named only a name or a phone nobody has. */
    @Transactional
    TillCustomer resolve(Request r) {
        if (r.customerId() != null) {
            Customer customer = customers
                    .findLive(r.customerId())
                    .filter(c -> c.isActive())
                    .orElseThrow(() -> FieldErrors.single("customer_id", "customer.unknown_for_sale"));
            return view(customer, false);
        }
        if (r.newCustomer() != null) {
            String phone = r.newCustomer().phone() == null
                    ? null
                    : r.newCustomer().phone().trim();
            var existing = FieldErrors.blank(phone) ? Optional.<Customer>empty() : customers.findByPhoneActive(phone);
            if (existing.isPresent()) {
                return view(existing.get(), false);
            }
            try {
                return view(changes.create(r.newCustomer()), true);
            } catch (KassaException refused) {
                if (refused.fieldErrors() == null || refused.fieldErrors().isEmpty()) {
                    throw refused;
                }
                Map<String, List<String>> prefixed = new LinkedHashMap<>();
                refused.fieldErrors().forEach((field, messages) -> prefixed.put("new_customer." + field, messages));
                throw KassaException.invalid(prefixed);
            }
        }
        if (!FieldErrors.blank(r.customerPhone())) {
            return customers
                    .findByPhoneActive(r.customerPhone().trim())
                    .map(c -> view(c, false))
                    .orElse(null);
        }
        return null;
    }

    private TillCustomer view(Customer c, boolean created) {
        var group = c.groupId() == null
                ? null
                : groups.find(c.groupId())
                        .filter(CustomerGroupRepository.Group::isActive)
                        .orElse(null);
        return new TillCustomer(
                c.id(),
                c.fullName(),
                c.phone(),
                group == null ? null : group.name(),
                group == null ? BigDecimal.ZERO.setScale(2) : group.discountPercent(),
                c.loyaltyPoints(),
                loyalty.settings().loyaltyPointValue(),
                c.availableCredit(),
                c.isBlocked(),
                created);
    }
}
