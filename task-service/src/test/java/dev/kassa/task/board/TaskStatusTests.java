package dev.kassa.task.board;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Every transition of the workflow, allowed and refused. */
class TaskStatusTests {

    @Test
    void theWorkflowMovesOnlyAlongItsArrows() {
        assertThat(TaskStatus.PENDING.after(TaskAction.START)).isEqualTo(TaskStatus.IN_PROGRESS);
        assertThat(TaskStatus.IN_PROGRESS.after(TaskAction.SUBMIT)).isEqualTo(TaskStatus.ON_REVIEW);
        assertThat(TaskStatus.ON_REVIEW.after(TaskAction.APPROVE)).isEqualTo(TaskStatus.COMPLETED);
        assertThat(TaskStatus.ON_REVIEW.after(TaskAction.REJECT)).isEqualTo(TaskStatus.REJECTED);
        assertThat(TaskStatus.REJECTED.after(TaskAction.START)).as("rework").isEqualTo(TaskStatus.IN_PROGRESS);
        assertThat(TaskStatus.PENDING.after(TaskAction.SUBMIT)).isNull();
        assertThat(TaskStatus.IN_PROGRESS.after(TaskAction.APPROVE)).isNull();
        assertThat(TaskStatus.COMPLETED.after(TaskAction.START)).isNull();
        for (TaskStatus s : TaskStatus.values()) {
            assertThat(s.after(TaskAction.CANCEL)).as(s.name()).isEqualTo(s.isFinal() ? null : TaskStatus.CANCELLED);
        }
        assertThat(TaskStatus.ON_REVIEW.after(TaskAction.COMPLETE))
                .as("complete approves on review")
                .isEqualTo(TaskStatus.COMPLETED);
        assertThat(TaskStatus.IN_PROGRESS.after(TaskAction.COMPLETE))
                .as("complete submits in progress")
                .isEqualTo(TaskStatus.ON_REVIEW);
        assertThat(TaskAction.leadingTo("completed")).contains(TaskAction.COMPLETE);
        assertThat(TaskAction.leadingTo("pending"))
                .as("no step leads back to pending")
                .isEmpty();
    }
}
