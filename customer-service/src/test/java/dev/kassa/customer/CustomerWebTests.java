package dev.kassa.customer;

import dev.kassa.platform.tenancy.TenancyProperties;
import dev.kassa.platform.test.Api;
import dev.kassa.platform.test.Boundaries;
import dev.kassa.platform.test.KassaWebTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** What customer-service's web layer decides before any work: tokens, store keys, roles, request shapes. */
@KassaWebTest
class CustomerWebTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TenancyProperties tenancy;

    @Test
    void everyStoreOperationRefusesAMissingTokenAndAnotherStoresKey() {
        Boundaries.assertEveryStoreOperationGuarded(Api.through(mvc), "customer", tenancy.tenantlessPaths());
    }
}
