package dev.kassa.catalog.inventory.count;

import dev.kassa.catalog.CatalogErrors;
import dev.kassa.catalog.catalogue.StockLevel;
import dev.kassa.platform.error.KassaException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A stock-take's life as the aggregate leads it: no Spring, no database. */
class StockCountLifeTests {

    @Test
    void linesAddToTheRunningTotalOrSetItAndKeepWhatTheShelfShouldHaveHeld() {
        StockCount count = new StockCount(1, CountStatus.OPEN, false);
        Map<Long, BigDecimal> running = new HashMap<>();
        running.put(10L, null);
        running.put(11L, new BigDecimal("4.000"));
        StockCount.Counted counted = count.take(
                List.of(
                        new StockCount.Taken(10, new BigDecimal("2"), StockCount.Mode.ADD, "gun-1"),
                        new StockCount.Taken(10, new BigDecimal("3"), StockCount.Mode.of(" add "), "gun-2"),
                        new StockCount.Taken(11, new BigDecimal("1"), StockCount.Mode.ADD, ""),
                        new StockCount.Taken(11, new BigDecimal("7"), StockCount.Mode.of("SET"), "")),
                running,
                Map.of(10L, level("9", "2"), 11L, level("1", "3")));
        assertThat(counted.lines()).hasSize(4);
        assertThat(counted.lines().get(0).expected()).isEqualByComparingTo("7");
        assertThat(counted.lines().get(2).expected()).isEqualByComparingTo("0");
        assertThat(counted.totals().get(10L).quantity()).isEqualByComparingTo("5");
        assertThat(counted.totals().get(11L).quantity()).isEqualByComparingTo("7");
    }

    @Test
    void anOpenCountIsAppliedOnceOrCancelledOnceAndThenTakesNoLines() {
        StockCount applied = new StockCount(1, CountStatus.OPEN, true);
        assertThat(applied.hidesExpected()).isTrue();
        assertThat(applied.apply()).isTrue();
        assertThat(applied.apply()).isFalse();
        assertThat(applied.hidesExpected()).isFalse();
        assertThatThrownBy(applied::cancel).satisfies(refused(CatalogErrors.COUNT_APPLIED));
        assertThatThrownBy(() -> applied.take(List.of(), Map.of(), Map.of()))
                .satisfies(refused(CatalogErrors.COUNT_CLOSED));

        StockCount cancelled = new StockCount(2, CountStatus.OPEN, false);
        assertThat(cancelled.cancel()).isTrue();
        assertThat(cancelled.cancel()).isFalse();
        assertThatThrownBy(cancelled::apply).satisfies(refused(CatalogErrors.COUNT_CANCELLED));
        assertThatThrownBy(cancelled::requireOpen).satisfies(refused(CatalogErrors.COUNT_CLOSED));
    }

    @Test
    void theAppliedCountAnnouncesItsTotals() {
        StockCount count = new StockCount(3, CountStatus.OPEN, false);
        count.apply();
        StockCounted event = count.counted(
                new CountRepository.Row(
                        3,
                        "Shelf A",
                        CountStatus.APPLIED,
                        false,
                        null,
                        null,
                        List.of(),
                        null,
                        1L,
                        Instant.now(),
                        1L,
                        Instant.now(),
                        new CountRepository.Totals(4, 3, 2, new BigDecimal("1.005"), new BigDecimal("2"))),
                7);
        assertThat(event.reference()).isEqualTo("COUNT-3");
        assertThat(event.surplusValue()).isEqualByComparingTo("1.01");
        assertThat(event.shortageValue()).isEqualByComparingTo("2.00");
        assertThat(event.appliedBy()).isEqualTo(7);
    }

    private static StockLevel level(String onHand, String reserved) {
        return new StockLevel(new BigDecimal(onHand), new BigDecimal(reserved), BigDecimal.ZERO, BigDecimal.ZERO);
    }

    private static java.util.function.Consumer<Throwable> refused(CatalogErrors error) {
        return e -> assertThat(e).isInstanceOfSatisfying(KassaException.class, k -> assertThat(k.is(error))
                .as(k.code())
                .isTrue());
    }
}
