package dev.kassa.catalog;

import dev.kassa.platform.tenancy.TenantKeys;
import dev.kassa.platform.test.KassaIntegrationTest;
import dev.kassa.platform.test.WarmUps;
import dev.kassa.platform.warmup.WarmUp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Warm before ready (issue 66, point 5): catalog takes a till's scan (a product found by its barcode, a unit held and
 * released, its page and the list) in the warm-up store before it is ready, and keeps nothing of it.
 */
@KassaIntegrationTest
class WarmUpTests {

    @Autowired
    WarmUp warmUp;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aScanIsTakenWithoutFailingAndLeavesNoProductNorHold() {
        WarmUp.Outcome outcome = warmUp.warmUp();
        WarmUps.everyHotPathTaken(outcome.hotPaths(), outcome.taken(), outcome.failed());
        String schema = TenantKeys.schemaOf(TenantKeys.WARM_UP_KEY);
        assertThat(jdbc.queryForObject("select count(*) from \"" + schema + "\".products", Integer.class))
                .isZero();
        assertThat(jdbc.queryForObject("select count(*) from \"" + schema + "\".reservations", Integer.class))
                .isZero();
    }
}
