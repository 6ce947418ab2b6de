package dev.kassa.sales.shift;

import dev.kassa.platform.events.KassaEvent;
import dev.kassa.platform.events.Topics;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** A cashier opened a shift on a register with {@code openingCash} in the drawer. */
@KassaEvent(topic = Topics.SALES)
public record SessionOpened(
        long sessionId,
        long registerId,
        long cashierId,
        BigDecimal openingCash,
        Instant openedAt,
        LocalDate businessDate) {}
