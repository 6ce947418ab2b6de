package dev.kassa.task.comment;

import com.fasterxml.jackson.annotation.JsonAlias;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A comment's text as the till and the web client send it: {@code text}, or {@code comment} (the API document's name). */
public record CommentText(@NotBlank @Size(max = CommentService.MAX_LENGTH) @JsonAlias("comment") String text) {}
