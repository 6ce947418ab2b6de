package dev.kassa.sales.shift;

import java.math.BigDecimal;
import java.time.Instant;

/** Cash put into ({@code cash_in}) or taken out of ({@code cash_out}) a shift's till, as the movement list shows it. */
public record CashMovement(
        long id,
        long session,
        String movementType,
        String reason,
        BigDecimal amount,
        String description,
        long performedBy,
        Instant createdAt) {}
