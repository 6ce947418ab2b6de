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

    /**
     * Payments of one method (drafts' left out), named as the store names it, and what refunds paid back by it (their part
     * on the buyer's account or in points left out); {@code counted_in_drawer}: counted in the expected cash.
     */
    public record ShiftPayments(
            String paymentMethod,
            String paymentMethodDisplay,
            boolean countedInDrawer,
            BigDecimal total,
            long count,
            BigDecimal refunded) {}

    /** Refunds of the shift: in all, and the parts given back in cash, as credit and as bonus points. */
    public record ShiftRefunds(BigDecimal total, long count, BigDecimal cash, BigDecimal credit, BigDecimal bonus) {}

    /** Cash put into and taken out of the till. */
    public record ShiftCashMovements(BigDecimal cashIn, BigDecimal cashOut) {}
}
