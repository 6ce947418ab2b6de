package dev.kassa.task.card;

import dev.kassa.platform.error.FieldErrors;
import dev.kassa.platform.files.FileStore;
import dev.kassa.platform.security.Caller;
import dev.kassa.platform.tenancy.TenantContext;
import dev.kassa.platform.tenancy.TenantRegistry;
import dev.kassa.task.board.Names;
import dev.kassa.task.board.Task;
import dev.kassa.task.board.TaskAction;
import dev.kassa.task.board.TaskFilter;
import dev.kassa.task.board.TaskRequest;
import dev.kassa.task.board.TaskService;
import dev.kassa.task.board.TaskStats;
import dev.kassa.task.comment.CommentService;
import dev.kassa.task.report.ReportService;
import dev.kassa.task.report.ReportView;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Tasks as the API answers them (spec §7.5): each task of a list with its comments' count, each task in full with its
 * comments and reports. The workflow is {@link TaskService}'; this assembles its answers with {@link CommentService} and
 * {@link ReportService}, which depend on tasks, in the same transaction.
 */
@Service
public class TaskCardService {

    private final TaskService tasks;
    private final CommentService comments;
    private final ReportService reports;
    private final FileStore files;
    private final TenantRegistry stores;

    TaskCardService(
            TaskService tasks, CommentService comments, ReportService reports, FileStore files, TenantRegistry stores) {
        this.tasks = tasks;
        this.comments = comments;
        this.reports = reports;
        this.files = files;
        this.stores = stores;
    }

    @Transactional
    public TaskViews.TaskDetail create(Caller caller, TaskRequest r) {
        return detail(tasks.create(caller, r));
    }

    @Transactional
    TaskViews.TaskDetail update(Caller caller, long id, TaskRequest r, boolean partial) {
        return detail(tasks.update(caller, id, r, partial));
    }

    /** Deletes a task with its comments and reports, and then its reports' photos from the file store. */
    @Transactional
    void delete(Caller caller, long id) {
        List<UUID> photos = reports.photosOfTask(id);
        tasks.delete(caller, id);
        files.delete(photos);
    }

    @Transactional(readOnly = true)
    TaskViews.TaskDetail get(Caller caller, long id) {
        return detail(tasks.visible(caller, id));
    }

    @Transactional(readOnly = true)
    Page<TaskViews.TaskList> page(Caller caller, TaskFilter filter, String orderBy, Pageable page) {
        Names names = tasks.names();
        TenantRegistry.Identity store = store();
        Page<Task> found = tasks.page(caller, filter, orderBy, page);
        Map<Long, Integer> commentCounts = comments.counts(found.map(Task::id).getContent());
        return found.map(t -> TaskViews.list(t, commentCounts.getOrDefault(t.id(), 0), store, names));
    }

    /** A list action of spec §7.5: mine, created by me, overdue, today (the store's local day). */
    @Transactional(readOnly = true)
    List<TaskViews.TaskDetail> list(Caller caller, String which) {
        List<Task> found = tasks.list(caller, which);
        TenantRegistry.Identity store = store();
        return found.stream().map(t -> detail(t, store)).toList();
    }

    @Transactional(readOnly = true)
    TaskStats stats(Caller caller) {
        return tasks.stats(caller);
    }

    /** A workflow action ({@link TaskService#act}). */
    @Transactional
    TaskViews.TaskDetail act(Caller caller, long id, TaskAction action, String reason) {
        return detail(tasks.act(caller, id, action, reason));
    }

    /**
     * The original web client's status change ({@code update_status/}): the workflow's step that leads to {@code status}
     * (in_progress starts, on_review submits, completed as {@link TaskService#act complete}, rejected rejects, cancelled
     * cancels), refused as that step would be. A {@code note} (its {@code completion_comment}) is kept as the caller's
     * comment on the task, in the same transaction; a rejection without a reason takes it as its reason instead.
     */
    @Transactional
    TaskViews.TaskDetail moveTo(Caller caller, long id, String status, String reason, String note) {
        TaskAction action = FieldErrors.blank(status)
                ? null
                : TaskAction.leadingTo(status.trim()).orElse(null);
        FieldErrors errors = new FieldErrors();
        if (action == null) {
            errors.add("status", FieldErrors.blank(status) ? FieldErrors.REQUIRED : "task.status_unreachable");
        }
        errors.maxLength("completion_comment", note, CommentService.MAX_LENGTH);
        errors.throwIfAny();
        boolean noteIsReason = action == TaskAction.REJECT && FieldErrors.blank(reason);
        Task moved = tasks.act(caller, id, action, noteIsReason ? note : reason);
        if (FieldErrors.blank(note) || noteIsReason) {
            return detail(moved);
        }
        comments.add(caller, id, note);
        return detail(tasks.visible(caller, id));
    }

    private TaskViews.TaskDetail detail(Task t) {
        return detail(t, store());
    }

    private TaskViews.TaskDetail detail(Task t, TenantRegistry.Identity store) {
        Names names = tasks.names();
        List<ReportView> of = reports.ofTask(t.id(), names);
        return TaskViews.detail(t, comments.ofTask(t.id(), names), of, store, names);
    }

    /** The store a task card shows (one read per answer, however many tasks it lists). */
    private TenantRegistry.Identity store() {
        return stores.identity(TenantContext.require().key()).orElse(new TenantRegistry.Identity(null, null));
    }
}
