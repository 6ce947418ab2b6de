package dev.kassa.platform.error;

import dev.kassa.platform.test.ErrorCodes;
import org.junit.jupiter.api.Test;

/** The platform's own errors have messages in both languages. */
class PlatformErrorsTests {

    @Test
    void everyPlatformErrorHasItsMessages() {
        ErrorCodes.assertComplete("dev.kassa.platform");
    }
}
