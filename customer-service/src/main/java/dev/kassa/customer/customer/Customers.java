package dev.kassa.customer.customer;

import dev.kassa.platform.events.OutboxPublisher;
import dev.kassa.platform.tenancy.TenantContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Adds customers to the store and announces them, in one transaction. */
@Service
class Customers {

    private final CustomerRepository customers;
    private final OutboxPublisher outbox;

    Customers(CustomerRepository customers, OutboxPublisher outbox) {
        this.customers = customers;
        this.outbox = outbox;
    }

    @Transactional
    Customer create(Customer customer) {
        Customer saved = customers.saveAndFlush(customer);
        outbox.publish(TenantContext.require().key(), new CustomerCreated(saved.id, saved.fullName(), saved.phone, saved.customerType));
        return saved;
    }
}
