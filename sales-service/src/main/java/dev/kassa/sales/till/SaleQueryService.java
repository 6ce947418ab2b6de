package dev.kassa.sales.till;

import dev.kassa.platform.security.Caller;
import dev.kassa.platform.tenancy.TenantContext;
import dev.kassa.sales.SalesErrors;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.Optional;

/** Reading sales: one sale, the caller's open draft in a shift, the list. */
@Service
@Transactional(readOnly = true)
public class SaleQueryService {

    private final SaleRepository sales;
    private final SaleLineRepository lines;
    private final SaleViews views;
    private final PaymentRepository payments;
    private final SaleSearchRepository search;
    private final CurrentSaleRepository current;

    SaleQueryService(
            SaleRepository sales,
            SaleLineRepository lines,
            SaleViews views,
            PaymentRepository payments,
            SaleSearchRepository search,
            CurrentSaleRepository current) {
        this.sales = sales;
        this.lines = lines;
        this.views = views;
        this.payments = payments;
        this.search = search;
        this.current = current;
    }

    public SaleView get(long saleId) {
        return views.find(saleId).orElseThrow(() -> SalesErrors.SALE_NOT_FOUND.exception());
    }

    /** The caller's open draft in a shift, if any (spec S28). */
    @Transactional(propagation = Propagation.SUPPORTS)
    public Optional<SaleView> current(Caller caller, long sessionId) {
        Optional<SaleRepository.Sale> draft = current.draft(sessionId, caller.userId());
        if (draft.isEmpty()) {
            // spec S28: a closed shift is answered as one not found (404), as the original did
            if (!current.open(sessionId)) {
                throw SalesErrors.SESSION_NOT_FOUND.exception();
            }
            return Optional.empty();
        }
        // a draft has no payments yet
        return draft.map(sale -> SaleView.of(sale, current.items(sale.id()), List.of()));
    }

    /** The sales list: {@code today} narrows to today's completed sales (the store's local date). */
    public Page<SaleView> list(SaleSearchRepository.Filter filter, boolean today, String ordering, Pageable page) {
        SaleSearchRepository.Filter f = today
                ? new SaleSearchRepository.Filter(
                        "completed",
                        null,
                        null,
                        TenantContext.require().today(),
                        TenantContext.require().today(),
                        null,
                        null)
                : filter;
        Page<SaleRepository.Sale> found = search.page(f, SaleSearchRepository.ORDERING.orderBy(ordering), page);
        List<Long> ids = found.stream().map(SaleRepository.Sale::id).toList();
        var items = lines.itemsOf(ids);
        var tenders = payments.ofSales(ids);
        return found.map(
                x -> SaleView.of(x, items.getOrDefault(x.id(), List.of()), tenders.getOrDefault(x.id(), List.of())));
    }

    /** Lines of sales (spec S30, read-only), filtered by sale and product. */
    public Page<SaleView.ItemView> items(Long sale, Long product, String orderBy, Pageable page) {
        return lines.itemPage(sale, product, orderBy, page).map(SaleView::item);
    }

    public SaleView.ItemView item(long id) {
        return lines.item(id).map(SaleView::item).orElseThrow(() -> SalesErrors.SALE_ITEM_NOT_FOUND.exception());
    }
}
