package dev.kassa.auth;

import dev.kassa.platform.test.KassaWebSliceTests;

/** What auth-service's web layer decides before any work: tokens and store keys for every store operation. */
class AuthWebTests extends KassaWebSliceTests {}
