package dev.kassa.sales.shift;

import dev.kassa.platform.error.Messages;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

/** The CashierSession shape of spec §5.4.1. */
public record SessionView(
        long id,
        long cashRegister,
        String cashRegisterName,
        long cashierId,
        String cashierName,
        String status,
        String statusDisplay,
        BigDecimal openingCash,
        BigDecimal expectedCash,
        BigDecimal actualCash,
        BigDecimal cashDifference,
        long duration,
        BigDecimal totalSales,
        BigDecimal cashSales,
        BigDecimal cardSales,
        int salesCount,
        Instant openedAt,
        Instant closedAt) {

    public static SessionView from(Session s) {
        Instant end = s.closedAt() == null ? Instant.now() : s.closedAt();
        return new SessionView(
                s.id(),
                s.registerId(),
                s.registerName(),
                s.cashierUserId(),
                s.cashierName(),
                s.status().wire(),
                Messages.get("session.status." + s.status().wire()),
                s.openingCash(),
                s.expectedCash(),
                s.actualCash(),
                s.cashDifference(),
                Duration.between(s.openedAt(), end).toSeconds(),
                s.totalSales(),
                s.cashSales(),
                s.cardSales(),
                s.salesCount(),
                s.openedAt(),
                s.closedAt());
    }
}
