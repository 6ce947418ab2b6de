package dev.kassa.sales.catalog;

import dev.kassa.platform.events.KassaEvent;
import dev.kassa.platform.events.Topics;

import java.util.List;

/**
 * Event: sales gave up stock holds it could not release by calling catalog (catalog slow, down or its breaker open).
 * Published through the outbox, so the release reaches catalog however long it is away; catalog cancels the holds, or
 * refuses them if they have not arrived yet (holds and releases are ordered by request reference). Key: tenant key.
 *
 * @param requestRefs the hold requests to release
 */
@KassaEvent(topic = Topics.SALES)
public record HoldsReleased(List<String> requestRefs) {}
