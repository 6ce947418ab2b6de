package dev.kassa.platform.data;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ValuesTests {

    @Test
    void anEmptyOptionalValueIsAbsentAndAnotherIsTrimmed() {
        assertThat(Values.blankToNull(null)).isNull();
        assertThat(Values.blankToNull(" \t")).isNull();
        assertThat(Values.blankToNull(" vip ")).isEqualTo("vip");
    }
}
