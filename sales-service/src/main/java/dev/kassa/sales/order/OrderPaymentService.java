package dev.kassa.sales.order;

import dev.kassa.platform.security.Caller;
import dev.kassa.platform.validation.Required;
import dev.kassa.sales.catalog.Modifier;
import dev.kassa.sales.payment.PaymentMethodService;
import dev.kassa.sales.till.PaymentRequest;
import dev.kassa.sales.till.SaleLine;
import dev.kassa.sales.till.SaleUploadService;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * Paying an order: its lines (the kitchen's cancelled ones left out) become one sale, recorded in one call as a whole
 * sale is (the till's holds of every line at once, short stock taken as it is: the dishes were served; the split payments,
 * the customer's credit and points, the receipt, SaleCompleted), in the shift of whoever takes the money. The order's
 * client id is the sale's, so paying it again (a retry, two tills at once) answers the one sale instead of a second.
 */
@Service
class OrderPaymentService {

    /** The shift the money goes into, the tenders, and optionally the buyer and a discount, as a till's checkout takes them. */
    record PayRequest(
            @Required Long session,
            @NotEmpty List<@Valid PaymentRequest> payments,
            Long customerId,
            BigDecimal discountPercent,
            BigDecimal discountAmount) {}

    /** The paid order, and the sale it became (with its receipt number, payments and change). */
    record Paid(OrderView order, SaleUploadService.Uploaded sale) {}

    private final OrderRepository orders;
    private final OrderItemRepository items;
    private final PaymentMethodService methods;
    private final SaleUploadService sales;
    private final OrderService service;
    private final TransactionTemplate tx;

    OrderPaymentService(
            OrderRepository orders,
            OrderItemRepository items,
            PaymentMethodService methods,
            SaleUploadService sales,
            OrderService service,
            TransactionTemplate tx) {
        this.orders = orders;
        this.items = items;
        this.methods = methods;
        this.sales = sales;
        this.service = service;
        this.tx = tx;
    }

    /**
     * Takes the order's payment. The order is held ({@code billing}) while it is taken, so no line joins, leaves or moves
     * between what is billed and the order closing as paid; a refused payment opens it again. Only methods the store has
     * enabled are taken (the sale is recorded as an offline till's whole sale, which keeps one switched off since: not
     * here, where the payment is taken now). Who may not act on the order (a waiter, on a colleague's) may not pay it.
     */
    Paid pay(Caller caller, long id, PayRequest r) {
        Billed billed = Objects.requireNonNull(tx.execute(s -> {
            CafeOrder order = service.load(id).actedOnBy(caller);
            boolean holding = order.bill();
            methods.requireEnabled(
                    "payments",
                    r.payments().stream().map(PaymentRequest::paymentMethod).toList());
            List<OrderItemRepository.Item> lines = order.billed();
            if (holding) {
                orders.billing(id);
            }
            return new Billed(order.row(), lines);
        }));
        SaleUploadService.Recorded recorded;
        try {
            recorded = sales.record(caller, sale(billed, r), null);
        } catch (RuntimeException refused) {
            // nothing was sold (a second try with the order's client id would find a sale that was): the order is open
            // again
            tx.executeWithoutResult(s -> orders.reopen(id));
            throw refused;
        }
        long saleId = recorded.sale().sale().id();
        return tx.execute(s -> {
            orders.paid(id, saleId);
            // the guests' lines no waiter confirmed were not sold: the table's next guests start with none waiting
            items.decline(id, null);
            return new Paid(service.view(id), recorded.sale());
        });
    }

    /** The order being paid and its lines to bill, read under its lock. */
    private record Billed(OrderRepository.Order order, List<OrderItemRepository.Item> lines) {}

    private static SaleUploadService.NewSale sale(Billed billed, PayRequest r) {
        OrderRepository.Order order = billed.order();
        return new SaleUploadService.NewSale(
                order.clientId().toString(),
                r.session(),
                null,
                r.customerId(),
                null,
                null,
                null,
                null,
                r.discountPercent(),
                r.discountAmount(),
                "#" + order.id() + (order.tableName() == null ? "" : " · " + order.tableName()),
                billed.lines().stream()
                        .map(OrderItemRepository.Item::ordered)
                        .map(i -> SaleLine.ordered(
                                i.productId(),
                                i.quantity(),
                                i.unitPrice(),
                                Modifier.ids(i.modifiers()),
                                Modifier.sum(i.modifiers())))
                        .toList(),
                r.payments());
    }
}
