package dev.kassa.production.planning;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** An order's operation where planning placed it: on a line, from its planned start to its planned end. */
public record PlannedOperation(
        long order,
        String orderNumber,
        String orderStatus,
        long product,
        String productName,
        BigDecimal quantity,
        LocalDate dueDate,
        String priority,
        int seq,
        String name,
        long line,
        String lineCode,
        Instant plannedStart,
        Instant plannedEnd) {}
