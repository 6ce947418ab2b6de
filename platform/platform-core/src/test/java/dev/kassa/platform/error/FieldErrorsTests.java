package dev.kassa.platform.error;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

class FieldErrorsTests {

    @Test
    void anAmountIsNotNegativeHasAtMostTwoDecimalsAndFitsTheColumn() {
        for (String ok : new String[] {"0", "0.00", "1", "150000.5", "150000.50", "150000.500", "9999999999.99"}) {
            assertThat(FieldErrors.isAmount(new BigDecimal(ok))).as(ok).isTrue();
        }
        for (String bad : new String[] {"-0.01", "-1", "0.001", "10000000000", "9999999999.991"}) {
            assertThat(FieldErrors.isAmount(new BigDecimal(bad))).as(bad).isFalse();
        }
        assertThat(FieldErrors.isAmount(null)).isFalse();
        assertThat(FieldErrors.isPositiveAmount(BigDecimal.ZERO)).isFalse();
        assertThat(FieldErrors.isPositiveAmount(new BigDecimal("0.01"))).isTrue();
    }

    @Test
    void aGivenBadAmountIsRefusedByItsFieldAndNoneIsFine() {
        FieldErrors errors = new FieldErrors().amount("price", null).amount("cost", new BigDecimal("10.00")).amount("float", new BigDecimal("-5"));
        assertThat(errors.asMap()).containsOnlyKeys("float");
        assertThat(errors.asMap().get("float")).hasSize(1);
    }
}
