package dev.kassa.analytics.ingest;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.kassa.analytics.facts.Sale;
import dev.kassa.analytics.facts.Tenders;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The parts of sales' events that analytics reads (contracts: docs/events.md). */
final class SalesEvents {
    private SalesEvents() {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record SaleCompleted(
            String saleId,
            String receiptNumber,
            Instant completedAt,
            LocalDate businessDate,
            Long customerId,
            Long cashierId,
            BigDecimal discount,
            BigDecimal tax,
            BigDecimal total,
            List<Sale.Line> lines,
            List<Payment> payments) {

        @JsonIgnoreProperties(ignoreUnknown = true)
        record Payment(String method, BigDecimal amount) {}

        Sale toFact() {
            return new Sale(
                    saleId,
                    receiptNumber,
                    businessDate,
                    completedAt,
                    customerId,
                    cashierId,
                    total,
                    discount,
                    tax,
                    Tenders.of(payments, Payment::method, Payment::amount),
                    lines);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record SessionOpened(long sessionId, long registerId, long cashierId, Instant openedAt, LocalDate businessDate) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record SessionClosed(long sessionId, long registerId, long cashierId, Instant closedAt, LocalDate businessDate) {}
}
