package dev.kassa.task.task;

import dev.kassa.platform.error.Messages;
import dev.kassa.platform.files.FileStore;
import dev.kassa.platform.files.StoredFile;
import dev.kassa.platform.tenancy.EmployeeDirectory;
import dev.kassa.platform.tenancy.TenantRegistry;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** TaskList and TaskDetail of spec §7.5, with names from the store's employee directory. */
final class TaskViews {
    private TaskViews() {}

    /**
     * {@code deadline} (the same instant as {@code due_date}), {@code description}, {@code store}, {@code store_name} and
     * {@code comments_count} are what the original web client's task card reads besides spec §7.5's TaskList.
     */
    record TaskList(
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
            Instant deadline,
            boolean isOverdue,
            String timeLeft,
            Long store,
            String storeName,
            int commentsCount,
            Instant createdAt,
            Instant updatedAt) {}

    record CommentView(
            long id, long task, Long author, String authorName, String text, Instant createdAt, Instant updatedAt) {}

    record TaskDetail(
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

    /** A report's photo: {@code photo} its path at the gateway, {@code photo_url} the same as an absolute address. */
    record PhotoView(
            long id, String photo, String photoUrl, String caption, String contentType, int size, Instant uploadedAt) {}

    record ReportView(
            long id,
            long task,
            Long submittedBy,
            String submittedByName,
            String description,
            BigDecimal actualHours,
            List<PhotoView> photos,
            Instant submittedAt) {}

    static TaskList list(TaskRepository.Task t, int commentsCount, TenantRegistry.Identity store, Names names) {
        return new TaskList(
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
            TaskRepository.Task t,
            List<CommentRepository.Comment> comments,
            List<ReportView> reports,
            TenantRegistry.Identity store,
            Names names) {
        return new TaskDetail(
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
                comments.stream().map(c -> comment(c, names)).toList(),
                reports);
    }

    static CommentView comment(CommentRepository.Comment c, Names names) {
        return new CommentView(
                c.id(), c.task(), c.author(), names.of(c.author()), c.text(), c.createdAt(), c.updatedAt());
    }

    /** Reports with their photos ({@code photos} by report) and the files' addresses. */
    static List<ReportView> reports(
            List<ReportRepository.Report> reports,
            Map<Long, List<ReportRepository.Photo>> photos,
            FileStore files,
            Names names) {
        Map<UUID, StoredFile> stored = files.find(photos.values().stream()
                .flatMap(List::stream)
                .map(ReportRepository.Photo::file)
                .toList());
        return reports.stream()
                .map(r -> new ReportView(
                        r.id(),
                        r.task(),
                        r.submittedBy(),
                        names.of(r.submittedBy()),
                        r.description(),
                        r.actualHours(),
                        photos.getOrDefault(r.id(), List.of()).stream()
                                .filter(p -> stored.containsKey(p.file()))
                                .map(p -> {
                                    StoredFile f = stored.get(p.file());
                                    return new PhotoView(
                                            p.id(),
                                            f.path(),
                                            files.url(f.id()),
                                            p.caption(),
                                            f.contentType(),
                                            f.size(),
                                            p.uploadedAt());
                                })
                                .toList(),
                        r.submittedAt()))
                .toList();
    }

    /** Past its deadline and not completed or cancelled (a rejected task awaiting rework counts). */
    static boolean overdue(TaskRepository.Task t) {
        return !TaskStatus.of(t.status()).isFinal() && Instant.now().isAfter(t.dueDate());
    }

    /** "2д 5ч" or "5ч" until the deadline; null when done or past it. */
    static String timeLeft(TaskRepository.Task t) {
        Duration left = Duration.between(Instant.now(), t.dueDate());
        if (TaskStatus.of(t.status()).isFinal() || left.isNegative()) {
            return null;
        }
        return left.toDays() > 0 ? left.toDays() + "д " + left.toHoursPart() + "ч" : left.toHours() + "ч";
    }

    /** Employee names of one store. */
    record Names(EmployeeDirectory directory, String tenantKey) {
        String of(Long employeeId) {
            return employeeId == null
                    ? null
                    : directory
                            .find(tenantKey, employeeId)
                            .map(EmployeeDirectory.Employee::fullName)
                            .orElse("");
        }
    }
}
