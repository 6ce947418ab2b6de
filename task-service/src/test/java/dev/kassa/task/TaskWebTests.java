package dev.kassa.task;

import dev.kassa.platform.test.KassaWebSliceTests;

/** What task-service's web layer decides before any work: tokens and store keys for every store operation. */
class TaskWebTests extends KassaWebSliceTests {}
