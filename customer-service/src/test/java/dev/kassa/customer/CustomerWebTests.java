package dev.kassa.customer;

import dev.kassa.platform.test.KassaWebSliceTests;

/** What customer-service's web layer decides before any work: tokens and store keys. */
class CustomerWebTests extends KassaWebSliceTests {

    @Override
    protected String document() {
        return "customer";
    }
}
