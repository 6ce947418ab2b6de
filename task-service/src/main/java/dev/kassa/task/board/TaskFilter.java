package dev.kassa.task.board;

import dev.kassa.platform.data.LikePatterns;

import java.util.Locale;

/** What a task list is filtered by, each filter off when null; {@code search} over the title and the description. */
public record TaskFilter(
        String status, String priority, Long assignedTo, Long createdBy, String category, String search) {

    /** The search as a pattern of lower-case text, or null. */
    String like() {
        return LikePatterns.contains(search == null ? null : search.toLowerCase(Locale.ROOT));
    }
}
