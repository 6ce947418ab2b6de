package dev.kassa.task.comment;

import com.fasterxml.jackson.annotation.JsonAlias;
import dev.kassa.platform.security.Access;
import dev.kassa.platform.security.Caller;
import dev.kassa.platform.validation.Required;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Comments on tasks (spec §7.5 T15), visible with their task; authors (and owners, managers) edit and delete them. */
@RestController
@RequestMapping("/api/tasks/comments")
class CommentController {

    /** A comment on a task; {@code comment} (the API document's field) is taken for {@code text}. */
    record CommentRequest(
            @NotNull Long task, @NotBlank @Size(max = CommentService.MAX_LENGTH) @JsonAlias("comment") String text) {}

    private final CommentService comments;

    CommentController(CommentService comments) {
        this.comments = comments;
    }

    @Operation(summary = "A task's comments, oldest first (task required)")
    @GetMapping
    @PreAuthorize(Access.MEMBER)
    List<CommentView> list(@RequestParam(required = false) @Required Long task, Caller caller) {
        return comments.of(caller, task);
    }

    @Operation(summary = "Comment on a task the caller may see")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(Access.MEMBER)
    CommentView create(@Valid @RequestBody CommentRequest request, Caller caller) {
        return comments.add(caller, request.task(), request.text());
    }

    @Operation(summary = "One comment of a task the caller may see")
    @GetMapping("/{id}")
    @PreAuthorize(Access.MEMBER)
    CommentView get(@PathVariable long id, Caller caller) {
        return comments.get(caller, id);
    }

    @Operation(
            summary =
                    "Edit a comment: its author within 15 minutes of writing it, an owner or a manager at any time (PUT or PATCH)")
    @RequestMapping(
            value = "/{id}",
            method = {RequestMethod.PUT, RequestMethod.PATCH})
    @PreAuthorize(Access.MEMBER)
    CommentView edit(@PathVariable long id, @Valid @RequestBody CommentText request, Caller caller) {
        return comments.edit(caller, id, request.text());
    }

    @Operation(summary = "Delete one's own comment")
    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize(Access.MEMBER)
    void delete(@PathVariable long id, Caller caller) {
        comments.delete(caller, id);
    }
}
