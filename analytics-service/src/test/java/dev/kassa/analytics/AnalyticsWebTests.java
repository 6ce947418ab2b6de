package dev.kassa.analytics;

import dev.kassa.platform.test.KassaWebSliceTests;

/** What analytics-service's web layer decides before any work: tokens and store keys. */
class AnalyticsWebTests extends KassaWebSliceTests {

    @Override
    protected String document() {
        return "analytics";
    }
}
