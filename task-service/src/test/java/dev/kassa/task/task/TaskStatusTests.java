package dev.kassa.task.task;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Every transition of the workflow, allowed and refused. */
class TaskStatusTests {

    @Test
    void theWorkflowMovesOnlyAlongItsArrows() {
        assertThat(TaskStatus.PENDING.after("start")).isEqualTo(TaskStatus.IN_PROGRESS);
        assertThat(TaskStatus.IN_PROGRESS.after("submit")).isEqualTo(TaskStatus.ON_REVIEW);
        assertThat(TaskStatus.ON_REVIEW.after("approve")).isEqualTo(TaskStatus.COMPLETED);
        assertThat(TaskStatus.ON_REVIEW.after("reject")).isEqualTo(TaskStatus.REJECTED);
        assertThat(TaskStatus.REJECTED.after("start")).as("rework").isEqualTo(TaskStatus.IN_PROGRESS);
        assertThat(TaskStatus.PENDING.after("submit")).isNull();
        assertThat(TaskStatus.IN_PROGRESS.after("approve")).isNull();
        assertThat(TaskStatus.COMPLETED.after("start")).isNull();
        for (TaskStatus s : TaskStatus.values()) {
            assertThat(s.after("cancel")).as(s.name()).isEqualTo(s.isFinal() ? null : TaskStatus.CANCELLED);
        }
    }
}
