package dev.kassa.catalog.inventory.count;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kassa.catalog.CatalogErrors;
import dev.kassa.platform.data.Coded;
import dev.kassa.platform.error.KassaException;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import static dev.kassa.catalog.inventory.count.CountStatus.APPLIED;
import static dev.kassa.catalog.inventory.count.CountStatus.CANCELLED;
import static dev.kassa.catalog.inventory.count.CountStatus.OPEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CountStatusTests {

    /** Every move a stock-take may make; every pair not listed is refused (applying or cancelling again is no move). */
    private static final Map<CountStatus, Set<CountStatus>> ALLOWED = Map.of(
            OPEN, EnumSet.of(APPLIED, CANCELLED),
            APPLIED, EnumSet.noneOf(CountStatus.class),
            CANCELLED, EnumSet.noneOf(CountStatus.class));

    @Test
    void onlyTheMovesOfACountsLifeAreAllowed() {
        for (CountStatus from : CountStatus.values()) {
            for (CountStatus to : CountStatus.values()) {
                assertThat(from.canBecome(to))
                        .as(from + " → " + to)
                        .isEqualTo(ALLOWED.get(from).contains(to));
            }
        }
    }

    @Test
    void aRefusedMoveRaisesTheGivenError() {
        assertThat(OPEN.moveTo(APPLIED, CatalogErrors.COUNT_CANCELLED)).isEqualTo(APPLIED);
        assertThat(OPEN.moveTo(CANCELLED, CatalogErrors.COUNT_APPLIED)).isEqualTo(CANCELLED);
        assertThatThrownBy(() -> CANCELLED.moveTo(APPLIED, CatalogErrors.COUNT_CANCELLED))
                .isInstanceOfSatisfying(
                        KassaException.class, e -> assertThat(e.code()).isEqualTo("count_cancelled"));
        assertThatThrownBy(() -> APPLIED.moveTo(CANCELLED, CatalogErrors.COUNT_APPLIED))
                .isInstanceOfSatisfying(
                        KassaException.class, e -> assertThat(e.code()).isEqualTo("count_applied"));
    }

    @Test
    void onlyAnOpenCountTakesLines() {
        assertThat(EnumSet.allOf(CountStatus.class).stream().filter(CountStatus::isOpen))
                .containsExactly(OPEN);
    }

    @Test
    void theWireNamesAreTheApisAndTheDatabases() {
        for (CountStatus s : CountStatus.values()) {
            assertThat(CountStatus.of(s.code())).isEqualTo(s);
            assertThat(CountStatus.parse(s.code())).contains(s);
        }
        assertThat(CANCELLED.code()).isEqualTo("cancelled");
        assertThat(CountStatus.parse("OPEN")).isEmpty();
        assertThat(CountStatus.parse("closed")).isEmpty();
        assertThat(CountStatus.parse("")).isEmpty();
        assertThatThrownBy(() -> CountStatus.of("closed")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aCountsAnswerWritesItsStatusByItsCode() throws Exception {
        assertThat(new ObjectMapper().writeValueAsString(APPLIED)).isEqualTo("\"applied\"");
        assertThat(Coded.of(CountStatus.class, "open")).contains(OPEN);
        assertThatThrownBy(() -> CountStatus.of("OPEN"))
                .as("codes are exact")
                .isInstanceOf(IllegalArgumentException.class);
    }
}
