package dev.kassa.sales.shift;

import dev.kassa.platform.events.KassaEvent;
import dev.kassa.platform.events.Topics;

import java.time.Instant;

/** A suspended shift was resumed and sells again. */
@KassaEvent(topic = Topics.SALES)
public record SessionResumed(long sessionId, long registerId, long cashierId, Instant at) {}
