package dev.kassa.production.line;

import dev.kassa.platform.events.KassaEvent;
import dev.kassa.platform.events.Topics;

import java.time.Instant;

/**
 * A line's status changed (set up, started, stopped, broken down, back): the history availability is computed from,
 * and the plant's live view. {@code reason}: why it is down (or the operator's note), null otherwise.
 */
@KassaEvent(topic = Topics.PRODUCTION)
public record LineStatusChanged(
        long lineId,
        String code,
        String fromStatus,
        String toStatus,
        String reason,
        Long changedBy,
        Instant changedAt) {}
