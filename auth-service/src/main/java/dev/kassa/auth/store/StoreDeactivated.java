package dev.kassa.auth.store;

import dev.kassa.platform.events.KassaEvent;
import dev.kassa.platform.events.Topics;

import java.time.Instant;

/** The owner closed the store: every token for it issued before {@code at} stops working, in every service. */
@KassaEvent(topic = Topics.AUTH)
public record StoreDeactivated(long storeId, String tenantKey, Instant at) {}
