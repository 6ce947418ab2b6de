package dev.kassa.analytics.facts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A refund of a sale, whole or by line, on its own business date: read as sales' {@code SaleRefunded} carries it (its
 * contract: docs/events.md), {@code creditAmount} zero when the event has none.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Refund(
        String refundId,
        String saleId,
        String receiptNumber,
        LocalDate businessDate,
        BigDecimal amount,
        BigDecimal creditAmount,
        String method,
        List<Line> lines) {

    public Refund {
        creditAmount = creditAmount == null ? BigDecimal.ZERO : creditAmount;
    }

    /** A line given back, with the options it was sold with (none in events of before them). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Line(long productId, BigDecimal quantity, BigDecimal amount, List<Sale.Modifier> modifiers) {

        public Line {
            modifiers = modifiers == null ? List.of() : modifiers;
        }
    }
}
