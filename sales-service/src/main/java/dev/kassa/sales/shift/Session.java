package dev.kassa.sales.shift;

import java.math.BigDecimal;
import java.time.Instant;

/** A cashier's shift at a register (spec §4, "CashierSession"). */
public record Session(
        long id,
        long registerId,
        String registerCode,
        String registerName,
        long cashierUserId,
        String cashierName,
        ShiftStatus status,
        BigDecimal openingCash,
        BigDecimal expectedCash,
        BigDecimal actualCash,
        BigDecimal cashDifference,
        Instant openedAt,
        Instant closedAt,
        BigDecimal totalSales,
        BigDecimal cashSales,
        BigDecimal cardSales,
        int salesCount) {

    public boolean isOpen() {
        return status == ShiftStatus.OPEN;
    }
}
