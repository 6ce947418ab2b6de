package dev.kassa.sales.print;

import dev.kassa.platform.error.Messages;
import dev.kassa.platform.tenancy.TenantRegistry;
import dev.kassa.sales.catalog.Modifier;
import dev.kassa.sales.till.SaleView;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * A sale's receipt as printed: the store (name, legal name, address, phone, tax id), the receipt number, date in the
 * store's time zone, cashier and buyer, each line with its quantity, price, discount and what was refunded of it, the
 * totals with the VAT included, each payment with the cash received and the change, the buyer's bonus balance when it is
 * known, the refunds made since, and the digital receipt's link.
 */
final class ReceiptPrintout {

    /** A refund of the sale: when, how much, and how it was given back. */
    /** A refund of the sale: {@code method} the name of the method it was paid back by. */
    record Refund(Instant at, BigDecimal amount, String method) {}

    private ReceiptPrintout() {}

    static Printout of(
            SaleView sale,
            TenantRegistry.Profile store,
            ZoneId zone,
            List<Refund> refunds,
            Integer bonusBalance,
            String link) {
        Printout.Builder p = Printout.titled(Messages.get("print.receipt.title") + " " + sale.receiptNumber());
        header(p, sale, store, zone);
        lines(p, sale);
        totals(p, sale, bonusBalance);
        refunds(p, refunds, zone);
        p.rule().center(Messages.get("print.receipt.thanks"));
        if (link != null) {
            p.center(Messages.get("print.receipt.link")).link(link);
        }
        return p.build();
    }

    /** The store, the receipt's number and date, the cashier and the buyer, and a cancelled or refunded sale's mark. */
    private static void header(Printout.Builder p, SaleView sale, TenantRegistry.Profile store, ZoneId zone) {
        p.heading(store.name());
        if (store.legalName() != null && !store.legalName().equals(store.name())) {
            p.center(store.legalName());
        }
        p.center(store.address()).center(store.phone());
        if (store.taxId() != null && !store.taxId().isBlank()) {
            p.center(Messages.get("print.receipt.tax_id") + " " + store.taxId());
        }
        p.rule()
                .center(Messages.get("print.receipt.title"))
                .row(Messages.get("print.receipt.number"), sale.receiptNumber())
                .row(
                        Messages.get("print.receipt.date"),
                        Formats.time(sale.completedAt() != null ? sale.completedAt() : sale.createdAt(), zone))
                .row(Messages.get("print.receipt.cashier"), sale.cashierName())
                .row(Messages.get("print.receipt.buyer"), sale.customerName());
        if ("cancelled".equals(sale.status()) || "refunded".equals(sale.status())) {
            p.center(Messages.get("print.receipt.status." + sale.status()));
        }
    }

    /** Each line with its options, quantity, price, discount and what was refunded of it. */
    private static void lines(Printout.Builder p, SaleView sale) {
        p.rule();
        for (SaleView.ItemView item : sale.items()) {
            p.text(item.productName());
            for (Modifier m : item.modifiers()) {
                p.text("  + " + m.name());
            }
            BigDecimal discount = item.discountAmount() == null ? BigDecimal.ZERO : item.discountAmount();
            p.row(
                    "  " + Formats.quantity(item.quantity()) + " x " + Formats.money(item.unitPrice()),
                    Formats.money(item.lineTotal().add(discount)));
            if (discount.signum() > 0) {
                p.row("  " + Messages.get("print.receipt.discount"), "-" + Formats.money(discount));
            }
            if (item.refundedQuantity() != null && item.refundedQuantity().signum() > 0) {
                p.row("  " + Messages.get("print.receipt.refunded"), Formats.quantity(item.refundedQuantity()));
            }
        }
    }

    /** The totals with the discount and VAT, each payment with the cash received, the change and the bonus balance. */
    private static void totals(Printout.Builder p, SaleView sale, Integer bonusBalance) {
        p.rule();
        if (sale.discountAmount() != null && sale.discountAmount().signum() > 0) {
            p.row(Messages.get("print.receipt.subtotal"), Formats.money(sale.subtotal()))
                    .row(Messages.get("print.receipt.discount"), "-" + Formats.money(sale.discountAmount()));
        }
        p.strongRow(Messages.get("print.receipt.total"), Formats.money(sale.totalAmount()));
        if (sale.taxAmount() != null && sale.taxAmount().signum() > 0) {
            p.row(Messages.get("print.receipt.tax"), Formats.money(sale.taxAmount()));
        }
        for (SaleView.PaymentView pay : sale.payments()) {
            p.row(pay.paymentMethodDisplay(), Formats.money(pay.amount()));
            if (pay.receivedAmount() != null && pay.receivedAmount().compareTo(pay.amount()) > 0) {
                p.row("  " + Messages.get("print.receipt.received"), Formats.money(pay.receivedAmount()));
            }
        }
        if (sale.changeAmount() != null && sale.changeAmount().signum() > 0) {
            p.row(Messages.get("print.receipt.change"), Formats.money(sale.changeAmount()));
        }
        if (bonusBalance != null) {
            p.row(Messages.get("print.receipt.bonus_balance"), String.valueOf(bonusBalance));
        }
    }

    /** The refunds made since the sale. */
    private static void refunds(Printout.Builder p, List<Refund> refunds, ZoneId zone) {
        if (!refunds.isEmpty()) {
            p.rule().center(Messages.get("print.receipt.refunds"));
            for (Refund r : refunds) {
                p.row(
                        Messages.get("print.receipt.refund") + " " + Formats.time(r.at(), zone) + " (" + r.method()
                                + ")",
                        "-" + Formats.money(r.amount()));
            }
        }
    }
}
