package dev.kassa.platform.data;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LikePatternsTests {

    @Test
    void aPrefixMatchesWhatItSaysLiterally() {
        assertThat(LikePatterns.startsWith("tenant_shop")).isEqualTo("tenant\\_shop%");
        assertThat(LikePatterns.startsWith("50%_off\\")).isEqualTo("50\\%\\_off\\\\%");
    }

    @Test
    void aSearchIsContainedLiterallyAndNoSearchIsNull() {
        assertThat(LikePatterns.contains(" 10%_ ")).isEqualTo("%10\\%\\_%");
        assertThat(LikePatterns.contains("  ")).isNull();
    }
}
