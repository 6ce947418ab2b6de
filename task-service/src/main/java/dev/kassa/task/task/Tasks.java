package dev.kassa.task.task;

import dev.kassa.platform.data.LikePatterns;
import dev.kassa.platform.error.FieldErrors;
import dev.kassa.platform.error.Messages;
import dev.kassa.platform.events.OutboxPublisher;
import dev.kassa.platform.files.FileStore;
import dev.kassa.platform.security.Caller;
import dev.kassa.platform.security.Role;
import dev.kassa.platform.tenancy.EmployeeDirectory;
import dev.kassa.platform.tenancy.TenantContext;
import dev.kassa.platform.tenancy.TenantRegistry;
import dev.kassa.platform.validation.DomainValidated;
import dev.kassa.platform.validation.OneOf;
import dev.kassa.platform.validation.RequestRules;
import dev.kassa.task.TaskErrors;
import jakarta.validation.constraints.Size;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The task workflow (spec §7 with its REWRITE). Owners and managers see every task; others what is assigned to them or
 * created by them, and comments follow the task. The assignee starts and submits; the creator (unless a cashier) or an
 * owner or manager approves, rejects with a reason or cancels; a rejected task is reworked by starting it again.
 */
@Service
class Tasks {

    /** The longest comment taken, on {@code comments/} and the task's {@code add_comment/} and {@code update_status/}. */
    static final int COMMENT_MAX_LENGTH = 5000;

    /** How long the author may still edit a comment; owners and managers may at any time. */
    static final Duration COMMENT_EDIT_WINDOW = Duration.ofMinutes(15);

    /**
     * A task's fields as sent; {@code deadline} is the original web client's name for {@code due_date} (taken when
     * {@code due_date} is absent), and its {@code store} is not read: the store is the {@code X-Tenant-Key}'s.
     */
    @DomainValidated
    record TaskRequest(
            @Size(max = 200) String title,
            @Size(max = 10_000) String description,
            @OneOf(of = TaskPriority.class, message = "task.priority_invalid") String priority,
            @Size(max = 100) String category,
            Long assignedTo,
            String dueDate,
            @WorkHours BigDecimal estimatedHours,
            String deadline) {
        /** The deadline sent, under either name. */
        String due() {
            return dueDate != null ? dueDate : deadline;
        }

        /** The name the deadline was sent under, for its errors. */
        String dueField() {
            return dueDate == null && deadline != null ? "deadline" : "due_date";
        }
    }

    private final TaskRepository tasks;
    private final CommentRepository comments;
    private final ReportRepository reports;
    private final FileStore files;
    private final EmployeeDirectory staff;
    private final OutboxPublisher outbox;
    private final OverdueTasks overdue;
    private final TenantRegistry stores;
    private final RequestRules rules;

    Tasks(
            TaskRepository tasks,
            CommentRepository comments,
            ReportRepository reports,
            FileStore files,
            EmployeeDirectory staff,
            OutboxPublisher outbox,
            OverdueTasks overdue,
            TenantRegistry stores,
            RequestRules rules) {
        this.stores = stores;
        this.outbox = outbox;
        this.overdue = overdue;
        this.reports = reports;
        this.files = files;
        this.tasks = tasks;
        this.comments = comments;
        this.staff = staff;
        this.rules = rules;
    }

    @Transactional
    TaskViews.TaskDetail create(Caller caller, TaskRequest r) {
        TaskRepository.Fields f = fields(r, null);
        Long creator = employeeOf(caller);
        long id = tasks.insert(f, creator, caller.userId());
        overdue.mayFallDue(f.dueDate());
        outbox.publish(
                TenantContext.require().key(),
                new TaskAssigned(id, f.title(), f.assignedTo(), creator, f.priority(), f.dueDate()));
        return detail(tasks.find(id, null).orElseThrow());
    }

    @Transactional
    TaskViews.TaskDetail update(Caller caller, long id, TaskRequest r, boolean partial) {
        TaskRepository.Task task = visible(caller, id);
        mayManage(caller, task);
        TaskRepository.Fields f = fields(r, partial ? task : null);
        tasks.update(id, f);
        overdue.mayFallDue(f.dueDate());
        if (f.assignedTo() != task.assignedTo()) {
            outbox.publish(
                    TenantContext.require().key(),
                    new TaskAssigned(id, f.title(), f.assignedTo(), task.createdBy(), f.priority(), f.dueDate()));
        }
        return detail(tasks.find(id, null).orElseThrow());
    }

    @Transactional
    void delete(Caller caller, long id) {
        mayManage(caller, visible(caller, id));
        List<UUID> photos = reports.filesOfTask(id);
        tasks.delete(id);
        files.delete(photos);
    }

    @Transactional(readOnly = true)
    TaskViews.TaskDetail get(Caller caller, long id) {
        return detail(visible(caller, id));
    }

    @Transactional(readOnly = true)
    Page<TaskViews.TaskList> page(
            Caller caller,
            String status,
            String priority,
            Long assignedTo,
            Long createdBy,
            String category,
            String search,
            String orderBy,
            Pageable page) {
        TaskViews.Names names = names();
        TenantRegistry.Identity store = store();
        Page<TaskRepository.Task> found = tasks.page(
                visibleTo(caller),
                status,
                priority,
                assignedTo,
                createdBy,
                category,
                LikePatterns.contains(search == null ? null : search.toLowerCase(Locale.ROOT)),
                orderBy,
                page);
        Map<Long, Integer> commentCounts =
                comments.counts(found.map(TaskRepository.Task::id).getContent());
        return found.map(t -> TaskViews.list(t, commentCounts.getOrDefault(t.id(), 0), store, names));
    }

    /** A list action of spec §7.5: mine, created by me, overdue, today (the store's local day). */
    @Transactional(readOnly = true)
    List<TaskViews.TaskDetail> list(Caller caller, String which) {
        Long visible = visibleTo(caller);
        List<TaskRepository.Task> found =
                switch (which) {
                    case "mine" -> tasks.assignedTo(visible, caller.userId());
                    case "created" -> tasks.createdBy(visible, caller.userId());
                    case "overdue" -> tasks.overdue(visible);
                    case "today" -> {
                        LocalDate today = TenantContext.require().today();
                        var zone = TenantContext.require().zone();
                        yield tasks.due(
                                visible,
                                today.atStartOfDay(zone).toInstant(),
                                today.plusDays(1).atStartOfDay(zone).toInstant());
                    }
                    default -> throw new IllegalArgumentException(which);
                };
        TenantRegistry.Identity store = store();
        return found.stream().map(t -> detail(t, store)).toList();
    }

    @Transactional(readOnly = true)
    TaskRepository.Stats stats(Caller caller) {
        return tasks.stats(visibleTo(caller));
    }

    /**
     * A workflow action (start, submit, approve, reject, cancel) by {@code caller}; or {@code complete}, the seed
     * document's step that finishes the caller's part: on review it approves; in progress the assignee submits it, and
     * when the assignee may approve it too (an owner, a manager, or its creator who is not a cashier) nobody else has to
     * review it, so it is submitted and approved at once.
     */
    @Transactional
    TaskViews.TaskDetail act(Caller caller, long id, TaskAction requested, String reason) {
        visible(caller, id);
        TaskRepository.Task task = tasks.lock(id).orElseThrow(() -> TaskErrors.TASK_NOT_FOUND.exception());
        TaskStatus from = TaskStatus.of(task.status());
        boolean complete = requested == TaskAction.COMPLETE;
        TaskAction action = requested.in(from);
        boolean assignee = task.assignedUser() == caller.userId();
        boolean manager = caller.managesStore();
        boolean creator = task.createdByUser() == caller.userId();
        boolean mayReview = manager || (creator && caller.role() != Role.CASHIER);
        switch (action) {
            case START, SUBMIT -> {
                if (!assignee) {
                    throw TaskErrors.ONLY_ASSIGNEE.exception();
                }
            }
            case APPROVE, REJECT -> {
                if (!mayReview) {
                    throw TaskErrors.CANNOT_REVIEW.exception();
                }
            }
            case CANCEL -> {
                if (!manager && !creator) {
                    throw TaskErrors.CANNOT_CANCEL.exception();
                }
            }
            case COMPLETE -> throw new IllegalStateException("complete is approve or submit");
        }
        TaskStatus to = from.after(action);
        if (to == null) {
            throw TaskErrors.WRONG_STATUS.exception(
                    Map.of("current_status", from.code()), Messages.get("task.status." + from.code()));
        }
        if (action == TaskAction.REJECT && (reason == null || reason.isBlank())) {
            throw FieldErrors.single("reason", "task.reason_required");
        }
        if (complete && to == TaskStatus.ON_REVIEW && mayReview) {
            // the assignee may approve their own work: on review and approved in one go (two TaskStatusChanged)
            move(caller, task, TaskStatus.ON_REVIEW, null);
            task = tasks.find(id, null).orElseThrow();
            to = TaskStatus.COMPLETED;
        }
        move(caller, task, to, action == TaskAction.REJECT ? reason.trim() : null);
        return detail(tasks.find(id, null).orElseThrow());
    }

    /**
     * The original web client's status change ({@code update_status/}): the workflow's step that leads to {@code status}
     * (in_progress starts, on_review submits, completed as {@link #act complete}, rejected rejects, cancelled cancels),
     * refused as that step would be. A {@code note} (its {@code completion_comment}) is kept as the caller's comment on
     * the task, in the same transaction; a rejection without a reason takes it as its reason instead.
     */
    @Transactional
    TaskViews.TaskDetail moveTo(Caller caller, long id, String status, String reason, String note) {
        TaskAction action = FieldErrors.blank(status)
                ? null
                : TaskAction.leadingTo(status.trim()).orElse(null);
        FieldErrors errors = new FieldErrors();
        if (action == null) {
            errors.add("status", FieldErrors.blank(status) ? "validation.required" : "task.status_unreachable");
        }
        errors.maxLength("completion_comment", note, COMMENT_MAX_LENGTH);
        errors.throwIfAny();
        boolean noteIsReason = action == TaskAction.REJECT && FieldErrors.blank(reason);
        TaskViews.TaskDetail moved = act(caller, id, action, noteIsReason ? note : reason);
        if (FieldErrors.blank(note) || noteIsReason) {
            return moved;
        }
        comment(caller, id, note);
        return detail(tasks.find(id, null).orElseThrow());
    }

    /** Moves {@code task} on and announces it ({@code TaskStatusChanged}); a rejection carries its reason. */
    void move(Caller caller, TaskRepository.Task task, TaskStatus to, String reason) {
        tasks.move(task.id(), to, reason);
        overdue.mayFallDue(task.dueDate());
        outbox.publish(
                TenantContext.require().key(),
                new TaskStatusChanged(
                        task.id(),
                        task.status(),
                        to.code(),
                        task.assignedTo(),
                        employeeOf(caller),
                        reason == null ? "" : reason));
    }

    /** The caller's employee id in the current store, if the directory knows it. */
    Long employeeOf(Caller caller) {
        return staff.currentOfUser(caller.tenantKey(), caller.userId())
                .map(EmployeeDirectory.Employee::employeeId)
                .orElse(null);
    }

    @Transactional
    TaskViews.CommentView comment(Caller caller, Long taskId, String text) {
        TaskRepository.Task task = visible(caller, taskId);
        Long author = employeeOf(caller);
        long id = comments.add(taskId, author, caller.userId(), text.trim());
        outbox.publish(
                TenantContext.require().key(),
                new TaskCommented(taskId, id, author, task.assignedTo(), task.createdBy()));
        return TaskViews.comment(comments.find(id).orElseThrow(), names());
    }

    @Transactional(readOnly = true)
    List<TaskViews.CommentView> comments(Caller caller, Long taskId) {
        if (taskId == null) {
            throw FieldErrors.single("task", "validation.required");
        }
        visible(caller, taskId);
        TaskViews.Names names = names();
        return comments.of(taskId).stream()
                .map(c -> TaskViews.comment(c, names))
                .toList();
    }

    /** One comment, if the caller may see its task (else 404). */
    @Transactional(readOnly = true)
    TaskViews.CommentView comment(Caller caller, long id) {
        CommentRepository.Comment c = comments.find(id).orElseThrow(() -> TaskErrors.COMMENT_NOT_FOUND.exception());
        visible(caller, c.task());
        return TaskViews.comment(c, names());
    }

    /**
     * A comment's new text: by its author within {@link #COMMENT_EDIT_WINDOW} of writing it, by an owner or a manager at
     * any time; comments follow their task's visibility (404), others are refused (403 permission_denied).
     */
    @Transactional
    TaskViews.CommentView editComment(Caller caller, long id, String text) {
        CommentRepository.Comment c = ownComment(caller, id);
        if (!caller.managesStore() && c.createdAt().plus(COMMENT_EDIT_WINDOW).isBefore(Instant.now())) {
            throw TaskErrors.COMMENT_EDIT_CLOSED.exception(COMMENT_EDIT_WINDOW.toMinutes());
        }
        comments.edit(c.id(), text.trim());
        return TaskViews.comment(comments.find(id).orElseThrow(), names());
    }

    @Transactional
    void deleteComment(Caller caller, long id) {
        comments.delete(ownComment(caller, id).id());
    }

    private CommentRepository.Comment ownComment(Caller caller, long id) {
        CommentRepository.Comment c = comments.find(id).orElseThrow(() -> TaskErrors.COMMENT_NOT_FOUND.exception());
        visible(caller, c.task());
        if (c.authorUser() != caller.userId() && !caller.managesStore()) {
            throw TaskErrors.NOT_YOUR_COMMENT.exception();
        }
        return c;
    }

    /** The task if the caller may see it (owners and managers every task, others theirs), else 404. */
    TaskRepository.Task visible(Caller caller, long id) {
        return tasks.find(id, visibleTo(caller)).orElseThrow(() -> TaskErrors.TASK_NOT_FOUND.exception());
    }

    /** Whose tasks the caller sees: null for all (owners and managers), else their own user id. */
    Long viewerOf(Caller caller) {
        return visibleTo(caller);
    }

    private static Long visibleTo(Caller caller) {
        return caller.managesStore() ? null : caller.userId();
    }

    private static void mayManage(Caller caller, TaskRepository.Task task) {
        if (!caller.managesStore() && task.createdByUser() != caller.userId()) {
            throw TaskErrors.CANNOT_EDIT.exception();
        }
    }

    /** The fields of a create, PUT ({@code current} null) or PATCH: assigned_to an active employee, a deadline not in the past. */
    private TaskRepository.Fields fields(TaskRequest r, TaskRepository.Task current) {
        FieldErrors errors = rules.check(r);
        String title = r.title() != null ? r.title().trim() : current == null ? null : current.title();
        if (title == null || title.isBlank()) {
            errors.add("title", "validation.required");
        }
        String description = r.description() != null ? r.description() : current == null ? "" : current.description();
        String priority = r.priority() != null
                ? r.priority()
                : current == null ? TaskPriority.DEFAULT.code() : current.priority();
        String category = r.category() != null ? r.category().trim() : current == null ? "" : current.category();
        Long assignedTo = r.assignedTo() != null ? r.assignedTo() : current == null ? null : current.assignedTo();
        EmployeeDirectory.Employee assignee = null;
        if (assignedTo == null) {
            errors.add("assigned_to", "validation.required");
        } else {
            assignee = staff.current(TenantContext.require().key(), assignedTo)
                    .filter(EmployeeDirectory.Employee::isActive)
                    .orElse(null);
            if (assignee == null) {
                errors.add("assigned_to", "task.assignee_unknown");
            }
        }
        Instant due = current == null ? null : current.dueDate();
        String dueValue = r.due();
        if (dueValue != null || current == null) {
            due = null;
            if (FieldErrors.blank(dueValue)) {
                errors.add(r.dueField(), "validation.required");
            } else {
                due = dueDate(r.dueField(), dueValue.trim(), errors);
            }
        }
        BigDecimal hours =
                r.estimatedHours() != null ? r.estimatedHours() : current == null ? null : current.estimatedHours();
        errors.throwIfAny();
        return new TaskRepository.Fields(
                title.trim(), description, assignedTo, assignee.userId(), priority, category, due, hours);
    }

    /**
     * With an offset, or without one meaning the store's local time (the web client sends those), or a bare date (the
     * original web client's date picker: {@code 2026-12-20}) meaning the end of that day in the store's time zone; never
     * in the past.
     */
    private static Instant dueDate(String field, String value, FieldErrors errors) {
        ZoneId zone = TenantContext.require().zone();
        LocalDate day = bareDate(value);
        Instant due = day != null
                ? day.plusDays(1).atStartOfDay(zone).toInstant().minusSeconds(1)
                : errors.dateTime(field, value, zone);
        if (due != null && due.isBefore(Instant.now())) {
            errors.add(field, "task.due_in_past");
        }
        return due;
    }

    /** {@code value} as a date without a time ({@code YYYY-MM-DD}), or null. */
    private static LocalDate bareDate(String value) {
        if (value.length() != 10) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException notADate) {
            return null;
        }
    }

    private TaskViews.TaskDetail detail(TaskRepository.Task t) {
        return detail(t, store());
    }

    private TaskViews.TaskDetail detail(TaskRepository.Task t, TenantRegistry.Identity store) {
        TaskViews.Names names = names();
        List<ReportRepository.Report> of = reports.of(t.id());
        return TaskViews.detail(
                t,
                comments.of(t.id()),
                TaskViews.reports(
                        of,
                        reports.photos(
                                of.stream().map(ReportRepository.Report::id).toList()),
                        files,
                        names),
                store,
                names);
    }

    TaskViews.Names names() {
        return new TaskViews.Names(staff, TenantContext.require().key());
    }

    /** The store a task card shows (one read per answer, however many tasks it lists). */
    private TenantRegistry.Identity store() {
        return stores.identity(TenantContext.require().key()).orElse(new TenantRegistry.Identity(null, null));
    }
}
