package dev.kassa.task.board;

import java.util.Optional;

/**
 * The steps of the task workflow (spec §7.2) and who may take them: the assignee starts and submits, a reviewer approves
 * and rejects, a manager or the task's creator cancels; {@link #COMPLETE} is the seed document's step that finishes the
 * caller's part (approve on review, else submit).
 */
public enum TaskAction {
    START,
    SUBMIT,
    APPROVE,
    REJECT,
    CANCEL,
    COMPLETE;

    /** The action the original web client's {@code update_status} means by a target status, if it names one. */
    public static Optional<TaskAction> leadingTo(String status) {
        return Optional.ofNullable(
                switch (status) {
                    case "in_progress" -> START;
                    case "on_review" -> SUBMIT;
                    case "completed" -> COMPLETE;
                    case "rejected" -> REJECT;
                    case "cancelled" -> CANCEL;
                    default -> null;
                });
    }

    /** What {@link #COMPLETE} is in {@code status}: approve on review, else submit; any other action is itself. */
    public TaskAction in(TaskStatus status) {
        return this != COMPLETE ? this : status == TaskStatus.ON_REVIEW ? APPROVE : SUBMIT;
    }
}
