package dev.kassa.sales.print;

import dev.kassa.platform.error.Messages;
import dev.kassa.platform.tenancy.TenantRegistry;
import dev.kassa.sales.shift.SessionView;
import dev.kassa.sales.shift.ShiftReport;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;

/**
 * A shift's report as printed on the till's paper: an X report while the shift is open (what the till should hold now),
 * a Z report once it is closed (what was counted and the difference); sales, payments by method, refunds by how they were
 * given back, cash put in and taken out, and the cash expected.
 */
final class ShiftPrintout {

    private ShiftPrintout() {}

    static Printout of(ShiftReport report, TenantRegistry.Profile store, ZoneId zone, Instant printedAt) {
        SessionView s = report.session();
        boolean closed = s.closedAt() != null;
        String title = Messages.get(closed ? "print.shift.z_title" : "print.shift.x_title");
        Printout.Builder p = Printout.titled(title + " #" + s.id());
        p.heading(store.name()).center(store.address());
        if (store.taxId() != null && !store.taxId().isBlank()) {
            p.center(Messages.get("print.receipt.tax_id") + " " + store.taxId());
        }
        p.rule()
                .center(title)
                .row(Messages.get("print.shift.register"), s.cashRegisterName())
                .row(Messages.get("print.shift.cashier"), s.cashierName())
                .row(Messages.get("print.shift.opened"), Formats.time(s.openedAt(), zone))
                .row(Messages.get("print.shift.closed"), Formats.time(s.closedAt(), zone))
                .row(Messages.get("print.shift.printed"), Formats.time(printedAt, zone))
                .rule()
                .center(Messages.get("print.shift.sales"))
                .row(
                        Messages.get("print.shift.sales_count"),
                        String.valueOf(report.sales().count()))
                .row(
                        Messages.get("print.shift.items"),
                        Formats.quantity(report.sales().totalItems()))
                .strongRow(
                        Messages.get("print.shift.sales_total"),
                        Formats.money(report.sales().totalAmount()))
                .rule()
                .center(Messages.get("print.shift.payments"));
        for (ShiftReport.ShiftPayments pay : report.payments()) {
            if (pay.count() > 0) {
                p.row(pay.paymentMethodDisplay() + " (" + pay.count() + ")", Formats.money(pay.total()));
            }
        }
        ShiftReport.ShiftRefunds refunds = report.refunds();
        p.rule()
                .center(Messages.get("print.shift.refunds"))
                .row(Messages.get("print.shift.refunds_count"), String.valueOf(refunds.count()))
                .strongRow(Messages.get("print.shift.refunds"), Formats.money(refunds.total()));
        rowIfAny(p, "  " + Messages.get("print.shift.refunds_cash"), refunds.cash());
        rowIfAny(p, "  " + Messages.get("print.shift.refunds_credit"), refunds.credit());
        rowIfAny(p, "  " + Messages.get("print.shift.refunds_bonus"), refunds.bonus());
        p.rule()
                .center(Messages.get("print.shift.cash"))
                .row(Messages.get("print.shift.opening_cash"), Formats.money(s.openingCash()))
                .row(
                        Messages.get("print.shift.cash_in"),
                        Formats.money(report.cashMovements().cashIn()))
                .row(
                        Messages.get("print.shift.cash_out"),
                        Formats.money(report.cashMovements().cashOut()))
                .strongRow(Messages.get("print.shift.expected_cash"), Formats.money(report.expectedCash()));
        if (closed) {
            p.row(Messages.get("print.shift.counted_cash"), Formats.money(s.actualCash()))
                    .row(Messages.get("print.shift.difference"), Formats.money(s.cashDifference()));
        }
        return p.build();
    }

    private static void rowIfAny(Printout.Builder p, String label, BigDecimal amount) {
        if (amount != null && amount.signum() != 0) {
            p.row(label, Formats.money(amount));
        }
    }
}
