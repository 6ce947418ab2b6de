package dev.kassa.customer;

import dev.kassa.platform.test.KassaWebSliceTests;

/** What customer-service's web layer decides before any work: tokens and store keys for every store operation. */
class CustomerWebTests extends KassaWebSliceTests {}
