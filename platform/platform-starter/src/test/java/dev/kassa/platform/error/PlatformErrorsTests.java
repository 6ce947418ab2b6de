package dev.kassa.platform.error;

import dev.kassa.platform.test.ErrorCodes;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The platform's own errors have messages in both languages. */
class PlatformErrorsTests {

    @Test
    void everyPlatformErrorHasItsMessages() {
        ErrorCodes.assertComplete("dev.kassa.platform");
    }

    @Test
    void anErrorsDetailsNeverReplaceTheEnvelope() {
        for (String key : KassaException.ENVELOPE_KEYS) {
            assertThatThrownBy(() -> PlatformErrors.INVALID.exception(Map.of(key, "in_progress")))
                    .as(key)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(key);
        }
        assertThat(PlatformErrors.INVALID
                        .exception(Map.of("current_status", "in_progress"))
                        .details())
                .containsKey("current_status");
    }
}
