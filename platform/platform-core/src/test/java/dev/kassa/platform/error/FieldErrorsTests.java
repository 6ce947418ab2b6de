package dev.kassa.platform.error;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;

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
        FieldErrors errors = new FieldErrors()
                .amount("price", null)
                .amount("cost", new BigDecimal("10.00"))
                .amount("float", new BigDecimal("-5"));
        assertThat(errors.asMap()).containsOnlyKeys("float");
        assertThat(errors.asMap().get("float")).hasSize(1);
    }

    @Test
    void twoRulesThatSayTheSameAboutAFieldAreSaidOnce() {
        FieldErrors errors = new FieldErrors()
                .add("name", "validation.required")
                .add("name", "validation.required")
                .add("name", "validation.max_length", 100);
        assertThat(errors.asMap().get("name"))
                .containsExactly(Messages.get("validation.required"), Messages.get("validation.max_length", 100));
    }

    @Test
    void aQuantityIsCountedToThousandthsAndFitsItsMaximum() {
        for (String ok : new String[] {"0", "1", "0.001", "2.500", "999999", "999999.000"}) {
            assertThat(FieldErrors.isQuantity(new BigDecimal(ok), FieldErrors.MAX_LINE_QUANTITY))
                    .as(ok)
                    .isTrue();
        }
        for (String bad : new String[] {"-0.001", "0.0001", "1000000"}) {
            assertThat(FieldErrors.isQuantity(new BigDecimal(bad), FieldErrors.MAX_LINE_QUANTITY))
                    .as(bad)
                    .isFalse();
        }
        assertThat(FieldErrors.isQuantity(new BigDecimal("1000000"), FieldErrors.MAX_QUANTITY))
                .isTrue();
        assertThat(FieldErrors.isQuantity(new BigDecimal("1000000000"), FieldErrors.MAX_QUANTITY))
                .isFalse();
        FieldErrors errors = new FieldErrors()
                .positiveQuantity("none", null, FieldErrors.MAX_QUANTITY)
                .positiveQuantity("zero", BigDecimal.ZERO, FieldErrors.MAX_QUANTITY)
                .positiveQuantity("fine", new BigDecimal("0.5"), FieldErrors.MAX_QUANTITY)
                .positiveQuantity("grains", new BigDecimal("0.0005"), FieldErrors.MAX_QUANTITY)
                .quantity("absent", null, FieldErrors.MAX_QUANTITY)
                .quantity("empty", BigDecimal.ZERO, FieldErrors.MAX_QUANTITY)
                .quantity("negative", new BigDecimal("-1"), FieldErrors.MAX_QUANTITY);
        assertThat(errors.asMap()).containsOnlyKeys("none", "zero", "grains", "negative");
        assertThat(errors.asMap().get("none")).containsExactly(Messages.get("validation.required"));
        assertThat(errors.asMap().get("zero")).containsExactly(Messages.get("validation.positive"));
        assertThat(errors.asMap().get("grains")).containsExactly(Messages.get("validation.invalid"));
        assertThat(errors.asMap().get("negative")).containsExactly(Messages.get("validation.not_negative"));
    }

    @Test
    void aDateTimeWithoutAnOffsetIsLocalTimeInTheStoresZone() {
        ZoneId tashkent = ZoneId.of("Asia/Tashkent");
        FieldErrors errors = new FieldErrors();
        assertThat(errors.dateTime("a", "2026-03-01T10:00:00+05:00", tashkent))
                .isEqualTo(Instant.parse("2026-03-01T05:00:00Z"));
        assertThat(errors.dateTime("b", " 2026-03-01T10:00 ", tashkent))
                .isEqualTo(Instant.parse("2026-03-01T05:00:00Z"));
        assertThat(errors.dateTime("c", "2026-03-01T10:00:00Z", tashkent))
                .isEqualTo(Instant.parse("2026-03-01T10:00:00Z"));
        assertThat(errors.dateTime("d", "  ", tashkent)).isNull();
        assertThat(errors.isEmpty()).isTrue();
        assertThat(errors.dateTime("e", "yesterday", tashkent)).isNull();
        assertThat(errors.date("f", "2026-02-30")).isNull();
        assertThat(errors.asMap()).containsOnlyKeys("e", "f");
    }
}
