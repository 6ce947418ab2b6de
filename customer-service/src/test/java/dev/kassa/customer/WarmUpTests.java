package dev.kassa.customer;

import dev.kassa.platform.tenancy.TenantKeys;
import dev.kassa.platform.test.KassaIntegrationTest;
import dev.kassa.platform.test.WarmUps;
import dev.kassa.platform.warmup.WarmUp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Warm before ready (issue 66, point 5): customer-service takes the till's buyer look-up (a new buyer by phone, then by
 * id) in the warm-up store before it is ready, and keeps nothing of it.
 */
@KassaIntegrationTest
class WarmUpTests {

    @Autowired
    WarmUp warmUp;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theTillsBuyerLookUpIsTakenWithoutFailingAndLeavesNoCustomer() {
        WarmUp.Outcome outcome = warmUp.warmUp();
        WarmUps.everyHotPathTaken(outcome.hotPaths(), outcome.taken(), outcome.failed());
        String schema = TenantKeys.schemaOf(TenantKeys.WARM_UP_KEY);
        assertThat(jdbc.queryForObject("select count(*) from \"" + schema + "\".customers", Integer.class))
                .isZero();
    }
}
