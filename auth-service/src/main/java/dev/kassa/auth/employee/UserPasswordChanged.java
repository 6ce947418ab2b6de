package dev.kassa.auth.employee;

import dev.kassa.platform.events.KassaEvent;
import dev.kassa.platform.events.Topics;

import java.time.Instant;

/** A person's password was changed or reset: one event per store they work in; their tokens issued before {@code at} stop working. */
@KassaEvent(topic = Topics.AUTH)
public record UserPasswordChanged(long storeId, String tenantKey, long userId, Instant at) {}
