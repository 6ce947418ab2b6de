package dev.kassa.task.board;

import dev.kassa.platform.data.Coded;

import java.util.Optional;

/** How urgent a task is (spec §7.1), with the API's lower-case codes; lists order by it, not alphabetically. */
public enum TaskPriority implements Coded {
    LOW,
    MEDIUM,
    HIGH,
    URGENT;

    /** A new task's or template's priority when none is given. */
    public static final TaskPriority DEFAULT = MEDIUM;

    /** The order of the tasks {@code t} by {@code t.priority} in SQL: by severity, not alphabetically. */
    public static final String SEVERITY =
            "case t.priority when 'urgent' then 4 when 'high' then 3 when 'medium' then 2 else 1 end";

    public static Optional<TaskPriority> of(String code) {
        return Coded.of(TaskPriority.class, code);
    }
}
