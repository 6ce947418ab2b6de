package dev.kassa.analytics.customer;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

/** The RFM rules of spec §8.2.3 with the REWRITE: every segment is reachable. */
class RfmTests {

    private static final RfmSettings DEFAULTS = RfmSettings.defaults();

    private static String segment(int recencyDays, int frequency, String monetary) {
        return Rfm.segment(Rfm.score(DEFAULTS, recencyDays, frequency, new BigDecimal(monetary)));
    }

    @Test
    void scoresFollowTheThresholds() {
        Rfm.Scores s = Rfm.score(DEFAULTS, 7, 20, new BigDecimal("5000000"));
        assertThat(s).isEqualTo(new Rfm.Scores(5, 5, 5));
        assertThat(Rfm.score(DEFAULTS, 8, 19, new BigDecimal("4999999.99"))).isEqualTo(new Rfm.Scores(4, 4, 4));
        assertThat(Rfm.score(DEFAULTS, 91, 1, new BigDecimal("1"))).isEqualTo(new Rfm.Scores(1, 1, 1));
        assertThat(Rfm.score(DEFAULTS, 45, 5, new BigDecimal("1000000")).score())
                .isEqualTo(3);
    }

    @Test
    void everySegmentIsReachable() {
        assertThat(segment(3, 25, "6000000")).isEqualTo("Champions");
        assertThat(segment(200, 25, "6000000"))
                .as("recency over the whole history: a big spender gone quiet")
                .isEqualTo("Can't Lose Them");
        assertThat(segment(75, 12, "2500000")).isEqualTo("At Risk");
        assertThat(segment(45, 12, "2500000")).isEqualTo("Loyal Customers");
        assertThat(segment(20, 6, "1200000")).isEqualTo("Potential Loyalists");
        assertThat(segment(2, 1, "100000")).isEqualTo("New Customers");
        assertThat(segment(50, 1, "3000000")).isEqualTo("Promising");
        assertThat(segment(50, 6, "100000")).isEqualTo("Need Attention");
        assertThat(segment(80, 3, "100000")).isEqualTo("Hibernating");
        assertThat(segment(300, 1, "100000")).isEqualTo("Lost");
    }

    @Test
    void aStoreSetsItsOwnThresholds() {
        RfmSettings smallShop =
                new RfmSettings(90, new int[] {7, 30, 60, 90}, new int[] {8, 4, 3, 2}, new BigDecimal[] {
                    new BigDecimal("500000"),
                    new BigDecimal("200000"),
                    new BigDecimal("100000"),
                    new BigDecimal("50000")
                });
        assertThat(Rfm.segment(Rfm.score(smallShop, 3, 9, new BigDecimal("600000"))))
                .isEqualTo("Champions");
        assertThat(segment(3, 9, "600000"))
                .as("the same customer by the original's thresholds")
                .isEqualTo("Need Attention");
    }
}
