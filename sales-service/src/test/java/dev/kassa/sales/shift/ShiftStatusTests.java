package dev.kassa.sales.shift;

import dev.kassa.platform.error.KassaException;
import dev.kassa.sales.SalesErrors;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import static dev.kassa.sales.shift.ShiftStatus.CLOSED;
import static dev.kassa.sales.shift.ShiftStatus.OPEN;
import static dev.kassa.sales.shift.ShiftStatus.SUSPENDED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ShiftStatusTests {

    /** Every move a shift may make; every pair not listed is refused (a suspended shift is resumed before it is closed). */
    private static final Map<ShiftStatus, Set<ShiftStatus>> ALLOWED = Map.of(
            OPEN, EnumSet.of(SUSPENDED, CLOSED),
            SUSPENDED, EnumSet.of(OPEN),
            CLOSED, EnumSet.noneOf(ShiftStatus.class));

    @Test
    void onlyTheMovesOfAShiftsLifeAreAllowed() {
        for (ShiftStatus from : ShiftStatus.values()) {
            for (ShiftStatus to : ShiftStatus.values()) {
                assertThat(from.canBecome(to))
                        .as(from + " → " + to)
                        .isEqualTo(ALLOWED.get(from).contains(to));
            }
        }
    }

    @Test
    void aRefusedMoveRaisesTheErrorNamedForWhereTheShiftIs() {
        assertThat(OPEN.moveTo(SUSPENDED, from -> SalesErrors.SUSPEND_CLOSED)).isEqualTo(SUSPENDED);
        assertThatThrownBy(() ->
                        CLOSED.moveTo(OPEN, from -> from == OPEN ? SalesErrors.RESUME_OPEN : SalesErrors.RESUME_CLOSED))
                .isInstanceOfSatisfying(
                        KassaException.class, e -> assertThat(e.code()).isEqualTo(SalesErrors.RESUME_CLOSED.code()));
        assertThatThrownBy(() -> SUSPENDED.moveTo(CLOSED, from -> SalesErrors.SESSION_NOT_OPEN))
                .isInstanceOfSatisfying(
                        KassaException.class, e -> assertThat(e.code()).isEqualTo(SalesErrors.SESSION_NOT_OPEN.code()));
    }

    @Test
    void theWireNamesAreTheApisAndTheDatabases() {
        for (ShiftStatus s : ShiftStatus.values()) {
            assertThat(ShiftStatus.of(s.wire())).isEqualTo(s);
            assertThat(ShiftStatus.parse(s.wire())).contains(s);
        }
        assertThat(ShiftStatus.parse("OPEN")).isEmpty();
        assertThat(ShiftStatus.parse("paused")).isEmpty();
    }
}
