package dev.kassa.sales.kitchen;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PreparationByProductTests {

    private static KitchenTicketRepository.Ready ready(long id, String station, String seconds) {
        return new KitchenTicketRepository.Ready(id, station, new BigDecimal(seconds));
    }

    private static OrderLines.Line line(long ticket, long product, String name) {
        return new OrderLines.Line(ticket, product, name);
    }

    @Test
    void eachProductOfAStationCountsItsTicketsAndAveragesItsLinesSlowestFirst() {
        List<KitchenTicketRepository.Ready> tickets = List.of(
                ready(1, "bar", "10.500000"),
                ready(2, "bar", "11.000000"),
                ready(3, "kitchen", "600.499999"),
                ready(4, "bar", "2.500000"));
        List<OrderLines.Line> lines = List.of(
                // two lines of the cappuccino on ticket 1: it counts once, its time twice (10.5, 10.5, 11 → 10.67)
                line(1, 7, "Капучино"),
                line(1, 7, "Капучино"),
                line(2, 7, "Капучино большой"),
                line(3, 9, "Борщ"),
                // the same average as the tea's: the lower product first
                line(4, 5, "Чай"),
                line(4, 6, "Вода"),
                // a line of a ticket not made ready in the period is not counted
                line(99, 7, "Капучино"));

        assertThat(PreparationByProduct.of(tickets, lines))
                .containsExactly(
                        new KitchenTicketRepository.Preparation("kitchen", 9L, "Борщ", 1, 600L, 600L),
                        new KitchenTicketRepository.Preparation("bar", 7L, "Капучино большой", 2, 11L, 11L),
                        new KitchenTicketRepository.Preparation("bar", 5L, "Чай", 1, 3L, 3L),
                        new KitchenTicketRepository.Preparation("bar", 6L, "Вода", 1, 3L, 3L));
    }

    @Test
    void noTicketMadeReadyIsNoProduct() {
        assertThat(PreparationByProduct.of(List.of(), List.of())).isEmpty();
    }
}
