package dev.kassa.customer.card;

import dev.kassa.platform.events.KassaEvent;
import dev.kassa.platform.events.Topics;

/** A customer was added to the store: who they are, for reports that name customers (analytics' RFM rows). */
@KassaEvent(topic = Topics.CUSTOMER)
public record CustomerCreated(long customerId, String fullName, String phone, String customerType) {}
