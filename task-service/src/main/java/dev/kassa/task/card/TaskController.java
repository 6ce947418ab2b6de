package dev.kassa.task.card;

import com.fasterxml.jackson.annotation.JsonAlias;
import dev.kassa.platform.security.Access;
import dev.kassa.platform.security.Caller;
import dev.kassa.platform.web.PageResponse;
import dev.kassa.platform.web.SqlOrdering;
import dev.kassa.task.board.TaskAction;
import dev.kassa.task.board.TaskFilter;
import dev.kassa.task.board.TaskPriority;
import dev.kassa.task.board.TaskRequest;
import dev.kassa.task.board.TaskStats;
import dev.kassa.task.comment.CommentService;
import dev.kassa.task.comment.CommentText;
import dev.kassa.task.comment.CommentView;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;

import static dev.kassa.platform.data.Values.blankToNull;

/** Tasks for the store's staff (spec §7.5 T1–T14). */
@RestController
@RequestMapping("/api/tasks/tasks")
class TaskController {

    /** {@code comment} is the seed document's name for the reason. */
    record RejectRequest(@Size(max = CommentService.MAX_LENGTH) @JsonAlias("comment") String reason) {}

    private static final SqlOrdering ORDERING = SqlOrdering.of(
            "-created_at",
            "t.id",
            Map.of(
                    "created_at",
                    "t.created_at",
                    "due_date",
                    "t.due_date",
                    "priority",
                    TaskPriority.SEVERITY,
                    "status",
                    "t.status"));

    private final TaskCardService cards;
    private final CommentService comments;

    TaskController(TaskCardService cards, CommentService comments) {
        this.cards = cards;
        this.comments = comments;
    }

    @Operation(
            summary =
                    "Tasks the caller may see (owners and managers: all; others: assigned to or created by them): filters status, "
                            + "priority, assigned_to, created_by (employee ids), category; search title and description; ordering created_at, due_date, "
                            + "priority (by severity), status")
    @GetMapping
    @PreAuthorize(Access.MEMBER)
    PageResponse<TaskViews.TaskList> list(
            Caller caller,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String priority,
            @RequestParam(name = "assigned_to", required = false) Long assignedTo,
            @RequestParam(name = "created_by", required = false) Long createdBy,
            @RequestParam(required = false) String category,
            @RequestParam(required = false) String search,
            @RequestParam(required = false) String ordering,
            PageRequest page) {
        String orderBy = ORDERING.orderBy(ordering);
        return PageResponse.of(
                cards.page(
                        caller,
                        new TaskFilter(
                                blankToNull(status),
                                blankToNull(priority),
                                assignedTo,
                                createdBy,
                                blankToNull(category),
                                search),
                        orderBy,
                        page),
                t -> t);
    }

    @Operation(
            summary =
                    "Create a task for an active employee of the store (assigned_to: an employee id); due_date with an offset, or "
                            + "without one in the store's time zone, or a bare date (the end of that day), never in the past; deadline (the original web "
                            + "client's name) when due_date is absent; a store field is not read (the store is the X-Tenant-Key's)")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(Access.MEMBER)
    TaskViews.TaskDetail create(@RequestBody TaskRequest request, Caller caller) {
        return cards.create(caller, request);
    }

    @Operation(summary = "A task with its comments")
    @GetMapping("/{id}")
    @PreAuthorize(Access.MEMBER)
    TaskViews.TaskDetail get(@PathVariable long id, Caller caller) {
        return cards.get(caller, id);
    }

    @Operation(summary = "Replace a task's fields (its creator, an owner or a manager)")
    @PutMapping("/{id}")
    @PreAuthorize(Access.MEMBER)
    TaskViews.TaskDetail replace(@PathVariable long id, @RequestBody TaskRequest request, Caller caller) {
        return cards.update(caller, id, request, false);
    }

    @Operation(summary = "Change the fields given (its creator, an owner or a manager)")
    @PatchMapping("/{id}")
    @PreAuthorize(Access.MEMBER)
    TaskViews.TaskDetail patch(@PathVariable long id, @RequestBody TaskRequest request, Caller caller) {
        return cards.update(caller, id, request, true);
    }

    @Operation(summary = "Delete a task (its creator, an owner or a manager)")
    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize(Access.MEMBER)
    void delete(@PathVariable long id, Caller caller) {
        cards.delete(caller, id);
    }

    @Operation(summary = "Tasks assigned to the caller")
    @GetMapping("/my_tasks")
    @PreAuthorize(Access.MEMBER)
    List<TaskViews.TaskDetail> mine(Caller caller) {
        return cards.list(caller, "mine");
    }

    @Operation(summary = "Tasks the caller created")
    @GetMapping("/created_by_me")
    @PreAuthorize(Access.MEMBER)
    List<TaskViews.TaskDetail> created(Caller caller) {
        return cards.list(caller, "created");
    }

    @Operation(summary = "Tasks past their deadline and not yet done (pending, in progress, on review)")
    @GetMapping("/overdue")
    @PreAuthorize(Access.MEMBER)
    List<TaskViews.TaskDetail> overdue(Caller caller) {
        return cards.list(caller, "overdue");
    }

    @Operation(summary = "Tasks due today (the store's local day)")
    @GetMapping("/today")
    @PreAuthorize(Access.MEMBER)
    List<TaskViews.TaskDetail> today(Caller caller) {
        return cards.list(caller, "today");
    }

    @Operation(summary = "Counts of the tasks the caller may see: total, by status, by priority, overdue")
    @GetMapping("/stats")
    @PreAuthorize(Access.MEMBER)
    TaskStats stats(Caller caller) {
        return cards.stats(caller);
    }

    @Operation(summary = "Start (the assignee): pending, or rejected for rework → in progress")
    @PostMapping("/{id}/start")
    @PreAuthorize(Access.MEMBER)
    TaskViews.TaskDetail start(@PathVariable long id, Caller caller) {
        return cards.act(caller, id, TaskAction.START, null);
    }

    @Operation(summary = "Submit for review (the assignee): in progress → on review")
    @PostMapping("/{id}/submit_for_review")
    @PreAuthorize(Access.MEMBER)
    TaskViews.TaskDetail submit(@PathVariable long id, Caller caller) {
        return cards.act(caller, id, TaskAction.SUBMIT, null);
    }

    @Operation(summary = "Approve (its creator unless a cashier, an owner or a manager): on review → completed")
    @PostMapping("/{id}/approve")
    @PreAuthorize(Access.MEMBER)
    TaskViews.TaskDetail approve(@PathVariable long id, Caller caller) {
        return cards.act(caller, id, TaskAction.APPROVE, null);
    }

    @Operation(
            summary =
                    "Reject with a reason (as approve): on review → rejected; the assignee reworks it by starting again")
    @PostMapping("/{id}/reject")
    @PreAuthorize(Access.MEMBER)
    TaskViews.TaskDetail reject(
            @PathVariable long id, @Valid @RequestBody(required = false) RejectRequest request, Caller caller) {
        return cards.act(caller, id, TaskAction.REJECT, request == null ? null : request.reason());
    }

    @Operation(
            summary =
                    "Complete (the seed document's step): approves a task on review (as approve); the assignee submits a task in "
                            + "progress for review, or completes it at once when they may approve it too (an owner, a manager, its creator unless a cashier); "
                            + "400 invalid_status with current_status from any other state")
    @PostMapping("/{id}/complete")
    @PreAuthorize(Access.MEMBER)
    TaskViews.TaskDetail complete(@PathVariable long id, Caller caller) {
        return cards.act(caller, id, TaskAction.COMPLETE, null);
    }

    /**
     * The original web client's status change: the status it wants, a reason for a rejection ({@code reason} or
     * {@code comment}), and its {@code completion_comment}, kept as a comment on the task.
     */
    record StatusRequest(
            String status,
            @Size(max = CommentService.MAX_LENGTH) @JsonAlias("comment") String reason,
            @Size(max = CommentService.MAX_LENGTH) String completionComment) {}

    @Operation(
            summary =
                    "Move a task to a status (the original web client): in_progress starts, on_review submits, completed completes "
                            + "(as complete/), rejected rejects (reason or comment), cancelled cancels, each with that step's roles; a completion_comment "
                            + "is kept as the caller's comment on the task; a move the workflow forbids answers 400 invalid_status with current_status")
    @PostMapping("/{id}/update_status")
    @PreAuthorize(Access.MEMBER)
    TaskViews.TaskDetail updateStatus(
            @PathVariable long id, @Valid @RequestBody(required = false) StatusRequest request, Caller caller) {
        StatusRequest r = request == null ? new StatusRequest(null, null, null) : request;
        return cards.moveTo(caller, id, r.status(), r.reason(), r.completionComment());
    }

    @Operation(summary = "Comment on the task (the original web client): {text} or {comment}")
    @PostMapping("/{id}/add_comment")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(Access.MEMBER)
    CommentView addComment(@PathVariable long id, @Valid @RequestBody CommentText body, Caller caller) {
        return comments.add(caller, id, body.text());
    }

    @Operation(summary = "The task's comments, oldest first (the original web client)")
    @GetMapping("/{id}/comments")
    @PreAuthorize(Access.MEMBER)
    List<CommentView> comments(@PathVariable long id, Caller caller) {
        return comments.of(caller, id);
    }

    @Operation(summary = "Cancel (its creator, an owner or a manager): any state but completed or cancelled")
    @PostMapping("/{id}/cancel")
    @PreAuthorize(Access.MEMBER)
    TaskViews.TaskDetail cancel(@PathVariable long id, Caller caller) {
        return cards.act(caller, id, TaskAction.CANCEL, null);
    }
}
