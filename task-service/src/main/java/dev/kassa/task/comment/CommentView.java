package dev.kassa.task.comment;

import dev.kassa.task.board.Names;

import java.time.Instant;

/** A comment as answered, with its author's name; a task's card lists its task's. */
public record CommentView(
        long id, long task, Long author, String authorName, String text, Instant createdAt, Instant updatedAt) {

    static CommentView of(CommentRepository.Comment c, Names names) {
        return new CommentView(
                c.id(), c.task(), c.author(), names.of(c.author()), c.text(), c.createdAt(), c.updatedAt());
    }
}
