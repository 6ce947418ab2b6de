package dev.kassa.sales.order;

import dev.kassa.platform.data.Coded;
import dev.kassa.platform.error.KassaException;
import dev.kassa.sales.SalesErrors;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import static dev.kassa.sales.order.OrderStatus.BILLING;
import static dev.kassa.sales.order.OrderStatus.CANCELLED;
import static dev.kassa.sales.order.OrderStatus.OPEN;
import static dev.kassa.sales.order.OrderStatus.PAID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OrderStatusTests {

    /**
     * Every move an order may make; every pair not listed is refused. A refused payment opens a held order again; an
     * order is paid from being held (or open: a payment finishing after another till's refused one reopened it).
     */
    private static final Map<OrderStatus, Set<OrderStatus>> ALLOWED = Map.of(
            OPEN, EnumSet.of(BILLING, PAID, CANCELLED),
            BILLING, EnumSet.of(OPEN, PAID),
            PAID, EnumSet.noneOf(OrderStatus.class),
            CANCELLED, EnumSet.noneOf(OrderStatus.class));

    @Test
    void onlyTheMovesOfAnOrdersLifeAreAllowed() {
        for (OrderStatus from : OrderStatus.values()) {
            for (OrderStatus to : OrderStatus.values()) {
                assertThat(from.canBecome(to))
                        .as(from + " → " + to)
                        .isEqualTo(ALLOWED.get(from).contains(to));
            }
        }
    }

    @Test
    void eachMoveRequiresTheStatusesThatMayMakeIt() {
        assertThat(OrderStatus.mayBecome(BILLING)).containsExactly(OPEN);
        assertThat(OrderStatus.mayBecome(OPEN)).containsExactly(BILLING);
        assertThat(OrderStatus.mayBecome(PAID)).containsExactly(OPEN, BILLING);
        assertThat(OrderStatus.mayBecome(CANCELLED)).containsExactly(OPEN);
    }

    @Test
    void aRefusedMoveRaisesTheGivenError() {
        assertThat(OPEN.moveTo(CANCELLED, SalesErrors.ORDER_NOT_OPEN)).isEqualTo(CANCELLED);
        assertThat(BILLING.moveTo(OPEN, SalesErrors.ORDER_NOT_OPEN)).isEqualTo(OPEN);
        assertThatThrownBy(() -> BILLING.moveTo(CANCELLED, SalesErrors.ORDER_NOT_OPEN))
                .isInstanceOfSatisfying(
                        KassaException.class, e -> assertThat(e.code()).isEqualTo("order_not_open"));
        assertThatThrownBy(() -> PAID.moveTo(OPEN, SalesErrors.ORDER_NOT_OPEN))
                .isInstanceOfSatisfying(
                        KassaException.class, e -> assertThat(e.code()).isEqualTo("order_not_open"));
    }

    @Test
    void theGuardsSayWhatEachStatusAllows() {
        assertThat(EnumSet.allOf(OrderStatus.class).stream().filter(OrderStatus::isOpen))
                .containsExactly(OPEN);
        assertThat(EnumSet.allOf(OrderStatus.class).stream().filter(OrderStatus::holdsTable))
                .containsExactly(OPEN, BILLING);
        assertThat(OPEN.listed()).containsExactly(OPEN, BILLING);
        assertThat(BILLING.listed()).containsExactly(BILLING);
        assertThat(PAID.listed()).containsExactly(PAID);
        assertThat(CANCELLED.listed()).containsExactly(CANCELLED);
    }

    @Test
    void theWireNamesAreTheApisAndTheDatabases() {
        for (OrderStatus s : OrderStatus.values()) {
            assertThat(OrderStatus.of(s.code())).isEqualTo(s);
            assertThat(OrderStatus.parse(s.code())).contains(s);
        }
        assertThat(BILLING.code()).isEqualTo("billing");
        assertThat(OrderStatus.parse("OPEN")).isEmpty();
        assertThat(OrderStatus.parse("closed")).isEmpty();
        assertThatThrownBy(() -> OrderStatus.of("closed")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theStatusesAreACodedSetWithExactCodes() {
        assertThat(Coded.of(OrderStatus.class, "billing")).contains(BILLING);
        assertThat(OPEN.code()).isEqualTo("open");
        assertThatThrownBy(() -> OrderStatus.of("OPEN"))
                .as("codes are exact")
                .isInstanceOf(IllegalArgumentException.class);
    }
}
