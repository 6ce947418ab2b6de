package dev.kassa.sales.till;

import dev.kassa.platform.error.KassaException;
import dev.kassa.sales.SalesErrors;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import static dev.kassa.sales.till.SaleStatus.CANCELLED;
import static dev.kassa.sales.till.SaleStatus.COMPLETED;
import static dev.kassa.sales.till.SaleStatus.PARTIALLY_REFUNDED;
import static dev.kassa.sales.till.SaleStatus.PENDING;
import static dev.kassa.sales.till.SaleStatus.REFUNDED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SaleStatusTests {

    /** Every move a sale may make; every pair not listed is refused. */
    private static final Map<SaleStatus, Set<SaleStatus>> ALLOWED = Map.of(
            PENDING, EnumSet.of(COMPLETED, CANCELLED),
            COMPLETED, EnumSet.of(PARTIALLY_REFUNDED, REFUNDED),
            PARTIALLY_REFUNDED, EnumSet.of(PARTIALLY_REFUNDED, REFUNDED),
            CANCELLED, EnumSet.noneOf(SaleStatus.class),
            REFUNDED, EnumSet.noneOf(SaleStatus.class));

    @Test
    void onlyTheMovesOfASalesLifeAreAllowed() {
        for (SaleStatus from : SaleStatus.values()) {
            for (SaleStatus to : SaleStatus.values()) {
                assertThat(from.canBecome(to))
                        .as(from + " → " + to)
                        .isEqualTo(ALLOWED.get(from).contains(to));
            }
        }
    }

    @Test
    void aRefusedMoveRaisesTheGivenError() {
        assertThat(PENDING.moveTo(COMPLETED, SalesErrors.SALE_NOT_PENDING)).isEqualTo(COMPLETED);
        assertThatThrownBy(() -> COMPLETED.moveTo(COMPLETED, SalesErrors.SALE_NOT_PENDING))
                .isInstanceOfSatisfying(
                        KassaException.class, e -> assertThat(e.code()).isEqualTo("sale_not_pending"));
        assertThatThrownBy(() -> CANCELLED.moveTo(PARTIALLY_REFUNDED, SalesErrors.SALE_NOT_REFUNDABLE))
                .isInstanceOfSatisfying(
                        KassaException.class, e -> assertThat(e.code()).isEqualTo("sale_not_refundable"));
    }

    @Test
    void theWireNamesAreTheApisAndTheDatabases() {
        assertThat(PARTIALLY_REFUNDED.wire()).isEqualTo("partially_refunded");
        for (SaleStatus s : SaleStatus.values()) {
            assertThat(SaleStatus.of(s.wire())).isEqualTo(s);
        }
    }
}
