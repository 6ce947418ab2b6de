package dev.kassa.production;

import dev.kassa.platform.test.ArchitectureRules;
import org.junit.jupiter.api.Test;

/** The house style's rules that the build enforces (see {@link ArchitectureRules}). */
class ArchitectureTests {

    @Test
    void theServiceFollowsTheHouseStyle() {
        ArchitectureRules.check("dev.kassa.production");
    }
}
