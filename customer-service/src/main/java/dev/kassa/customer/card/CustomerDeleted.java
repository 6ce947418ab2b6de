package dev.kassa.customer.card;

import dev.kassa.platform.events.KassaEvent;
import dev.kassa.platform.events.Topics;

/** A customer was deleted: gone from lists and lookups; past sales and the ledger keep their name. */
@KassaEvent(topic = Topics.CUSTOMER)
public record CustomerDeleted(long customerId) {}
