package dev.kassa.catalog.inventory.purchase;

import dev.kassa.catalog.CatalogErrors;
import dev.kassa.catalog.inventory.stock.PurchaseReceiptService;
import dev.kassa.platform.error.FieldErrors;
import dev.kassa.platform.error.KassaError;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A purchase order loaded once with its lines under its lock: the only place its status changes. It is edited while a
 * draft, {@link #order() sent}, takes goods in {@link #receive receipts}, is {@link #close() closed} before everything
 * came or {@link #cancel() cancelled}, each move guarded by {@link PurchaseOrderStatus}; a receipt answers the event it
 * raises. The repository loads and saves it; no Spring, no database here.
 */
final class PurchaseOrder {

    private final PurchaseOrderRepository.Row row;
    private final Map<Long, PurchaseOrderRepository.Line> lines = new LinkedHashMap<>();
    /** What the receipts of this change took in, by line (on top of what the lines had when loaded). */
    private final Map<Long, BigDecimal> receivedNow = new HashMap<>();

    private PurchaseOrderStatus status;

    PurchaseOrder(PurchaseOrderRepository.Row row, List<PurchaseOrderRepository.Line> lines) {
        this.row = row;
        this.status = row.status();
        lines.forEach(l -> this.lines.put(l.id(), l));
    }

    long id() {
        return row.id();
    }

    long supplierId() {
        return row.supplierId();
    }

    PurchaseOrderStatus status() {
        return status;
    }

    /** Refused unless the order is a draft: only a draft's details and lines change. */
    void edit() {
        if (!status.editable()) {
            throw status.refused(CatalogErrors.PURCHASE_ORDER_STATUS);
        }
    }

    /** Sends the draft to the supplier; answers whether it moved (an order already sent stays as it is). */
    boolean order() {
        return moveUnlessAlready(PurchaseOrderStatus.ORDERED, CatalogErrors.PURCHASE_ORDER_STATUS);
    }

    /** Closes the order before everything came; answers whether it moved (closed again: no move). */
    boolean close() {
        return moveUnlessAlready(PurchaseOrderStatus.CLOSED, CatalogErrors.PURCHASE_ORDER_STATUS);
    }

    /** Cancels an order nothing came for; answers whether it moved (cancelled again: no move). */
    boolean cancel() {
        return moveUnlessAlready(PurchaseOrderStatus.CANCELLED, CatalogErrors.PURCHASE_ORDER_RECEIVED);
    }

    /**
     * What a receipt of {@code forms} takes into the ledger, one purchase per form: its line's product, at its cost, else
     * the line's. Refused unless goods may still come; a line the order lacks or dates out of order are added to
     * {@code errors} (thrown with the request's other faults); more than a line ordered is refused unless
     * {@code acceptOver}.
     */
    List<PurchaseReceiptService.Purchase> receive(
            List<PurchaseOrderService.ReceivedLineForm> forms, boolean acceptOver, FieldErrors errors) {
        if (!status.receivable()) {
            throw status.refused(CatalogErrors.PURCHASE_ORDER_STATUS);
        }
        Map<Long, BigDecimal> coming = coming(forms, errors);
        errors.throwIfAny();
        List<Map<String, Object>> over = over(coming);
        if (!over.isEmpty() && !acceptOver) {
            throw CatalogErrors.PURCHASE_OVER_RECEIPT.exception(Map.of("lines", over));
        }
        List<PurchaseReceiptService.Purchase> purchases = new ArrayList<>();
        for (PurchaseOrderService.ReceivedLineForm f : forms) {
            PurchaseOrderRepository.Line l = lines.get(f.line());
            purchases.add(new PurchaseReceiptService.Purchase(
                    l.product().id(),
                    f.quantity().setScale(3, RoundingMode.UNNECESSARY),
                    (f.costPrice() != null ? f.costPrice() : l.costPrice()).setScale(2, RoundingMode.HALF_UP),
                    f.batchNumber(),
                    f.manufacturingDate(),
                    f.expiryDate()));
        }
        return purchases;
    }

    /**
     * The receipt {@code receipt} took {@code received} in: the lines have it, the order is {@code received} when every
     * line has all it ordered, else {@code partially_received}; answers the event.
     */
    PurchaseOrderReceived received(long receipt, Long by, List<PurchaseOrderRepository.ReceivedLine> received) {
        received.forEach(r -> receivedNow.merge(r.lineId(), r.quantity(), BigDecimal::add));
        boolean all = lines.values().stream().allMatch(l -> received(l).compareTo(l.quantity()) >= 0);
        status = status.moveTo(
                all ? PurchaseOrderStatus.RECEIVED : PurchaseOrderStatus.PARTIALLY_RECEIVED,
                CatalogErrors.PURCHASE_ORDER_STATUS);
        return PurchaseOrderReceived.of(row, receipt, status.code(), by, received);
    }

    private boolean moveUnlessAlready(PurchaseOrderStatus next, KassaError refusal) {
        if (status == next) {
            return false;
        }
        status = status.moveTo(next, refusal);
        return true;
    }

    /** What the receipt brings for each line it names (in the order named); unknown lines and bad dates in errors. */
    private Map<Long, BigDecimal> coming(List<PurchaseOrderService.ReceivedLineForm> forms, FieldErrors errors) {
        Map<Long, BigDecimal> coming = new LinkedHashMap<>();
        for (int i = 0; i < forms.size(); i++) {
            PurchaseOrderService.ReceivedLineForm f = forms.get(i);
            if (f == null) {
                continue;
            }
            String prefix = "lines." + i + ".";
            if (f.line() != null && !lines.containsKey(f.line())) {
                errors.add(prefix + "line", "catalog.purchase_line_unknown", String.valueOf(f.line()));
            }
            if (f.manufacturingDate() != null
                    && f.expiryDate() != null
                    && !f.manufacturingDate().isBefore(f.expiryDate())) {
                errors.add(prefix + "expiry_date", "catalog.expiry_before_manufacturing");
            }
            if (f.line() != null && f.quantity() != null && lines.containsKey(f.line())) {
                coming.merge(f.line(), f.quantity(), BigDecimal::add);
            }
        }
        return coming;
    }

    /** The lines {@code coming} would take above what they ordered: what each ordered, has and would receive. */
    private List<Map<String, Object>> over(Map<Long, BigDecimal> coming) {
        List<Map<String, Object>> over = new ArrayList<>();
        coming.forEach((lineId, quantity) -> {
            PurchaseOrderRepository.Line l = lines.get(lineId);
            if (received(l).add(quantity).compareTo(l.quantity()) > 0) {
                over.add(Map.of(
                        "line", lineId,
                        "ordered", l.quantity().toPlainString(),
                        "received", received(l).toPlainString(),
                        "receiving",
                                quantity.setScale(3, RoundingMode.UNNECESSARY).toPlainString()));
            }
        });
        return over;
    }

    /** What the line has received, this change's receipts included. */
    private BigDecimal received(PurchaseOrderRepository.Line l) {
        return l.receivedQuantity().add(receivedNow.getOrDefault(l.id(), BigDecimal.ZERO));
    }
}
