package dev.kassa.platform.data;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SqlArraysTests {

    @Test
    void numbersTravelInPlainNotationAndNullsStayNull() {
        assertThat(SqlArrays.texts(Arrays.asList(7L, null, new BigDecimal("1E+3"), new BigDecimal("0.500"))))
                .containsExactly("7", null, "1000", "0.500");
    }

    @Test
    void aColumnOfRows() {
        record Line(long product, BigDecimal quantity) {}
        assertThat(SqlArrays.texts(
                        List.of(new Line(3, new BigDecimal("2.000")), new Line(4, BigDecimal.ONE)), Line::quantity))
                .containsExactly("2.000", "1");
    }
}
