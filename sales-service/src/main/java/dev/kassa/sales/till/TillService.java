package dev.kassa.sales.till;

import dev.kassa.platform.error.FieldErrors;
import dev.kassa.platform.error.KassaException;
import dev.kassa.platform.events.OutboxPublisher;
import dev.kassa.platform.events.Topics;
import dev.kassa.platform.security.Caller;
import dev.kassa.platform.tenancy.Tenant;
import dev.kassa.platform.tenancy.TenantContext;
import dev.kassa.sales.catalog.CatalogClient;
import dev.kassa.sales.catalog.Hold;
import dev.kassa.sales.shift.Session;
import dev.kassa.sales.shift.SessionRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.UUID;

/**
 * The till flow (brief §6): scanning holds stock in catalog first, then writes the line; checkout takes
 * the tenders, completes the sale and writes {@code SaleCompleted} to the outbox in one transaction.
 */
@Service
public class TillService {

    public record ScanRequest(Long session, Long product, BigDecimal quantity, Long batch) { }

    private final SessionRepository sessions;
    private final SaleRepository sales;
    private final CatalogClient catalog;
    private final OutboxPublisher outbox;
    private final TransactionTemplate tx;

    TillService(SessionRepository sessions, SaleRepository sales, CatalogClient catalog, OutboxPublisher outbox, TransactionTemplate tx) {
        this.sessions = sessions;
        this.sales = sales;
        this.catalog = catalog;
        this.outbox = outbox;
        this.tx = tx;
    }

    /** Adds a product to the caller's draft in the shift (creating the draft), holding the stock in catalog. */
    public SaleView scan(Caller caller, ScanRequest r) {
        FieldErrors errors = new FieldErrors();
        if (r.session() == null) {
            errors.add("session", "validation.required");
        }
        if (r.product() == null) {
            errors.add("product", "validation.required");
        }
        BigDecimal quantity = r.quantity() == null ? BigDecimal.ONE : r.quantity();
        if (quantity.signum() <= 0) {
            errors.add("quantity", "validation.positive");
        } else if (quantity.stripTrailingZeros().scale() > 3 || quantity.compareTo(new BigDecimal("999999")) > 0) {
            errors.add("quantity", "validation.invalid");
        }
        errors.throwIfAny();
        BigDecimal qty = quantity.setScale(3, RoundingMode.UNNECESSARY);
        tx.executeWithoutResult(s -> openSession(r.session()));

        String ref = UUID.randomUUID().toString();
        Hold hold = catalog.reserve(ref, r.product(), qty, r.batch());
        try {
            return tx.execute(s -> {
                Session session = openSession(r.session());
                Tenant tenant = TenantContext.require();
                SaleRepository.Sale draft = sales.draftOf(session.id(), caller.userId()).orElseGet(() -> sales.find(sales.createDraft(session.id(),
                        caller.userId(), caller.username(), sales.nextReceiptNumber(session.registerCode(), tenant.today()))).orElseThrow());
                for (Hold.Allocation a : hold.allocations()) {
                    sales.addToLine(draft.id(), hold.product().id(), hold.product().name(), hold.product().sku(), hold.product().unit(),
                            a.batchId(), a.batchNumber(), a.quantity(), hold.product().salePrice(), a.unitCost(), hold.product().taxRate(), ref);
                }
                sales.recalculate(draft.id());
                return detail(draft.id());
            });
        } catch (RuntimeException e) {
            catalog.release(List.of(ref));
            throw e;
        }
    }

    /** Completes a pending sale with split tenders; publishes SaleCompleted in the same transaction. */
    public SaleView checkout(long saleId, List<PaymentRequest> payments) {
        return tx.execute(s -> {
            SaleRepository.Sale sale = sales.lock(saleId).orElseThrow(() -> new KassaException(404, "sale_not_found", "sales.sale_not_found"));
            if (!"pending".equals(sale.status())) {
                throw new KassaException(400, "sale_not_pending", "sales.sale_not_pending");
            }
            List<SaleRepository.Item> items = sales.items(saleId);
            if (items.isEmpty()) {
                throw new KassaException(400, "sale_empty", "sales.sale_empty");
            }
            Settlement settlement = Settlement.of(sale.totalAmount(), payments);
            for (Settlement.Applied p : settlement.payments()) {
                sales.addPayment(saleId, sale.sessionId(), p.method(), p.amount(), p.received(), p.change(), p.cardLast4(), p.transactionId());
            }
            Tenant tenant = TenantContext.require();
            sales.complete(saleId, settlement.change(), tenant.today());
            SaleRepository.Sale done = sales.find(saleId).orElseThrow();
            outbox.publish(Topics.SALES, SaleCompleted.TYPE, tenant.key(), new SaleCompleted(String.valueOf(done.id()), done.receiptNumber(),
                    done.sessionId(), done.registerId(), done.cashierUserId(), done.customerId(), done.completedAt(), done.businessDate(),
                    done.subtotal(), done.discountAmount(), done.taxAmount(), done.totalAmount(),
                    items.stream().map(i -> new SaleCompleted.Line(i.productId(), i.productName(), i.batchId(), i.quantity(), i.unitPrice(),
                            i.discountAmount(), i.lineTotal(), i.unitCost(), i.reservationRef())).toList(),
                    settlement.payments().stream().map(p -> new SaleCompleted.Payment(p.method(), p.amount(), p.received(), p.change())).toList()));
            return detail(saleId);
        });
    }

    private Session openSession(long id) {
        Session session = sessions.lock(id).orElseThrow(() -> new KassaException(404, "session_not_found", "sales.session_not_found"));
        if (!session.isOpen()) {
            throw new KassaException(400, "session_not_open", "sales.session_not_open");
        }
        return session;
    }

    private SaleView detail(long saleId) {
        return SaleView.of(sales.find(saleId).orElseThrow(), sales.items(saleId), sales.payments(saleId));
    }
}
