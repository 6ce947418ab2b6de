package dev.kassa.sales.order;

import dev.kassa.platform.data.Coded;
import dev.kassa.platform.error.KassaException;
import dev.kassa.sales.SalesErrors;
import dev.kassa.sales.kitchen.TicketStatus;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import static dev.kassa.sales.order.OrderItemStatus.ACCEPTED;
import static dev.kassa.sales.order.OrderItemStatus.AWAITING;
import static dev.kassa.sales.order.OrderItemStatus.CANCELLED;
import static dev.kassa.sales.order.OrderItemStatus.COOKING;
import static dev.kassa.sales.order.OrderItemStatus.NEW;
import static dev.kassa.sales.order.OrderItemStatus.PENDING;
import static dev.kassa.sales.order.OrderItemStatus.READY;
import static dev.kassa.sales.order.OrderItemStatus.SERVED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OrderItemStatusTests {

    /**
     * Every move the order makes of a line (a waiter confirms a guest's, a round sends it); every pair not listed is
     * refused here: from {@code new} on, the kitchen moves the line's ticket.
     */
    private static final Map<OrderItemStatus, Set<OrderItemStatus>> ALLOWED = Map.of(
            AWAITING, EnumSet.of(PENDING),
            PENDING, EnumSet.of(NEW),
            NEW, EnumSet.noneOf(OrderItemStatus.class),
            ACCEPTED, EnumSet.noneOf(OrderItemStatus.class),
            COOKING, EnumSet.noneOf(OrderItemStatus.class),
            READY, EnumSet.noneOf(OrderItemStatus.class),
            SERVED, EnumSet.noneOf(OrderItemStatus.class),
            CANCELLED, EnumSet.noneOf(OrderItemStatus.class));

    @Test
    void onlyTheOrdersMovesOfALineAreAllowed() {
        for (OrderItemStatus from : OrderItemStatus.values()) {
            for (OrderItemStatus to : OrderItemStatus.values()) {
                assertThat(from.canBecome(to))
                        .as(from + " → " + to)
                        .isEqualTo(ALLOWED.get(from).contains(to));
            }
        }
    }

    @Test
    void aRefusedMoveRaisesTheGivenError() {
        assertThat(PENDING.moveTo(NEW, SalesErrors.ORDER_ITEM_SENT)).isEqualTo(NEW);
        assertThatThrownBy(() -> NEW.moveTo(NEW, SalesErrors.ORDER_ITEM_SENT))
                .isInstanceOfSatisfying(
                        KassaException.class, e -> assertThat(e.code()).isEqualTo("order_item_sent"));
    }

    @Test
    void onlyConfirmedLinesTheKitchenDidNotCancelAreBilled() {
        assertThat(EnumSet.allOf(OrderItemStatus.class).stream().filter(OrderItemStatus::billed))
                .containsExactly(PENDING, NEW, ACCEPTED, COOKING, READY, SERVED);
    }

    @Test
    void aLineIsAwaitingPendingOrWhereItsTicketIs() {
        assertThat(OrderItemStatus.of(true, null)).isEqualTo(AWAITING);
        assertThat(OrderItemStatus.of(false, null)).isEqualTo(PENDING);
        for (TicketStatus ticket : TicketStatus.values()) {
            assertThat(OrderItemStatus.of(false, ticket.code()).code()).isEqualTo(ticket.code());
            assertThat(OrderItemStatus.of(ticket).code()).isEqualTo(ticket.code());
        }
    }

    @Test
    void theWireNamesAreTheApis() {
        for (OrderItemStatus s : OrderItemStatus.values()) {
            assertThat(OrderItemStatus.of(s.code())).isEqualTo(s);
        }
        assertThat(AWAITING.code()).isEqualTo("awaiting");
        assertThatThrownBy(() -> OrderItemStatus.of("sent")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theLinesStatusesAreACodedSetWithExactCodes() {
        assertThat(Coded.of(OrderItemStatus.class, "awaiting")).contains(AWAITING);
        assertThat(COOKING.code()).isEqualTo(TicketStatus.COOKING.code());
        assertThatThrownBy(() -> OrderItemStatus.of("PENDING"))
                .as("codes are exact")
                .isInstanceOf(IllegalArgumentException.class);
    }
}
