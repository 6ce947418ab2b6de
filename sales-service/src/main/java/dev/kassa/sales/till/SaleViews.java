package dev.kassa.sales.till;

import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/**
 * A sale as the API shows it (its row, its lines and its tenders: {@link SaleView}), read or recomputed from the three
 * tables that hold it, inside the caller's transaction.
 */
@Component
class SaleViews {

    private final SaleRepository sales;
    private final SaleLineRepository lines;
    private final PaymentRepository payments;

    SaleViews(SaleRepository sales, SaleLineRepository lines, PaymentRepository payments) {
        this.sales = sales;
        this.lines = lines;
        this.payments = payments;
    }

    /** The sale with its lines and tenders. */
    Optional<SaleView> find(long id) {
        return sales.find(id).map(sale -> SaleView.of(sale, lines.items(id), tenders(sale)));
    }

    /** {@link #find} of a sale known to exist. */
    SaleView view(long id) {
        return find(id).orElseThrow();
    }

    /** Recomputes a sale's totals from its lines ({@link SaleTotals}) and stores them; answers the sale as the API shows it now. */
    SaleView recalculate(long saleId) {
        return recalculate(sales.lock(saleId).orElseThrow());
    }

    /** {@link #recalculate(long)} of a sale locked (or created) in this transaction, so its discount is the current one. */
    SaleView recalculate(SaleRepository.Sale sale) {
        return recalculate(sale, lines.items(sale.id()));
    }

    /** {@link #recalculate(SaleRepository.Sale)} with the sale's lines as they now stand, read already. */
    SaleView recalculate(SaleRepository.Sale sale, List<SaleLineRepository.Item> items) {
        SaleRepository.Sale now = sales.total(sale, items);
        return SaleView.of(now, items, tenders(now));
    }

    /** Payments are written only in the transaction that completes a sale: a draft (every scan's answer) has none to read. */
    private List<PaymentRepository.Payment> tenders(SaleRepository.Sale sale) {
        return sale.status() == SaleStatus.PENDING ? List.of() : payments.ofSale(sale.id());
    }
}
