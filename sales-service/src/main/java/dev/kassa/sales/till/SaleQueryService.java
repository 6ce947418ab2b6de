package dev.kassa.sales.till;

import dev.kassa.platform.security.Caller;
import dev.kassa.platform.tenancy.TenantContext;
import dev.kassa.sales.SalesErrors;
import dev.kassa.sales.shift.Session;
import dev.kassa.sales.shift.SessionRepository;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
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
    private final SessionRepository sessions;

    SaleQueryService(
            SaleRepository sales,
            SaleLineRepository lines,
            SaleViews views,
            PaymentRepository payments,
            SaleSearchRepository search,
            SessionRepository sessions) {
        this.sales = sales;
        this.lines = lines;
        this.views = views;
        this.payments = payments;
        this.search = search;
        this.sessions = sessions;
    }

    public SaleView get(long saleId) {
        return views.find(saleId).orElseThrow(() -> SalesErrors.SALE_NOT_FOUND.exception());
    }

    /** The caller's open draft in a shift, if any (spec S28). */
    public Optional<SaleView> current(Caller caller, long sessionId) {
        // spec S28: a closed shift is answered as one not found (404), as the original did
        sessions.find(sessionId).filter(Session::isOpen).orElseThrow(() -> SalesErrors.SESSION_NOT_FOUND.exception());
        return sales.pendingOf(sessionId, caller.userId()).map(s -> views.view(s.id()));
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
