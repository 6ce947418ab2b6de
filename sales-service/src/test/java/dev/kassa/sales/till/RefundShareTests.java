package dev.kassa.sales.till;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RefundShareTests {

    static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    static RefundShare.Line line(long id, String quantity, String refunded, String total) {
        return new RefundShare.Line(id, d(quantity), d(refunded), d(total));
    }

    static RefundShare cash(
            String subtotal,
            String total,
            List<RefundShare.Line> lines,
            Map<Long, BigDecimal> wanted,
            Map<Long, BigDecimal> refunded) {
        return RefundShare.of(
                d(subtotal),
                d(total),
                lines,
                wanted,
                id -> refunded.getOrDefault(id, BigDecimal.ZERO),
                BigDecimal.ZERO,
                BigDecimal.ZERO,
                "cash");
    }

    @Test
    void aSaleLevelDiscountIsSharedOutOverTheLinesInProportion() {
        // 100.00 of lines, 10 % off the sale: a third of the 60.00 line gives back a third of 54.00
        RefundShare share = cash(
                "100.00",
                "90.00",
                List.of(line(1, "3", "0", "60.00"), line(2, "1", "0", "40.00")),
                Map.of(1L, d("1")),
                Map.of());
        assertThat(share.amounts()).containsExactly(Map.entry(1L, d("18.00")));
        assertThat(share.total()).isEqualByComparingTo("18.00");
        assertThat(share.paidBack()).isEqualTo("cash");
        assertThat(share.credit()).isEqualByComparingTo("0").hasToString("0.00");
    }

    @Test
    void aLineGivenBackPieceByPieceReturnsExactlyWhatItCost() {
        List<BigDecimal> paid = new ArrayList<>();
        Map<Long, BigDecimal> refunded = new HashMap<>();
        BigDecimal refundedQuantity = BigDecimal.ZERO;
        for (int i = 0; i < 3; i++) {
            RefundShare share = cash(
                    "10.00",
                    "10.00",
                    List.of(line(7, "3", refundedQuantity.toPlainString(), "10.00")),
                    Map.of(7L, d("1")),
                    refunded);
            paid.add(share.total());
            refunded.merge(7L, share.total(), BigDecimal::add);
            refundedQuantity = refundedQuantity.add(BigDecimal.ONE);
        }
        assertThat(paid).containsExactly(d("3.33"), d("3.33"), d("3.34"));
        assertThat(paid.stream().reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo("10.00");
    }

    @Test
    void creditComesBackFirstThenPointsAndOnlyTheRestLeavesTheTill() {
        List<RefundShare.Line> lines = List.of(line(1, "1", "0", "30.00"), line(2, "2", "0", "20.00"));
        Map<Long, BigDecimal> all = new LinkedHashMap<>(Map.of(1L, d("1")));
        all.put(2L, d("2"));
        RefundShare mixed = RefundShare.of(
                d("50.00"), d("50.00"), lines, all, id -> BigDecimal.ZERO, d("20.00"), d("10.00"), "card");
        assertThat(mixed.total()).isEqualByComparingTo("50.00");
        assertThat(mixed.credit()).isEqualByComparingTo("20.00");
        assertThat(mixed.bonus()).isEqualByComparingTo("10.00");
        assertThat(mixed.paidBack()).as("30 of 50 go back as the card asked").isEqualTo("card");

        RefundShare onCredit = RefundShare.of(
                d("50.00"), d("50.00"), lines, Map.of(2L, d("1")), id -> BigDecimal.ZERO, d("50.00"), d("0"), "cash");
        assertThat(onCredit.credit()).isEqualByComparingTo("10.00");
        assertThat(onCredit.paidBack()).as("all of it reduces the debt").isEqualTo("credit");

        RefundShare onPoints = RefundShare.of(
                d("50.00"), d("50.00"), lines, Map.of(2L, d("1")), id -> BigDecimal.ZERO, d("0"), d("15.00"), "cash");
        assertThat(onPoints.bonus()).isEqualByComparingTo("10.00");
        assertThat(onPoints.paidBack()).isEqualTo("bonus");
    }

    @Test
    void moreThanIsLeftOfALineIsNeverGivenBack() {
        assertThatThrownBy(() ->
                        cash("10.00", "10.00", List.of(line(1, "2", "1.5", "10.00")), Map.of(1L, d("1")), Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(
                        () -> cash("10.00", "10.00", List.of(line(1, "2", "0", "10.00")), Map.of(9L, d("1")), Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
