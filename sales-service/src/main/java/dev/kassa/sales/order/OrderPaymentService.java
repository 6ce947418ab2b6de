package dev.kassa.sales.order;

import dev.kassa.platform.security.Caller;
import dev.kassa.platform.validation.Required;
import dev.kassa.sales.SalesErrors;
import dev.kassa.sales.till.PaymentRequest;
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
    private final SaleUploadService sales;
    private final OrderService service;
    private final TransactionTemplate tx;

    OrderPaymentService(
            OrderRepository orders,
            OrderItemRepository items,
            SaleUploadService sales,
            OrderService service,
            TransactionTemplate tx) {
        this.orders = orders;
        this.items = items;
        this.sales = sales;
        this.service = service;
        this.tx = tx;
    }

    Paid pay(Caller caller, long id, PayRequest r) {
        OrderRepository.Order order = Objects.requireNonNull(
                tx.execute(s -> orders.find(id).orElseThrow(SalesErrors.ORDER_NOT_FOUND::exception)));
        if (order.status().equals("cancelled")) {
            throw SalesErrors.ORDER_NOT_OPEN.exception(order.status());
        }
        List<OrderItemRepository.Item> billed = Objects.requireNonNull(tx.execute(s -> items.of(id))).stream()
                .filter(OrderItemRepository.Item::billed)
                .toList();
        if (billed.isEmpty()) {
            throw SalesErrors.ORDER_EMPTY.exception();
        }
        SaleUploadService.Recorded recorded = sales.record(
                caller,
                new SaleUploadService.NewSale(
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
                        "#" + id + (order.tableName() == null ? "" : " · " + order.tableName()),
                        billed.stream()
                                .map(i -> new SaleUploadService.SaleLine(
                                        i.productId(), i.quantity(), null, i.unitPrice(), null))
                                .toList(),
                        r.payments()),
                null);
        long saleId = recorded.sale().sale().id();
        return tx.execute(s -> {
            orders.paid(id, saleId);
            return new Paid(service.view(id), recorded.sale());
        });
    }
}
