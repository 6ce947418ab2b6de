package dev.kassa.sales.shift;

import dev.kassa.platform.events.KassaEvent;
import dev.kassa.platform.events.Topics;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** A shift was closed with the cash counted: {@code cashDifference} = actual − expected (negative: short). */
@KassaEvent(topic = Topics.SALES)
public record SessionClosed(
        long sessionId,
        long registerId,
        long cashierId,
        BigDecimal openingCash,
        BigDecimal expectedCash,
        BigDecimal actualCash,
        BigDecimal cashDifference,
        Instant closedAt,
        LocalDate businessDate) {}
