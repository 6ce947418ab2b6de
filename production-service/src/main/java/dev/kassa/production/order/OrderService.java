package dev.kassa.production.order;

import dev.kassa.platform.data.Values;
import dev.kassa.platform.error.FieldErrors;
import dev.kassa.platform.events.OutboxPublisher;
import dev.kassa.platform.security.Caller;
import dev.kassa.platform.tenancy.TenantContext;
import dev.kassa.platform.validation.DomainValidated;
import dev.kassa.platform.validation.IsoDate;
import dev.kassa.platform.validation.OneOf;
import dev.kassa.platform.validation.PrintableText;
import dev.kassa.platform.validation.Quantity;
import dev.kassa.platform.validation.RequestRules;
import dev.kassa.platform.validation.Required;
import dev.kassa.platform.validation.Whole;
import dev.kassa.production.ProductionErrors;
import dev.kassa.production.catalog.CatalogClient;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import static dev.kassa.platform.data.Values.blankToNull;

/**
 * Production orders: made by the store's owner and managers for a product catalog has (its name, SKU and unit kept with
 * the order), changed while nothing is held for them, cancelled with a note; every move kept in the order's history and
 * announced ({@link ProductionOrderCreated}, {@link ProductionOrderStatusChanged}).
 */
@Service
public class OrderService {

    /** An order's fields: a new one needs its product and quantity; a PATCH changes the fields given (not the product). */
    @DomainValidated
    record OrderRequest(
            @Required(groups = Whole.class) @Positive Long product,
            @Required(groups = Whole.class) @Quantity(positive = true) BigDecimal quantity,
            @IsoDate String dueDate,
            @OneOf(of = Priority.class, message = "production.order_priority") String priority,
            @Positive Long customer,
            @Size(max = 4000) @PrintableText(multiline = true) String spec) {}

    /** Why an order is cancelled (optional). */
    @DomainValidated
    record CancelRequest(@Size(max = 500) @PrintableText String reason) {}

    private final OrderRepository orders;
    private final CatalogClient catalog;
    private final RequestRules rules;
    private final OutboxPublisher outbox;
    private final ApplicationEventPublisher events;

    OrderService(
            OrderRepository orders,
            CatalogClient catalog,
            RequestRules rules,
            OutboxPublisher outbox,
            ApplicationEventPublisher events) {
        this.events = events;
        this.orders = orders;
        this.catalog = catalog;
        this.rules = rules;
        this.outbox = outbox;
    }

    /** The orders a list asks for: {@code status} one or several ({@code new,planned}). */
    @Transactional(readOnly = true)
    public Page<OrderRepository.Row> page(
            String status,
            String priority,
            Long product,
            String dueBefore,
            String search,
            String orderBy,
            Pageable page) {
        FieldErrors errors = new FieldErrors();
        List<String> statuses = null;
        if (status != null && !status.isBlank()) {
            statuses = Arrays.stream(status.split(",")).map(String::trim).toList();
            if (statuses.stream().anyMatch(s -> OrderStatus.parse(s).isEmpty())) {
                errors.add("status", "production.order_status_value");
            }
        }
        Priority which = priority == null ? null : Priority.parse(priority).orElse(null);
        if (priority != null && which == null) {
            errors.add("priority", "production.order_priority");
        }
        LocalDate before = dueBefore == null ? null : errors.date("due_before", dueBefore);
        errors.throwIfAny();
        return orders.page(
                new OrderRepository.Filter(statuses, which, product, before, blankToNull(search)), orderBy, page);
    }

    @Transactional(readOnly = true)
    public OrderView get(long id, Caller caller) {
        OrderRepository.Row row = orders.find(id).orElseThrow(ProductionErrors.ORDER_NOT_FOUND::exception);
        return OrderView.of(row, orders.history(id));
    }

    /**
     * A new order for a product catalog has: asked before anything is stored, so a product the store lacks (or catalog
     * not answering) leaves nothing behind.
     */
    @Transactional
    OrderView create(OrderRequest r, Caller caller) {
        FieldErrors errors = rules.check(r, true);
        errors.throwIfAny();
        CatalogClient.Product product = catalog.product(r.product())
                .orElseThrow(() -> FieldErrors.single("product", "production.product_unknown"));
        OrderRepository.Fields fields = new OrderRepository.Fields(
                r.quantity(),
                Values.isoDate(r.dueDate()),
                r.priority() == null ? Priority.NORMAL : Priority.of(r.priority()),
                r.customer(),
                r.spec() == null ? "" : r.spec().trim());
        long id = orders.insert(
                product.id(), product.name(), product.sku(), product.unitShort(), fields, caller.userId());
        Instant now = Instant.now();
        orders.history(id, null, OrderStatus.NEW, null, caller.userId(), now);
        OrderRepository.Row row = orders.find(id).orElseThrow();
        outbox.publish(
                TenantContext.require().key(),
                new ProductionOrderCreated(
                        id,
                        row.number(),
                        row.productId(),
                        row.productName(),
                        row.quantity(),
                        row.dueDate(),
                        row.priority().code(),
                        row.customerId(),
                        caller.userId()));
        return OrderView.of(row, orders.history(id));
    }

    /** Changes the fields given while the order may still change; the product stays the one ordered. */
    @Transactional
    OrderView update(long id, OrderRequest r, Caller caller) {
        ProductionOrder order =
                new ProductionOrder(orders.lock(id).orElseThrow(ProductionErrors.ORDER_NOT_FOUND::exception));
        FieldErrors errors = rules.check(r, false);
        OrderRepository.Row now = order.row();
        if (r.product() != null && r.product() != now.productId()) {
            errors.add("product", "production.order_product_fixed");
        }
        errors.throwIfAny();
        order.edit();
        orders.update(
                id,
                new OrderRepository.Fields(
                        r.quantity() == null ? now.quantity() : r.quantity(),
                        r.dueDate() == null ? now.dueDate() : Values.isoDate(r.dueDate()),
                        r.priority() == null ? now.priority() : Priority.of(r.priority()),
                        r.customer() == null ? now.customerId() : r.customer(),
                        r.spec() == null ? now.spec() : r.spec().trim()));
        if (now.status() == OrderStatus.PLANNED
                && r.quantity() != null
                && r.quantity().compareTo(now.quantity()) != 0) {
            // its operations were timed for the old quantity: the order waits to be planned again
            String note = "quantity " + now.quantity().stripTrailingZeros().toPlainString() + " → "
                    + r.quantity().stripTrailingZeros().toPlainString();
            moved(order, order.unplan(note, caller.userId(), Instant.now()), note, caller);
            events.publishEvent(new Unplanned(id));
        }
        return get(id, caller);
    }

    /** An order planned no more (its quantity changed): planning drops its operations in the same transaction. */
    public record Unplanned(long order) {}

    /** An order as planning sees it. */
    public record Plannable(
            long id, String number, long product, BigDecimal quantity, LocalDate dueDate, Priority priority) {}

    /**
     * The order under its lock, to be planned: refused unless it is new or planned (released and running work is never
     * moved).
     */
    @Transactional
    public Plannable toPlan(long id) {
        OrderRepository.Row row = orders.lock(id).orElseThrow(ProductionErrors.ORDER_NOT_FOUND::exception);
        if (!row.status().editable()) {
            throw row.status().refused();
        }
        return new Plannable(row.id(), row.number(), row.productId(), row.quantity(), row.dueDate(), row.priority());
    }

    /** Whether the order is still planned, under its lock (what the optimiser may move; a released one it may not). */
    @Transactional
    public boolean stillPlanned(long id) {
        return orders.lock(id).map(r -> r.status() == OrderStatus.PLANNED).orElse(false);
    }

    /** The order was planned (with {@code note} saying where): its move kept and announced. */
    @Transactional
    public void planned(long id, String note, Caller caller) {
        ProductionOrder order =
                new ProductionOrder(orders.lock(id).orElseThrow(ProductionErrors.ORDER_NOT_FOUND::exception));
        moved(order, order.plan(note, caller.userId(), Instant.now()), note, caller);
    }

    /**
     * The order under its lock, to be released: refused unless it is planned (released twice, or not planned yet: 409).
     */
    @Transactional
    public Plannable toRelease(long id) {
        OrderRepository.Row row = orders.lock(id).orElseThrow(ProductionErrors.ORDER_NOT_FOUND::exception);
        if (row.status() != OrderStatus.PLANNED) {
            throw row.status().refused();
        }
        return new Plannable(row.id(), row.number(), row.productId(), row.quantity(), row.dueDate(), row.priority());
    }

    /** The order was released (its materials held, {@code note} saying what): its move kept and announced. */
    @Transactional
    public void released(long id, String note, Caller caller) {
        ProductionOrder order =
                new ProductionOrder(orders.lock(id).orElseThrow(ProductionErrors.ORDER_NOT_FOUND::exception));
        moved(order, order.release(note, caller.userId(), Instant.now()), note, caller);
    }

    private void moved(ProductionOrder order, Optional<ProductionOrderStatusChanged> move, String note, Caller caller) {
        long id = order.row().id();
        move.ifPresent(moved -> {
            orders.status(
                    id, OrderStatus.of(moved.fromStatus()), order.status(), note, caller.userId(), moved.changedAt());
            outbox.publish(TenantContext.require().key(), moved);
        });
    }

    /** The orders in {@code statuses}, by due date (planning's lists). */
    @Transactional(readOnly = true)
    public List<OrderView> inStatus(Collection<OrderStatus> statuses) {
        return orders
                .page(
                        new OrderRepository.Filter(
                                statuses.stream().map(OrderStatus::code).toList(), null, null, null, null),
                        "o.due_date, o.id",
                        PageRequest.of(0, 10_000))
                .getContent()
                .stream()
                .map(OrderView::listed)
                .toList();
    }

    /** Cancels the order (not a done one); cancelled again answers it as it stands. */
    @Transactional
    OrderView cancel(long id, CancelRequest r, Caller caller) {
        rules.check(r).throwIfAny();
        ProductionOrder order =
                new ProductionOrder(orders.lock(id).orElseThrow(ProductionErrors.ORDER_NOT_FOUND::exception));
        String note = r == null || r.reason() == null || r.reason().isBlank()
                ? null
                : r.reason().trim();
        moved(order, order.cancel(note, caller.userId(), Instant.now()), note, caller);
        return get(id, caller);
    }
}
