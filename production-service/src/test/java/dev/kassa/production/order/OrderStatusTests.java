package dev.kassa.production.order;

import dev.kassa.platform.error.KassaException;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import static dev.kassa.production.order.OrderStatus.CANCELLED;
import static dev.kassa.production.order.OrderStatus.DONE;
import static dev.kassa.production.order.OrderStatus.IN_PROGRESS;
import static dev.kassa.production.order.OrderStatus.NEW;
import static dev.kassa.production.order.OrderStatus.PLANNED;
import static dev.kassa.production.order.OrderStatus.RELEASED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A production order's life move by move. */
class OrderStatusTests {

    private static final Map<OrderStatus, Set<OrderStatus>> ALLOWED = Map.of(
            NEW, EnumSet.of(PLANNED, CANCELLED),
            PLANNED, EnumSet.of(PLANNED, NEW, RELEASED, CANCELLED),
            RELEASED, EnumSet.of(IN_PROGRESS, CANCELLED),
            IN_PROGRESS, EnumSet.of(DONE, CANCELLED),
            DONE, EnumSet.noneOf(OrderStatus.class),
            CANCELLED, EnumSet.noneOf(OrderStatus.class));

    @Test
    void everyMoveIsAllowedOrRefusedAsTheLifeSays() {
        for (OrderStatus from : OrderStatus.values()) {
            for (OrderStatus to : OrderStatus.values()) {
                assertThat(from.canBecome(to))
                        .as(from + " → " + to)
                        .isEqualTo(ALLOWED.get(from).contains(to));
                if (!ALLOWED.get(from).contains(to)) {
                    assertThatThrownBy(() -> from.moveTo(to))
                            .isInstanceOfSatisfying(KassaException.class, e -> assertThat(e.code())
                                    .isEqualTo("production_order_status"));
                }
            }
        }
    }

    @Test
    void onlyOrdersNothingIsHeldForAreEditedAndDoneOrCancelledAreFinal() {
        assertThat(EnumSet.allOf(OrderStatus.class).stream().filter(OrderStatus::editable))
                .containsExactly(NEW, PLANNED);
        assertThat(EnumSet.allOf(OrderStatus.class).stream().filter(OrderStatus::isFinal))
                .containsExactly(DONE, CANCELLED);
        assertThat(OrderStatus.parse("in_progress")).contains(IN_PROGRESS);
        assertThat(OrderStatus.parse("IN_PROGRESS")).isEmpty();
    }

    @Test
    void aCancelledOrderIsCancelledOnceAndADoneOneNever() {
        OrderRepository.Row row = new OrderRepository.Row(
                1,
                "PR-000001",
                42,
                "Плёнка",
                null,
                "м",
                java.math.BigDecimal.TEN,
                null,
                Priority.NORMAL,
                null,
                "",
                NEW,
                null,
                java.time.Instant.now(),
                java.time.Instant.now());
        ProductionOrder order = new ProductionOrder(row);
        assertThat(order.cancel("нет", 2L, java.time.Instant.now()))
                .hasValueSatisfying(e -> assertThat(e.toStatus()).isEqualTo("cancelled"));
        assertThat(order.cancel("снова", 2L, java.time.Instant.now())).isEmpty();
        ProductionOrder done = new ProductionOrder(new OrderRepository.Row(
                2,
                "PR-000002",
                42,
                "Плёнка",
                null,
                "м",
                java.math.BigDecimal.TEN,
                null,
                Priority.NORMAL,
                null,
                "",
                DONE,
                null,
                java.time.Instant.now(),
                java.time.Instant.now()));
        assertThatThrownBy(() -> done.cancel(null, 2L, java.time.Instant.now())).isInstanceOf(KassaException.class);
        assertThatThrownBy(done::edit).isInstanceOf(KassaException.class);
    }
}
