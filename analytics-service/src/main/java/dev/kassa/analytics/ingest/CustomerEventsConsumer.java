package dev.kassa.analytics.ingest;

import dev.kassa.analytics.customer.CustomerRepository;
import dev.kassa.platform.events.EventHandlers;
import dev.kassa.platform.events.Inbox;
import dev.kassa.platform.events.Topics;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Customer-service's events into analytics, exactly once each: the names and phones of RFM rows. */
@Component
class CustomerEventsConsumer {

    private final Inbox inbox;
    private final EventHandlers handlers;

    CustomerEventsConsumer(Inbox inbox, CustomerRepository customers) {
        this.inbox = inbox;
        this.handlers = new EventHandlers()
                .on(
                        CustomerEvents.CustomerCreated.class,
                        c -> customers.save(c.customerId(), c.fullName(), c.phone(), c.customerType()));
    }

    @KafkaListener(topics = Topics.CUSTOMER)
    void on(String message) {
        inbox.handle(message, "analytics-customers", handlers);
    }
}
