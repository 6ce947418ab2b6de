package dev.kassa.task.board;

import dev.kassa.platform.error.FieldErrors;
import dev.kassa.platform.error.Messages;
import dev.kassa.platform.events.OutboxPublisher;
import dev.kassa.platform.security.Caller;
import dev.kassa.platform.security.Role;
import dev.kassa.platform.tenancy.EmployeeDirectory;
import dev.kassa.platform.tenancy.TenantContext;
import dev.kassa.platform.validation.RequestRules;
import dev.kassa.task.TaskErrors;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/**
 * The task workflow (spec §7 with its REWRITE). Owners and managers see every task; others what is assigned to them or
 * created by them, and comments and reports follow the task ({@link #visible}). The assignee starts and submits; the
 * creator (unless a cashier) or an owner or manager approves, rejects with a reason or cancels; a rejected task is
 * reworked by starting it again. Answers tasks as stored: the task card with its comments and reports is assembled above
 * (package {@code card}), so that comments and reports depend on tasks and not the other way round.
 */
@Service
public class TaskService {

    /** The category of stock-take tasks, the only ones that name a count ({@code stock_count}). */
    static final String INVENTORY = "inventory";

    private final TaskRepository tasks;
    private final EmployeeDirectory staff;
    private final OutboxPublisher outbox;
    private final OverdueTasks overdue;
    private final RequestRules rules;

    TaskService(
            TaskRepository tasks,
            EmployeeDirectory staff,
            OutboxPublisher outbox,
            OverdueTasks overdue,
            RequestRules rules) {
        this.outbox = outbox;
        this.overdue = overdue;
        this.tasks = tasks;
        this.staff = staff;
        this.rules = rules;
    }

    /** A new task (announced: {@code TaskAssigned}), as stored. */
    @Transactional
    public Task create(Caller caller, TaskRequest r) {
        TaskRepository.Fields f = fields(r, null);
        Long creator = employeeOf(caller);
        long id = tasks.insert(f, creator, caller.userId());
        overdue.mayFallDue(f.dueDate());
        outbox.publish(
                TenantContext.require().key(),
                new TaskAssigned(id, f.title(), f.assignedTo(), creator, f.priority(), f.dueDate()));
        return tasks.find(id, null).orElseThrow();
    }

    /** A task's fields replaced (PUT) or changed (PATCH, {@code partial}) by its creator, an owner or a manager; as stored after. */
    @Transactional
    public Task update(Caller caller, long id, TaskRequest r, boolean partial) {
        Task task = visible(caller, id);
        mayManage(caller, task);
        TaskRepository.Fields f = fields(r, partial ? task : null);
        tasks.update(id, f);
        overdue.mayFallDue(f.dueDate());
        if (f.assignedTo() != task.assignedTo()) {
            outbox.publish(
                    TenantContext.require().key(),
                    new TaskAssigned(id, f.title(), f.assignedTo(), task.createdBy(), f.priority(), f.dueDate()));
        }
        return tasks.find(id, null).orElseThrow();
    }

    /**
     * Deletes a task (its creator, an owner or a manager); its comments and reports go with it, so what must outlive them
     * (their photos' files, to delete after) is read before.
     */
    @Transactional
    public void delete(Caller caller, long id) {
        mayManage(caller, visible(caller, id));
        tasks.delete(id);
    }

    /** The tasks the caller may see, filtered; {@code orderBy} an ordering of {@code t} ({@link TaskPriority#SEVERITY} too). */
    @Transactional(readOnly = true)
    public Page<Task> page(Caller caller, TaskFilter filter, String orderBy, Pageable page) {
        return tasks.page(visibleTo(caller), filter, orderBy, page);
    }

    /** A list action of spec §7.5: mine, created by me, overdue, today (the store's local day). */
    @Transactional(readOnly = true)
    public List<Task> list(Caller caller, String which) {
        Long visible = visibleTo(caller);
        return switch (which) {
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
    }

    @Transactional(readOnly = true)
    public TaskStats stats(Caller caller) {
        return tasks.stats(visibleTo(caller));
    }

    /**
     * A workflow action (start, submit, approve, reject, cancel) by {@code caller}; or {@code complete}, the seed
     * document's step that finishes the caller's part: on review it approves; in progress the assignee submits it, and
     * when the assignee may approve it too (an owner, a manager, or its creator who is not a cashier) nobody else has to
     * review it, so it is submitted and approved at once. Answers the task as stored after.
     */
    @Transactional
    public Task act(Caller caller, long id, TaskAction requested, String reason) {
        visible(caller, id);
        Task task = tasks.lock(id).orElseThrow(() -> TaskErrors.TASK_NOT_FOUND.exception());
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
        return tasks.find(id, null).orElseThrow();
    }

    /** Moves {@code task} on and announces it ({@code TaskStatusChanged}); a rejection carries its reason. */
    public void move(Caller caller, Task task, TaskStatus to, String reason) {
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
    public Long employeeOf(Caller caller) {
        return staff.currentOfUser(caller.tenantKey(), caller.userId())
                .map(EmployeeDirectory.Employee::employeeId)
                .orElse(null);
    }

    /** The task if the caller may see it (owners and managers every task, others theirs), else 404. */
    public Task visible(Caller caller, long id) {
        return tasks.find(id, visibleTo(caller)).orElseThrow(() -> TaskErrors.TASK_NOT_FOUND.exception());
    }

    /** Whose tasks the caller sees: null for all (owners and managers), else their own user id. */
    public Long viewerOf(Caller caller) {
        return visibleTo(caller);
    }

    private static Long visibleTo(Caller caller) {
        return caller.managesStore() ? null : caller.userId();
    }

    private static void mayManage(Caller caller, Task task) {
        if (!caller.managesStore() && task.createdByUser() != caller.userId()) {
            throw TaskErrors.CANNOT_EDIT.exception();
        }
    }

    /** The fields of a create, PUT ({@code current} null) or PATCH: assigned_to an active employee, a deadline not in the past. */
    private TaskRepository.Fields fields(TaskRequest r, Task current) {
        FieldErrors errors = rules.check(r, current == null);
        String title = r.title() != null ? r.title().trim() : current == null ? null : current.title();
        String description = r.description() != null ? r.description() : current == null ? "" : current.description();
        String priority = r.priority() != null
                ? r.priority()
                : current == null ? TaskPriority.DEFAULT.code() : current.priority();
        String category = r.category() != null ? r.category().trim() : current == null ? "" : current.category();
        Long assignedTo = r.assignedTo() != null ? r.assignedTo() : current == null ? null : current.assignedTo();
        EmployeeDirectory.Employee assignee = null;
        if (assignedTo != null) {
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
                errors.required(r.dueField());
            } else {
                due = dueDate(r.dueField(), dueValue.trim(), errors);
            }
        }
        BigDecimal hours =
                r.estimatedHours() != null ? r.estimatedHours() : current == null ? null : current.estimatedHours();
        // a stock-take task names its count; a task of another category names none (a PATCH to another category drops
        // it)
        Long stockCount = r.stockCount() != null ? r.stockCount() : current == null ? null : current.stockCount();
        if (!INVENTORY.equals(category)) {
            if (r.stockCount() != null) {
                errors.add("stock_count", "task.stock_count_category", INVENTORY);
            }
            stockCount = null;
        }
        errors.throwIfAny();
        return new TaskRepository.Fields(
                title.trim(), description, assignedTo, assignee.userId(), priority, category, due, hours, stockCount);
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

    /** The names of the current store's employees. */
    public Names names() {
        return new Names(staff, TenantContext.require().key());
    }
}
