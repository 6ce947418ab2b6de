package dev.kassa.task.task;

import dev.kassa.platform.error.FieldErrors;
import dev.kassa.platform.error.Messages;
import dev.kassa.platform.security.Access;
import dev.kassa.platform.security.Caller;
import dev.kassa.platform.security.Role;
import dev.kassa.platform.web.PageRequests;
import dev.kassa.platform.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Set;

@RestController
@RequestMapping("/api/tasks/tasks")
class TaskController {

    static final Set<String> PRIORITIES = Set.of("low", "medium", "high", "urgent");

    record CreateTaskRequest(String title, String description, String priority, String category, Long assignedTo, String dueDate) { }

    record TaskResponse(Long id, String title, String description, Long assignedTo, Long createdBy, String priority, String status,
                        String statusDisplay, String category, Instant dueDate, boolean isOverdue, Instant createdAt, Instant updatedAt) {
        static TaskResponse from(Task t) {
            return new TaskResponse(t.id, t.title, t.description, t.assignedTo, t.createdBy, t.priority, t.status,
                    Messages.get("task.status." + t.status), t.category, t.dueDate, Instant.now().isAfter(t.dueDate), t.createdAt, t.updatedAt);
        }
    }

    private final TaskRepository tasks;

    TaskController(TaskRepository tasks) {
        this.tasks = tasks;
    }

    @Operation(summary = "Tasks visible to the caller (owner/manager: all), filters status and priority, paginated")
    @GetMapping
    @PreAuthorize(Access.MEMBER)
    PageResponse<TaskResponse> list(Caller caller, @RequestParam(required = false) String status, @RequestParam(required = false) String priority,
                                    @RequestParam(required = false) String page, @RequestParam(name = "page_size", required = false) String pageSize) {
        Long visibleTo = caller.role() == Role.OWNER || caller.role() == Role.MANAGER ? null : caller.userId();
        return PageResponse.of(tasks.visible(visibleTo, status, priority, PageRequests.of(page, pageSize,
                Sort.by(Sort.Direction.DESC, "createdAt", "id"))), TaskResponse::from);
    }

    @Operation(summary = "Create a task: {title, description, priority, category, assigned_to, due_date}")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(Access.MEMBER)
    TaskResponse create(@RequestBody CreateTaskRequest r, Caller caller) {
        FieldErrors errors = new FieldErrors();
        if (r.title() == null || r.title().isBlank()) {
            errors.add("title", "validation.required");
        } else if (r.title().length() > 200) {
            errors.add("title", "validation.max_length", 200);
        }
        String priority = r.priority() == null || r.priority().isBlank() ? "medium" : r.priority().trim();
        if (!PRIORITIES.contains(priority)) {
            errors.add("priority", "task.priority_invalid");
        }
        if (r.assignedTo() == null || r.assignedTo() <= 0) {
            errors.add("assigned_to", "validation.required");
        }
        if (r.category() != null && r.category().length() > 100) {
            errors.add("category", "validation.max_length", 100);
        }
        Instant due = null;
        if (r.dueDate() == null || r.dueDate().isBlank()) {
            errors.add("due_date", "validation.required");
        } else {
            try {
                due = OffsetDateTime.parse(r.dueDate().trim()).toInstant();
                if (due.isBefore(Instant.now())) {
                    errors.add("due_date", "task.due_in_past");
                }
            } catch (DateTimeParseException e) {
                errors.add("due_date", "validation.datetime");
            }
        }
        errors.throwIfAny();
        return TaskResponse.from(tasks.save(new Task(r.title().trim(), r.description() == null ? "" : r.description(), r.assignedTo(),
                caller.userId(), priority, r.category() == null ? "" : r.category().trim(), due)));
    }
}
