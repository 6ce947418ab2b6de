package dev.kassa.task.task;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How urgent a task is (spec §7.1), with the API's lower-case codes; lists order by it, not alphabetically. */
enum TaskPriority {
    LOW,
    MEDIUM,
    HIGH,
    URGENT;

    /** A new task's or template's priority when none is given. */
    static final TaskPriority DEFAULT = MEDIUM;

    String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<TaskPriority> of(String code) {
        return Arrays.stream(values()).filter(p -> p.code().equals(code)).findFirst();
    }
}
