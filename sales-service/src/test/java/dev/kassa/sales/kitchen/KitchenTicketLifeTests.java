package dev.kassa.sales.kitchen;

import dev.kassa.platform.error.KassaException;
import dev.kassa.platform.security.Caller;
import dev.kassa.platform.security.Role;
import dev.kassa.sales.SalesErrors;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import static dev.kassa.sales.kitchen.TicketStatus.ACCEPTED;
import static dev.kassa.sales.kitchen.TicketStatus.CANCELLED;
import static dev.kassa.sales.kitchen.TicketStatus.COOKING;
import static dev.kassa.sales.kitchen.TicketStatus.NEW;
import static dev.kassa.sales.kitchen.TicketStatus.READY;
import static dev.kassa.sales.kitchen.TicketStatus.SERVED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A kitchen ticket's moves as the aggregate leads them: no Spring, no database. */
class KitchenTicketLifeTests {

    private static final Caller COOK = new Caller(1, "cook", "s", Role.KITCHEN);
    private static final Caller WAITER = new Caller(2, "waiter", "s", Role.WAITER);

    /** Every move a ticket may make (forward, a step may be skipped; cancelled before ready); the rest are refused. */
    private static final Map<TicketStatus, Set<TicketStatus>> ALLOWED = Map.of(
            NEW, EnumSet.of(ACCEPTED, COOKING, READY, SERVED, CANCELLED),
            ACCEPTED, EnumSet.of(COOKING, READY, SERVED, CANCELLED),
            COOKING, EnumSet.of(READY, SERVED, CANCELLED),
            READY, EnumSet.of(SERVED),
            SERVED, EnumSet.noneOf(TicketStatus.class),
            CANCELLED, EnumSet.noneOf(TicketStatus.class));

    @Test
    void aTicketMovesOnlyForwardAndIsCancelledOnlyBeforeItIsReady() {
        for (TicketStatus from : TicketStatus.values()) {
            for (TicketStatus to : TicketStatus.values()) {
                KitchenTicket ticket = new KitchenTicket(1, from);
                if (from == to) {
                    assertThat(ticket.move(to, COOK, () -> false))
                            .as(from + " again")
                            .isFalse();
                } else if (ALLOWED.get(from).contains(to)) {
                    assertThat(ticket.move(to, COOK, () -> false))
                            .as(from + " → " + to)
                            .isTrue();
                    assertThat(ticket.status()).isEqualTo(to);
                } else {
                    assertThatThrownBy(() -> ticket.move(to, COOK, () -> false))
                            .as(from + " → " + to)
                            .satisfies(refused(SalesErrors.TICKET_STATUS_INVALID));
                    assertThat(ticket.status()).isEqualTo(from);
                }
            }
        }
    }

    @Test
    void onlyTheKitchenAndManagersCancelAndNeverWhatWasBilled() {
        assertThatThrownBy(() -> new KitchenTicket(1, COOKING).move(CANCELLED, WAITER, () -> false))
                .satisfies(refused(SalesErrors.TICKET_CANCEL_NOT_ALLOWED));
        assertThatThrownBy(() -> new KitchenTicket(1, COOKING).move(CANCELLED, COOK, () -> true))
                .satisfies(refused(SalesErrors.TICKET_ORDER_CLOSED));
        assertThat(new KitchenTicket(1, COOKING).move(CANCELLED, new Caller(3, "m", "s", Role.MANAGER), () -> false))
                .isTrue();
        assertThat(new KitchenTicket(1, COOKING).move(READY, WAITER, () -> {
                    throw new AssertionError("asked only when cancelling");
                }))
                .isTrue();
    }

    private static Consumer<Throwable> refused(SalesErrors error) {
        return e -> assertThat(e).isInstanceOfSatisfying(KassaException.class, k -> assertThat(k.is(error))
                .as(k.code())
                .isTrue());
    }
}
