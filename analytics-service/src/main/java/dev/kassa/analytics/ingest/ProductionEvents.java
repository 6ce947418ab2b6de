package dev.kassa.analytics.ingest;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** The parts of production-service's events that analytics reads (contracts: docs/events.md). */
final class ProductionEvents {
    private ProductionEvents() {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record LineStatusChanged(
            long lineId, String code, String fromStatus, String toStatus, String reason, Instant changedAt) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ProductionOrderCreated(
            long orderId,
            String number,
            long productId,
            String productName,
            BigDecimal quantity,
            LocalDate dueDate,
            String priority) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ProductionOrderStatusChanged(
            long orderId,
            String number,
            long productId,
            String fromStatus,
            String toStatus,
            String note,
            Instant changedAt) {}
}
