package dev.kassa.task.board;

import java.util.Locale;

/**
 * The task workflow (spec §7.2 with its REWRITE): pending → in progress → on review → completed, or rejected (and reworked
 * from there by starting again), or cancelled from any state that is not final.
 */
public enum TaskStatus {
    PENDING,
    IN_PROGRESS,
    ON_REVIEW,
    COMPLETED,
    REJECTED,
    CANCELLED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static TaskStatus of(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }

    public boolean isFinal() {
        return this == COMPLETED || this == CANCELLED;
    }

    /** Where {@code action} leads from here, or null when it is not allowed. */
    public TaskStatus after(TaskAction action) {
        return switch (action.in(this)) {
            case START -> this == PENDING || this == REJECTED ? IN_PROGRESS : null;
            case SUBMIT -> this == IN_PROGRESS ? ON_REVIEW : null;
            case APPROVE -> this == ON_REVIEW ? COMPLETED : null;
            case REJECT -> this == ON_REVIEW ? REJECTED : null;
            case CANCEL -> isFinal() ? null : CANCELLED;
            case COMPLETE -> throw new IllegalStateException("complete is approve or submit");
        };
    }
}
