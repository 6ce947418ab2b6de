package dev.kassa.sales.order;

import dev.kassa.sales.catalog.Modifier;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;

/**
 * An order as the API shows it: its lines with where each stands ({@code pending} until its round is sent, then its
 * kitchen ticket's status), the total of what will be billed (the kitchen's cancelled dishes left out), and its history
 * (a waiter taking it over from another, naming both).
 */
record OrderView(
        long id,
        Long table,
        String tableName,
        String diningOption,
        String status,
        long waiter,
        String waiterName,
        int guests,
        String notes,
        int rounds,
        List<OrderLine> items,
        BigDecimal total,
        Long sale,
        Long mergedInto,
        Instant openedAt,
        Instant closedAt,
        List<HistoryEntry> history) {

    /**
     * What happened to the order: {@code taken_over} by the waiter {@code by} from the waiter {@code from} (0: the guests
     * who opened it, before any waiter had it).
     */
    record HistoryEntry(String action, long by, String byName, Long from, String fromName, Instant at) {

        static HistoryEntry of(OrderHistoryRepository.Entry e) {
            return new HistoryEntry(e.action(), e.byUserId(), e.byName(), e.fromUserId(), e.fromName(), e.happenedAt());
        }
    }

    record OrderLine(
            long id,
            long product,
            String productName,
            BigDecimal unitPrice,
            BigDecimal quantity,
            BigDecimal lineTotal,
            String note,
            Integer round,
            Long ticket,
            String station,
            String status,
            List<Modifier> modifiers) {}

    static OrderView of(
            OrderRepository.Order o, List<OrderItemRepository.Item> items, List<OrderHistoryRepository.Entry> history) {
        List<OrderLine> lines = items.stream()
                .map(i -> new OrderLine(
                        i.id(),
                        i.ordered().productId(),
                        i.ordered().productName(),
                        i.ordered().unitPrice(),
                        i.ordered().quantity(),
                        lineTotal(i),
                        i.ordered().note(),
                        i.round(),
                        i.ticketId(),
                        i.station(),
                        i.status().code(),
                        i.ordered().modifiers()))
                .toList();
        BigDecimal total = items.stream()
                .filter(OrderItemRepository.Item::billed)
                .map(OrderView::lineTotal)
                .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        return new OrderView(
                o.id(),
                o.tableId(),
                o.tableName(),
                o.diningOption(),
                o.status().code(),
                o.waiterUserId(),
                o.waiterName(),
                o.guests(),
                o.notes(),
                o.rounds(),
                lines,
                total,
                o.saleId(),
                o.mergedInto(),
                o.openedAt(),
                o.closedAt(),
                history.stream().map(HistoryEntry::of).toList());
    }

    static BigDecimal lineTotal(OrderItemRepository.Item i) {
        return i.ordered().unitPrice().multiply(i.ordered().quantity()).setScale(2, RoundingMode.HALF_UP);
    }
}
