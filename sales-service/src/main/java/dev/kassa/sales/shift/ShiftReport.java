package dev.kassa.sales.shift;

import java.math.BigDecimal;
import java.util.List;

/** The shift report (spec §5.2.4): the shift, its sales (each counted once), payments by method, refunds, cash movements, expected cash. */
public record ShiftReport(
        SessionView session,
        ShiftSales sales,
        List<ShiftPayments> payments,
        ShiftRefunds refunds,
        ShiftCashMovements cashMovements,
        BigDecimal expectedCash) {

    /** Sales of the shift other than drafts and cancelled ones: their total, how many, and the units sold. */
    public record ShiftSales(BigDecimal totalAmount, long count, BigDecimal totalItems) {}

    /** Payments of one method (drafts' left out). */
    public record ShiftPayments(String paymentMethod, BigDecimal total, long count) {}

    /** Refunds of the shift: in all, and the parts given back in cash, as credit and as bonus points. */
    public record ShiftRefunds(BigDecimal total, long count, BigDecimal cash, BigDecimal credit, BigDecimal bonus) {}

    /** Cash put into and taken out of the till. */
    public record ShiftCashMovements(BigDecimal cashIn, BigDecimal cashOut) {}
}
