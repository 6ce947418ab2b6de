package dev.kassa.catalog.inventory.purchase;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kassa.catalog.CatalogErrors;
import dev.kassa.platform.data.Coded;
import dev.kassa.platform.error.KassaException;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static dev.kassa.catalog.inventory.purchase.PurchaseOrderStatus.CANCELLED;
import static dev.kassa.catalog.inventory.purchase.PurchaseOrderStatus.CLOSED;
import static dev.kassa.catalog.inventory.purchase.PurchaseOrderStatus.DRAFT;
import static dev.kassa.catalog.inventory.purchase.PurchaseOrderStatus.ORDERED;
import static dev.kassa.catalog.inventory.purchase.PurchaseOrderStatus.PARTIALLY_RECEIVED;
import static dev.kassa.catalog.inventory.purchase.PurchaseOrderStatus.RECEIVED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PurchaseOrderStatusTests {

    /** Every move a purchase order may make; every pair not listed is refused. */
    private static final Map<PurchaseOrderStatus, Set<PurchaseOrderStatus>> ALLOWED = Map.of(
            DRAFT, EnumSet.of(ORDERED, CANCELLED),
            ORDERED, EnumSet.of(PARTIALLY_RECEIVED, RECEIVED, CLOSED, CANCELLED),
            PARTIALLY_RECEIVED, EnumSet.of(PARTIALLY_RECEIVED, RECEIVED, CLOSED),
            RECEIVED, EnumSet.noneOf(PurchaseOrderStatus.class),
            CLOSED, EnumSet.noneOf(PurchaseOrderStatus.class),
            CANCELLED, EnumSet.noneOf(PurchaseOrderStatus.class));

    @Test
    void onlyTheMovesOfAnOrdersLifeAreAllowed() {
        for (PurchaseOrderStatus from : PurchaseOrderStatus.values()) {
            for (PurchaseOrderStatus to : PurchaseOrderStatus.values()) {
                assertThat(from.canBecome(to))
                        .as(from + " → " + to)
                        .isEqualTo(ALLOWED.get(from).contains(to));
            }
        }
    }

    @Test
    void anAllowedMoveAnswersTheNextStatusAndARefusedOneRaisesTheGivenErrorNamingTheStatus() {
        for (PurchaseOrderStatus from : PurchaseOrderStatus.values()) {
            for (PurchaseOrderStatus to : PurchaseOrderStatus.values()) {
                if (ALLOWED.get(from).contains(to)) {
                    assertThat(from.moveTo(to, CatalogErrors.PURCHASE_ORDER_STATUS))
                            .as(from + " → " + to)
                            .isEqualTo(to);
                } else {
                    assertThatThrownBy(() -> from.moveTo(to, CatalogErrors.PURCHASE_ORDER_STATUS))
                            .as(from + " → " + to)
                            .isInstanceOfSatisfying(KassaException.class, e -> {
                                assertThat(e.code()).isEqualTo("purchase_order_status");
                                assertThat(e.details()).isEqualTo(Map.of("order_status", from.code()));
                                assertThat(e.args()).containsExactly(from.code());
                            });
                }
            }
        }
        assertThatThrownBy(() -> RECEIVED.moveTo(CANCELLED, CatalogErrors.PURCHASE_ORDER_RECEIVED))
                .isInstanceOfSatisfying(KassaException.class, e -> {
                    assertThat(e.code()).isEqualTo("purchase_order_received");
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.details()).isEqualTo(Map.of("order_status", "received"));
                });
    }

    @Test
    void onlyADraftIsEditedGoodsComeOnlyForAnOrderSentAndNotFinishedAndAFinalStatusHasNoWayOut() {
        for (PurchaseOrderStatus s : PurchaseOrderStatus.values()) {
            assertThat(s.editable()).as(s.code()).isEqualTo(s == DRAFT);
            assertThat(s.receivable())
                    .as(s.code())
                    .isEqualTo(EnumSet.of(ORDERED, PARTIALLY_RECEIVED).contains(s));
            assertThat(s.receivable()).as(s.code()).isEqualTo(s.canBecome(RECEIVED));
            assertThat(s.isFinal())
                    .as(s.code())
                    .isEqualTo(EnumSet.of(RECEIVED, CLOSED, CANCELLED).contains(s));
            assertThat(s.isFinal()).as(s.code()).isEqualTo(ALLOWED.get(s).isEmpty());
        }
    }

    @Test
    void theWireNamesAreTheApisAndTheDatabases() {
        assertThat(Arrays.stream(PurchaseOrderStatus.values()).map(PurchaseOrderStatus::code))
                .containsExactly("draft", "ordered", "partially_received", "received", "closed", "cancelled");
        assertThat(PurchaseOrderStatus.names())
                .isEqualTo("draft, ordered, partially_received, received, closed, cancelled");
        for (PurchaseOrderStatus s : PurchaseOrderStatus.values()) {
            assertThat(PurchaseOrderStatus.of(s.code())).isEqualTo(s);
            assertThat(PurchaseOrderStatus.parse(s.code())).contains(s);
        }
    }

    @Test
    void anUnknownNameIsNoStatus() {
        assertThatThrownBy(() -> PurchaseOrderStatus.of("lost")).isInstanceOf(IllegalArgumentException.class);
        assertThat(PurchaseOrderStatus.parse("lost")).isEmpty();
        assertThat(PurchaseOrderStatus.parse("DRAFT")).as("names are exact").isEqualTo(Optional.empty());
        assertThat(PurchaseOrderStatus.parse("")).isEmpty();
        assertThat(PurchaseOrderStatus.parse(null)).isEmpty();
    }

    @Test
    void anOrdersAnswerWritesItsStatusByItsCode() throws Exception {
        assertThat(new ObjectMapper().writeValueAsString(PARTIALLY_RECEIVED)).isEqualTo("\"partially_received\"");
        assertThat(Coded.of(PurchaseOrderStatus.class, "closed")).contains(CLOSED);
        assertThatThrownBy(() -> PurchaseOrderStatus.of("CLOSED"))
                .as("codes are exact")
                .isInstanceOf(IllegalArgumentException.class);
    }
}
