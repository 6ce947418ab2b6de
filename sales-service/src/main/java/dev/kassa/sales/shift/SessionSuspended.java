package dev.kassa.sales.shift;

import dev.kassa.platform.events.KassaEvent;
import dev.kassa.platform.events.Topics;

import java.time.Instant;

/** An open shift was suspended (the cashier stepped away); it sells nothing until resumed. */
@KassaEvent(topic = Topics.SALES)
public record SessionSuspended(long sessionId, long registerId, long cashierId, Instant at) {}
