package dev.kassa.production.order;

import dev.kassa.platform.events.KassaEvent;
import dev.kassa.platform.events.Topics;

import java.time.Instant;

/** A production order moved in its life (planned, released, started, done, cancelled), with who and why. */
@KassaEvent(topic = Topics.PRODUCTION)
public record ProductionOrderStatusChanged(
        long orderId,
        String number,
        long productId,
        String fromStatus,
        String toStatus,
        String note,
        Long changedBy,
        Instant changedAt) {}
