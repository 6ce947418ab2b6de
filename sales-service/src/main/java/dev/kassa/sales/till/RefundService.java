package dev.kassa.sales.till;

import dev.kassa.platform.error.FieldErrors;
import dev.kassa.platform.events.OutboxPublisher;
import dev.kassa.platform.security.Caller;
import dev.kassa.platform.tenancy.Tenant;
import dev.kassa.platform.tenancy.TenantContext;
import dev.kassa.sales.SalesErrors;
import dev.kassa.sales.payment.PaymentMethodRepository;
import dev.kassa.sales.shift.Session;
import dev.kassa.sales.shift.SessionRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Gives back a completed sale, wholly or by line, never more than was sold (the amounts: {@link RefundShare}). The money
 * leaves the caller's open shift (else the sale's shift) by the chosen method (cash by default; any method the store has
 * enabled, but the buyer's account and points, which a refund gives back by itself). Catalog restocks on
 * {@code SaleRefunded}; customer-service reduces the debt or returns the points.
 */
@Service
public class RefundService {

    public record RefundLine(Long itemId, BigDecimal quantity) {}

    public record RefundRequest(List<RefundLine> items, String method, String reason) {}

    private final SaleRepository sales;
    private final SaleLineRepository lines;
    private final SaleViews views;
    private final PaymentRepository payments;
    private final RefundRepository refunds;
    private final SessionRepository sessions;
    private final OutboxPublisher outbox;
    private final PaymentMethodRepository methods;

    RefundService(
            SaleRepository sales,
            SaleLineRepository lines,
            SaleViews views,
            PaymentRepository payments,
            RefundRepository refunds,
            SessionRepository sessions,
            OutboxPublisher outbox,
            PaymentMethodRepository methods) {
        this.sales = sales;
        this.lines = lines;
        this.views = views;
        this.payments = payments;
        this.refunds = refunds;
        this.sessions = sessions;
        this.outbox = outbox;
        this.methods = methods;
    }

    /**
     * Refunds the sale; {@code requestKey} names a keyed request (null without one): run again after its first run
     * committed (a retry taking over from an instance that died), it answers the sale instead of refunding twice.
     */
    @Transactional
    public SaleView refund(Caller caller, long saleId, RefundRequest r, String requestKey) {
        String method = method(r);
        SaleRepository.Sale sale = sales.lock(saleId).orElseThrow(() -> SalesErrors.SALE_NOT_FOUND.exception());
        if (requestKey != null && refunds.refundedBy(saleId, requestKey)) {
            return views.view(saleId);
        }
        sale.status().moveTo(SaleStatus.PARTIALLY_REFUNDED, SalesErrors.SALE_NOT_REFUNDABLE);
        List<SaleLineRepository.Item> items = lines.items(saleId);
        Map<Long, BigDecimal> wanted = wanted(items, r);
        if (wanted.isEmpty()) {
            throw SalesErrors.SALE_NOT_REFUNDABLE.exception();
        }
        RefundShare share = share(saleId, sale, items, wanted, method);
        Tenant tenant = TenantContext.require();
        long refundId = refunds.addRefund(new RefundRepository.NewRefund(
                saleId,
                shiftOf(caller, sale),
                share.total().max(new BigDecimal("0.01")),
                share.paidBack(),
                share.credit(),
                share.bonus(),
                r == null || r.reason() == null ? "" : r.reason(),
                caller.userId(),
                tenant.today(),
                requestKey));
        List<SaleRefunded.Line> refunded = giveBack(refundId, wanted, share, items);
        boolean full =
                lines.items(saleId).stream().allMatch(i -> i.refundedQuantity().compareTo(i.quantity()) == 0);
        sales.setStatus(
                saleId,
                sale.status()
                        .moveTo(
                                full ? SaleStatus.REFUNDED : SaleStatus.PARTIALLY_REFUNDED,
                                SalesErrors.SALE_NOT_REFUNDABLE));
        outbox.publish(
                tenant.key(),
                new SaleRefunded(
                        String.valueOf(saleId),
                        String.valueOf(refundId),
                        sale.receiptNumber(),
                        sale.customerId(),
                        tenant.today(),
                        share.total(),
                        share.credit(),
                        share.bonus(),
                        share.paidBack(),
                        full,
                        refunded));
        return views.view(saleId);
    }

    /** The method the money leaves by: cash unless named, one the store pays out by, never the account or points. */
    private String method(RefundRequest r) {
        String method = r == null || r.method() == null || r.method().isBlank()
                ? "cash"
                : r.method().trim();
        if ("credit".equals(method) || "bonus".equals(method)) {
            throw FieldErrors.single("method", "sales.refund_method_credit");
        }
        if (!methods.paysOut(method)) {
            throw FieldErrors.single("method", "sales.refund_method_invalid");
        }
        return method;
    }

    /** What each line, the buyer's account and points get back of the sale's total. */
    private RefundShare share(
            long saleId,
            SaleRepository.Sale sale,
            List<SaleLineRepository.Item> items,
            Map<Long, BigDecimal> wanted,
            String method) {
        return RefundShare.of(
                sale.subtotal(),
                sale.totalAmount(),
                items.stream()
                        .map(i -> new RefundShare.Line(i.id(), i.quantity(), i.refundedQuantity(), i.lineTotal()))
                        .toList(),
                wanted,
                refunds::refundedAmount,
                payments.paidBy(saleId, "credit").subtract(refunds.refundedAs(saleId, "credit_amount")),
                payments.paidBy(saleId, "bonus").subtract(refunds.refundedAs(saleId, "bonus_amount")),
                method);
    }

    /** The caller's open shift, else the sale's. */
    private long shiftOf(Caller caller, SaleRepository.Sale sale) {
        return sessions.currentOf(caller.userId())
                .filter(Session::isOpen)
                .map(Session::id)
                .orElse(sale.sessionId());
    }

    /** Writes the refund's lines and marks them given back; answers them as the event tells them. */
    private List<SaleRefunded.Line> giveBack(
            long refundId, Map<Long, BigDecimal> wanted, RefundShare share, List<SaleLineRepository.Item> items) {
        List<SaleRefunded.Line> refunded = new ArrayList<>();
        wanted.forEach((itemId, quantity) -> {
            BigDecimal amount = share.amounts().get(itemId);
            refunds.addRefundLine(refundId, itemId, quantity, amount);
            lines.markRefunded(itemId, quantity);
            SaleLineRepository.Item item =
                    items.stream().filter(i -> i.id() == itemId).findFirst().orElseThrow();
            refunded.add(new SaleRefunded.Line(
                    item.productId(),
                    item.batchId(),
                    quantity.setScale(3, RoundingMode.UNNECESSARY),
                    amount,
                    item.reservationRef(),
                    item.announcedModifiers()));
        });
        return refunded;
    }

    /** The quantity to give back per line: every line's rest when no line is named, else each named line's (checked). */
    private static Map<Long, BigDecimal> wanted(List<SaleLineRepository.Item> items, RefundRequest r) {
        Map<Long, BigDecimal> wanted = new LinkedHashMap<>();
        FieldErrors errors = new FieldErrors();
        if (r == null || r.items() == null || r.items().isEmpty()) {
            items.forEach(i -> wanted.put(i.id(), i.quantity().subtract(i.refundedQuantity())));
        } else {
            for (int n = 0; n < r.items().size(); n++) {
                RefundLine line = r.items().get(n);
                SaleLineRepository.Item item = line == null || line.itemId() == null
                        ? null
                        : items.stream()
                                .filter(i -> i.id() == line.itemId())
                                .findFirst()
                                .orElse(null);
                if (item == null) {
                    errors.add("items." + n + ".item_id", "sales.refund_item_unknown");
                    continue;
                }
                BigDecimal left = item.quantity()
                        .subtract(item.refundedQuantity())
                        .subtract(wanted.getOrDefault(item.id(), BigDecimal.ZERO));
                BigDecimal q = line.quantity() == null ? left : line.quantity();
                if (q.signum() == 0 || !FieldErrors.isQuantity(q, FieldErrors.MAX_QUANTITY)) {
                    errors.add("items." + n + ".quantity", "validation.positive");
                } else if (q.compareTo(left) > 0) {
                    errors.add("items." + n + ".quantity", "sales.refund_exceeds", left.toPlainString());
                } else {
                    wanted.merge(item.id(), q, BigDecimal::add);
                }
            }
        }
        errors.throwIfAny();
        wanted.values().removeIf(q -> q.signum() <= 0);
        return wanted;
    }
}
