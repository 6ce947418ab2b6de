package dev.kassa.sales.order;

import dev.kassa.platform.error.KassaException;
import dev.kassa.platform.security.Caller;
import dev.kassa.platform.security.Role;
import dev.kassa.sales.SalesErrors;
import dev.kassa.sales.kitchen.KitchenService;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A café order's life as the aggregate leads it: no Spring, no database. */
class CafeOrderLifeTests {

    private static final long WAITER = 7;

    @Test
    void aWaiterActsOnTheirOwnOrderAndOnOneNoWaiterHasOthersOnAnyOrder() {
        Caller waiter = new Caller(WAITER, "w", "s", Role.WAITER);
        Caller colleague = new Caller(8, "c", "s", Role.WAITER);
        assertThat(order(OrderStatus.OPEN, WAITER).actedOnBy(waiter)).isNotNull();
        assertThatThrownBy(() -> order(OrderStatus.OPEN, WAITER).actedOnBy(colleague))
                .satisfies(refused(SalesErrors.NOT_YOUR_ORDER));
        assertThat(order(OrderStatus.OPEN, OrderRepository.NO_WAITER).actedOnBy(colleague))
                .isNotNull();
        assertThat(order(OrderStatus.OPEN, WAITER).actedOnBy(new Caller(9, "m", "s", Role.MANAGER)))
                .isNotNull();
    }

    @Test
    void aRoundSendsTheConfirmedLinesNotSentAndALineSentIsNotTakenOff() {
        CafeOrder order = order(
                OrderStatus.OPEN,
                WAITER,
                item(1, OrderItemStatus.PENDING, null),
                item(2, OrderItemStatus.AWAITING, null),
                item(3, OrderItemStatus.COOKING, 40L));
        assertThat(order.unsent()).extracting(OrderItemRepository.Item::id).containsExactly(1L);
        OrderSentToKitchen sent = order.sent(2, List.of(new KitchenService.Sent(41, "bar", List.of(1L))));
        assertThat(sent.round()).isEqualTo(2);
        assertThat(sent.table()).isEqualTo("T5");
        assertThat(sent.tickets()).singleElement().satisfies(t -> assertThat(t.items())
                .extracting(OrderSentToKitchen.Dish::itemId)
                .containsExactly(1L));
        assertThat(order.remove(1).id()).isEqualTo(1);
        assertThatThrownBy(() -> order.remove(3)).satisfies(refused(SalesErrors.ORDER_ITEM_SENT));
        assertThatThrownBy(() -> order.remove(99)).satisfies(refused(SalesErrors.ORDER_ITEM_NOT_FOUND));
        assertThatThrownBy(() -> order(OrderStatus.OPEN, WAITER, item(3, OrderItemStatus.READY, 40L))
                        .unsent())
                .satisfies(refused(SalesErrors.ORDER_NOTHING_TO_SEND));
    }

    @Test
    void anOrderTheKitchenWasSentIsCancelledOnlyByAManager() {
        assertThatThrownBy(() -> order(OrderStatus.OPEN, WAITER, item(3, OrderItemStatus.COOKING, 40L))
                        .cancel(false))
                .satisfies(refused(SalesErrors.ORDER_CANCEL_NEEDS_MANAGER));
        CafeOrder sent = order(OrderStatus.OPEN, WAITER, item(3, OrderItemStatus.COOKING, 40L));
        sent.cancel(true);
        assertThat(sent.status()).isEqualTo(OrderStatus.CANCELLED);
        CafeOrder unsent = order(OrderStatus.OPEN, WAITER, item(1, OrderItemStatus.PENDING, null));
        unsent.cancel(false);
        assertThat(unsent.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThatThrownBy(() -> unsent.cancel(true)).satisfies(refused(SalesErrors.ORDER_NOT_OPEN));
    }

    @Test
    void anOrderIsHeldOnceWhileItsPaymentIsTakenAndACancelledOneIsNotPaid() {
        CafeOrder order = order(OrderStatus.OPEN, WAITER, item(1, OrderItemStatus.READY, 40L));
        assertThat(order.bill()).isTrue();
        assertThat(order.status()).isEqualTo(OrderStatus.BILLING);
        assertThat(order(OrderStatus.BILLING, WAITER).bill()).isFalse();
        assertThatThrownBy(() -> order(OrderStatus.CANCELLED, WAITER).bill())
                .satisfies(refused(SalesErrors.ORDER_NOT_OPEN));
        assertThat(order(OrderStatus.PAID, WAITER).bill()).isFalse();
        assertThatThrownBy(() -> order(OrderStatus.OPEN, WAITER, item(2, OrderItemStatus.AWAITING, null))
                        .billed())
                .satisfies(refused(SalesErrors.ORDER_EMPTY));
        assertThatThrownBy(() -> order(OrderStatus.BILLING, WAITER).remove(1))
                .satisfies(refused(SalesErrors.ORDER_NOT_OPEN));
    }

    @Test
    void takingOverOnesOwnOrderChangesNothing() {
        assertThat(order(OrderStatus.OPEN, WAITER).takeOver(WAITER)).isFalse();
        assertThat(order(OrderStatus.OPEN, WAITER).takeOver(8)).isTrue();
        assertThatThrownBy(() -> order(OrderStatus.PAID, WAITER).takeOver(8))
                .satisfies(refused(SalesErrors.ORDER_NOT_OPEN));
    }

    private static CafeOrder order(OrderStatus status, long waiter, OrderItemRepository.Item... items) {
        return new CafeOrder(
                new OrderRepository.Order(
                        1,
                        5L,
                        "T5",
                        "dine_in",
                        status,
                        waiter,
                        "Waiter",
                        2,
                        "",
                        1,
                        UUID.randomUUID(),
                        null,
                        null,
                        Instant.now(),
                        null),
                List.of(items));
    }

    private static OrderItemRepository.Item item(long id, OrderItemStatus status, Long ticket) {
        return new OrderItemRepository.Item(
                id,
                1,
                new OrderItemRepository.Ordered(
                        100 + id, "Dish " + id, null, new BigDecimal("5.00"), BigDecimal.ONE, "", List.of()),
                ticket,
                ticket == null ? null : 1,
                ticket == null ? null : "bar",
                status,
                Instant.now());
    }

    private static Consumer<Throwable> refused(SalesErrors error) {
        return e -> assertThat(e).isInstanceOfSatisfying(KassaException.class, k -> assertThat(k.is(error))
                .as(k.code())
                .isTrue());
    }
}
