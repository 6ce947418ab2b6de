package dev.kassa.production;

import dev.kassa.platform.test.ErrorCodes;
import org.junit.jupiter.api.Test;

/** Every error of the service ({@link ProductionErrors} and the platform's) has a message in Russian and in English, and each code one status. */
class NamedErrorsTests {

    @Test
    void everyNamedErrorHasItsMessagesAndEachCodeOneStatus() {
        ErrorCodes.assertComplete("dev.kassa.production");
    }
}
