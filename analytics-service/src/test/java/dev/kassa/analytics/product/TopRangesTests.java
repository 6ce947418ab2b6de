package dev.kassa.analytics.product;

import dev.kassa.analytics.product.TopRanges.Days;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TopRangesTests {

    static LocalDate d(String s) {
        return LocalDate.parse(s);
    }

    /** Every day of {@code [from, to]} is counted exactly once and no other day is, whatever ranges were chosen. */
    static void coversExactly(TopRanges r, LocalDate from, LocalDate to) {
        for (LocalDate day = from.minusDays(70); day.isBefore(to.plusDays(70)); day = day.plusDays(1)) {
            LocalDate x = day;
            int times = (!x.withDayOfMonth(1).isBefore(r.monthFrom())
                                    && x.withDayOfMonth(1).isBefore(r.monthTo())
                            ? 1
                            : 0)
                    + (int) r.added().stream()
                            .filter(a -> !x.isBefore(a.from()) && x.isBefore(a.until()))
                            .count()
                    - (int) r.subtracted().stream()
                            .filter(s -> !x.isBefore(s.from()) && x.isBefore(s.until()))
                            .count();
            assertThat(times).as("%s in %s … %s", x, from, to).isEqualTo(!x.isBefore(from) && !x.isAfter(to) ? 1 : 0);
        }
    }

    @Test
    void aYearEndingTodayReadsTheFirstMonthsDaysAndTheLastMonthWholeLessTheDaysStillToCome() {
        TopRanges r = TopRanges.of(d("2025-11-24"), d("2026-11-23"));
        assertThat(r.monthFrom()).isEqualTo(d("2025-12-01"));
        assertThat(r.monthTo()).isEqualTo(d("2026-12-01"));
        assertThat(r.added()).containsExactly(new Days(d("2025-11-24"), d("2025-12-01")), Days.NONE);
        assertThat(r.subtracted()).containsExactly(new Days(d("2026-11-24"), d("2026-12-01")), Days.NONE);
        coversExactly(r, d("2025-11-24"), d("2026-11-23"));
    }

    @Test
    void aPeriodStartingEarlyInAMonthSubtractsTheFewDaysBeforeIt() {
        TopRanges r = TopRanges.of(d("2026-03-03"), d("2026-05-10"));
        assertThat(r.monthFrom()).isEqualTo(d("2026-03-01"));
        assertThat(r.monthTo()).isEqualTo(d("2026-05-01"));
        assertThat(r.subtracted()).containsExactly(new Days(d("2026-03-01"), d("2026-03-03")), Days.NONE);
        assertThat(r.added()).containsExactly(new Days(d("2026-05-01"), d("2026-05-11")), Days.NONE);
        coversExactly(r, d("2026-03-03"), d("2026-05-10"));
    }

    @Test
    void wholeMonthsNeedNoDays() {
        TopRanges r = TopRanges.of(d("2026-01-01"), d("2026-02-28"));
        assertThat(r.monthFrom()).isEqualTo(d("2026-01-01"));
        assertThat(r.monthTo()).isEqualTo(d("2026-03-01"));
        assertThat(Stream.concat(r.added().stream(), r.subtracted().stream())).allMatch(Days.NONE::equals);
    }

    @Test
    void aPeriodWithinOneMonthIsReadDayByDay() {
        TopRanges r = TopRanges.of(d("2026-11-23"), d("2026-11-23"));
        assertThat(r.monthFrom()).isEqualTo(r.monthTo());
        assertThat(r.added()).containsExactly(new Days(d("2026-11-23"), d("2026-11-24")), Days.NONE);
        coversExactly(r, d("2026-11-23"), d("2026-11-23"));
    }

    @Test
    void everyPeriodOfTwoYearsOfStartsAndLengthsIsCoveredExactlyOnce() {
        for (LocalDate from = d("2024-01-01"); from.isBefore(d("2024-12-31")); from = from.plusDays(3)) {
            for (int length : new int[] {0, 1, 13, 27, 28, 29, 30, 31, 45, 59, 60, 61, 200, 364, 365, 366}) {
                coversExactly(TopRanges.of(from, from.plusDays(length)), from, from.plusDays(length));
            }
        }
    }

    @Test
    void aPeriodEndingBeforeItStartsIsRefused() {
        assertThatThrownBy(() -> TopRanges.of(d("2026-11-23"), d("2026-11-22")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
