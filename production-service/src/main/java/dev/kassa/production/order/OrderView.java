package dev.kassa.production.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A production order as its readers see it, with every move of its status. */
public record OrderView(
        long id,
        String number,
        long product,
        String productName,
        String productSku,
        String unit,
        BigDecimal quantity,
        LocalDate dueDate,
        Priority priority,
        Long customer,
        String spec,
        OrderStatus status,
        Long createdBy,
        Instant createdAt,
        Instant updatedAt,
        List<OrderRepository.Change> history) {

    static OrderView of(OrderRepository.Row r, List<OrderRepository.Change> history) {
        return new OrderView(
                r.id(),
                r.number(),
                r.productId(),
                r.productName(),
                r.productSku(),
                r.unit(),
                r.quantity(),
                r.dueDate(),
                r.priority(),
                r.customerId(),
                r.spec(),
                r.status(),
                r.createdBy(),
                r.createdAt(),
                r.updatedAt(),
                history);
    }

    /** An order in a list: without its history. */
    static OrderView listed(OrderRepository.Row r) {
        return of(r, null);
    }
}
