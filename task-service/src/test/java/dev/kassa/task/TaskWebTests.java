package dev.kassa.task;

import dev.kassa.platform.test.KassaWebSliceTests;

/** What task-service's web layer decides before any work: tokens and store keys. */
class TaskWebTests extends KassaWebSliceTests {

    @Override
    protected String document() {
        return "task";
    }
}
