package dev.kassa.sales.till;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SaleTotalsTests {

    static SaleTotals.Line line(String total, String rate) {
        return new SaleTotals.Line(new BigDecimal(total), new BigDecimal(rate));
    }

    static BigDecimal money(String value) {
        return new BigDecimal(value);
    }

    @Test
    void anEmptyDraftIsZeroEverywhereInCents() {
        SaleTotals t = SaleTotals.of(List.of(), BigDecimal.ZERO, money("0.00"));
        assertThat(List.of(t.subtotal(), t.discount(), t.tax(), t.total()))
                .allSatisfy(v -> assertThat(v).isEqualTo(money("0.00")));
    }

    @Test
    void aLineIsQuantityTimesPriceRoundedHalfUpLessItsDiscount() {
        assertThat(SaleTotals.lineTotal(new BigDecimal("0.335"), money("10.00"), money("0.00")))
                .isEqualTo(money("3.35"));
        assertThat(SaleTotals.lineTotal(new BigDecimal("1.005"), money("1.00"), money("0.00")))
                .isEqualTo(money("1.01"));
        assertThat(SaleTotals.lineTotal(new BigDecimal("3.000"), money("15000.00"), money("5000.00")))
                .isEqualTo(money("40000.00"));
    }

    @Test
    void vatIsTheIncludedShareOfEachLineAndDoesNotChangeTheTotal() {
        // 12 % VAT included in 112.00 is 12.00; a line without VAT adds none
        SaleTotals t = SaleTotals.of(List.of(line("112.00", "12"), line("50.00", "0")), BigDecimal.ZERO, money("0.00"));
        assertThat(t.subtotal()).isEqualTo(money("162.00"));
        assertThat(t.tax()).isEqualTo(money("12.00"));
        assertThat(t.total()).isEqualTo(money("162.00"));
        assertThat(t.discount()).isEqualTo(money("0.00"));
    }

    @Test
    void mixedRatesAreSummedBeforeRoundingOnce() {
        // 10.00 at 12 % → 1.0714…, 10.00 at 15 % → 1.3043…: 2.3757… rounds to 2.38 (rounding each line would give 2.37)
        SaleTotals t = SaleTotals.of(List.of(line("10.00", "12"), line("10.00", "15")), BigDecimal.ZERO, money("0.00"));
        assertThat(t.tax()).isEqualTo(money("2.38"));
    }

    @Test
    void aSalePercentIsReappliedToTheSubtotalHalfUp() {
        SaleTotals t = SaleTotals.of(List.of(line("33.35", "0")), money("10"), money("99.00"));
        assertThat(t.discount()).isEqualTo(money("3.34"));
        assertThat(t.total()).isEqualTo(money("30.01"));
    }

    @Test
    void aSaleAmountNeverExceedsTheSubtotal() {
        SaleTotals t = SaleTotals.of(List.of(line("40.00", "12")), BigDecimal.ZERO, money("50.00"));
        assertThat(t.discount()).isEqualTo(money("40.00"));
        assertThat(t.total()).isEqualTo(money("0.00"));
        assertThat(t.tax()).isEqualTo(money("0.00"));
        SaleTotals smaller = SaleTotals.of(List.of(line("40.00", "12")), BigDecimal.ZERO, money("5.00"));
        assertThat(smaller.total()).isEqualTo(money("35.00"));
    }

    @Test
    void theTaxIsScaledByTheSaleDiscount() {
        // 112.00 with 12 % included has 12.00 VAT; a quarter off leaves 84.00 paid, whose VAT is 9.00
        SaleTotals t = SaleTotals.of(List.of(line("112.00", "12")), money("25"), money("0.00"));
        assertThat(t.discount()).isEqualTo(money("28.00"));
        assertThat(t.total()).isEqualTo(money("84.00"));
        assertThat(t.tax()).isEqualTo(money("9.00"));
    }
}
