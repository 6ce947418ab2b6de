package dev.kassa.task.task;

import dev.kassa.platform.data.Coded;

import java.util.Optional;

/** How urgent a task is (spec §7.1), with the API's lower-case codes; lists order by it, not alphabetically. */
enum TaskPriority implements Coded {
    LOW,
    MEDIUM,
    HIGH,
    URGENT;

    /** A new task's or template's priority when none is given. */
    static final TaskPriority DEFAULT = MEDIUM;

    static Optional<TaskPriority> of(String code) {
        return Coded.of(TaskPriority.class, code);
    }
}
