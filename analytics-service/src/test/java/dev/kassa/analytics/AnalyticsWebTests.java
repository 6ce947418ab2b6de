package dev.kassa.analytics;

import dev.kassa.platform.test.KassaWebSliceTests;

/** What analytics-service's web layer decides before any work: tokens and store keys for every store operation. */
class AnalyticsWebTests extends KassaWebSliceTests {}
