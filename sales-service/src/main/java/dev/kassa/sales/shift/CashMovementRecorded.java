package dev.kassa.sales.shift;

import dev.kassa.platform.events.KassaEvent;
import dev.kassa.platform.events.Topics;

import java.math.BigDecimal;

/** Cash was put into ({@code in}) or taken out of ({@code out}) an open shift's drawer, outside a sale. */
@KassaEvent(topic = Topics.SALES)
public record CashMovementRecorded(
        long movementId, long sessionId, String movementType, String reason, BigDecimal amount, long performedBy) {}
