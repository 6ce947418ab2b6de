package dev.kassa.gateway;

import dev.kassa.platform.test.ArchitectureRules;
import org.junit.jupiter.api.Test;

/** The house style's rules that the build enforces in the gateway as in the services (see {@link ArchitectureRules}). */
class ArchitectureTests {

    @Test
    void theGatewayFollowsTheHouseStyle() {
        ArchitectureRules.check("dev.kassa.gateway");
    }
}
