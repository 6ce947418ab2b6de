package dev.kassa.task.card;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.kassa.platform.error.Messages;
import dev.kassa.platform.tenancy.TenantRegistry;
import dev.kassa.task.board.Names;
import dev.kassa.task.board.Task;
import dev.kassa.task.board.TaskStatus;
import dev.kassa.task.comment.CommentView;
import dev.kassa.task.report.ReportView;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** TaskList and TaskDetail of spec §7.5, with names from the store's employee directory. */
public final class TaskViews {
    private TaskViews() {}

    /** What a task's list row and its card both show first: what, for whom, from whom, how urgent, where it stands, when due. */
    record TaskSummary(
            long id,
            String title,
            String description,
            long assignedTo,
            String assignedToName,
            Long createdBy,
            String createdByName,
            String priority,
            String priorityDisplay,
            String status,
            String statusDisplay,
            String category,
            Instant dueDate,
            Long stockCount) {}

    /**
     * {@code deadline} (the same instant as {@code due_date}), {@code description}, {@code store}, {@code store_name} and
     * {@code comments_count} are what the original web client's task card reads besides spec §7.5's TaskList.
     */
    record TaskList(
            @JsonUnwrapped TaskSummary task,
            Instant deadline,
            boolean isOverdue,
            String timeLeft,
            Long store,
            String storeName,
            int commentsCount,
            Instant createdAt,
            Instant updatedAt) {}

    /** A task with its comments (oldest first) and its reports (newest first). */
    public record TaskDetail(
            @JsonUnwrapped TaskSummary task,
            BigDecimal estimatedHours,
            Instant createdAt,
            Instant updatedAt,
            Instant startedAt,
            Instant completedAt,
            boolean isOverdue,
            String timeLeft,
            String rejectionReason,
            Instant deadline,
            Long store,
            String storeName,
            int commentsCount,
            List<CommentView> comments,
            List<ReportView> reports) {}

    static TaskList list(Task t, int commentsCount, TenantRegistry.Identity store, Names names) {
        return new TaskList(
                summary(t, names),
                t.dueDate(),
                overdue(t),
                timeLeft(t),
                store.storeId(),
                store.name(),
                commentsCount,
                t.createdAt(),
                t.updatedAt());
    }

    static TaskDetail detail(
            Task t, List<CommentView> comments, List<ReportView> reports, TenantRegistry.Identity store, Names names) {
        return new TaskDetail(
                summary(t, names),
                t.estimatedHours(),
                t.createdAt(),
                t.updatedAt(),
                t.startedAt(),
                t.completedAt(),
                overdue(t),
                timeLeft(t),
                t.rejectionReason(),
                t.dueDate(),
                store.storeId(),
                store.name(),
                comments.size(),
                comments,
                reports);
    }

    private static TaskSummary summary(Task t, Names names) {
        return new TaskSummary(
                t.id(),
                t.title(),
                t.description(),
                t.assignedTo(),
                names.of(t.assignedTo()),
                t.createdBy(),
                names.of(t.createdBy()),
                t.priority(),
                Messages.get("task.priority." + t.priority()),
                t.status(),
                Messages.get("task.status." + t.status()),
                t.category(),
                t.dueDate(),
                t.stockCount());
    }

    /** Past its deadline and not completed or cancelled (a rejected task awaiting rework counts). */
    static boolean overdue(Task t) {
        return !TaskStatus.of(t.status()).isFinal() && Instant.now().isAfter(t.dueDate());
    }

    /** "2д 5ч" or "5ч" until the deadline; null when done or past it. */
    static String timeLeft(Task t) {
        Duration left = Duration.between(Instant.now(), t.dueDate());
        if (TaskStatus.of(t.status()).isFinal() || left.isNegative()) {
            return null;
        }
        return left.toDays() > 0 ? left.toDays() + "д " + left.toHoursPart() + "ч" : left.toHours() + "ч";
    }
}
