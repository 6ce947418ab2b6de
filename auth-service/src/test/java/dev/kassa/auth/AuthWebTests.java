package dev.kassa.auth;

import dev.kassa.platform.test.KassaWebSliceTests;

/** What auth-service's web layer decides before any work: tokens and store keys. */
class AuthWebTests extends KassaWebSliceTests {

    @Override
    protected String document() {
        return "auth";
    }
}
