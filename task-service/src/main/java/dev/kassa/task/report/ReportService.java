package dev.kassa.task.report;

import dev.kassa.platform.error.FieldErrors;
import dev.kassa.platform.error.Messages;
import dev.kassa.platform.files.FileStore;
import dev.kassa.platform.files.StoredFile;
import dev.kassa.platform.security.Caller;
import dev.kassa.task.TaskErrors;
import dev.kassa.task.board.Hours;
import dev.kassa.task.board.Names;
import dev.kassa.task.board.Task;
import dev.kassa.task.board.TaskService;
import dev.kassa.task.board.TaskStatus;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Reports on tasks (spec §7.1, §7.3 with the REWRITE): the assignee (or an owner or manager) reports what was done, in
 * how many hours, with photos; a report on a task in progress sends it to review. Reports follow their task's
 * visibility ({@link TaskService#visible}); their author or an owner or manager edits or deletes them. The photos are the
 * platform's file store's.
 */
@Service
public class ReportService {

    static final int MAX_PHOTOS = 10;

    /** A report as the multipart form sends it: fields as text, so that a wrong one is answered by name. */
    record ReportForm(
            String task, String description, String actualHours, List<MultipartFile> photos, List<String> captions) {}

    private final TaskService tasks;
    private final ReportRepository reports;
    private final FileStore files;

    ReportService(TaskService tasks, ReportRepository reports, FileStore files) {
        this.tasks = tasks;
        this.reports = reports;
        this.files = files;
    }

    @Transactional
    ReportView submit(Caller caller, ReportForm form) {
        FieldErrors errors = new FieldErrors();
        Long taskId = errors.id("task", form.task());
        if (FieldErrors.blank(form.description())) {
            errors.required("description");
        }
        errors.maxLength("description", form.description(), 10_000);
        BigDecimal hours = hours(form.actualHours(), errors);
        List<MultipartFile> photos =
                form.photos().stream().filter(p -> !p.isEmpty()).toList();
        if (photos.size() > MAX_PHOTOS) {
            errors.add("photos", "task.too_many_photos", MAX_PHOTOS);
        }
        if (form.captions().size() > photos.size()) {
            errors.add("photo_captions", "task.captions_without_photos");
        }
        form.captions().forEach(c -> errors.maxLength("photo_captions", c, 200));
        errors.throwIfAny();

        Task task = tasks.visible(caller, taskId);
        boolean manager = caller.managesStore();
        if (task.assignedUser() != caller.userId() && !manager) {
            throw TaskErrors.ONLY_ASSIGNEE_REPORTS.exception();
        }
        TaskStatus status = TaskStatus.of(task.status());
        if (status.isFinal()) {
            throw TaskErrors.WRONG_STATUS.exception(
                    Map.of("current_status", status.code()), Messages.get("task.status." + status.code()));
        }
        long id = reports.add(
                task.id(),
                tasks.employeeOf(caller),
                caller.userId(),
                form.description().trim(),
                hours);
        for (int i = 0; i < photos.size(); i++) {
            StoredFile file = files.put("photos", photos.get(i), "task_report");
            reports.addPhoto(
                    id,
                    file.id(),
                    i < form.captions().size() ? form.captions().get(i).trim() : "");
        }
        if (status == TaskStatus.IN_PROGRESS) {
            tasks.move(caller, task, TaskStatus.ON_REVIEW, null);
        }
        return view(reports.find(id).orElseThrow());
    }

    /** The reports the caller may see (those of the tasks they see), of one task when given; paginated, newest first. */
    @Transactional(readOnly = true)
    Page<ReportView> page(Caller caller, Long taskId, Pageable page) {
        if (taskId != null) {
            tasks.visible(caller, taskId);
        }
        Page<ReportRepository.Report> found = reports.page(taskId, tasks.viewerOf(caller), page);
        List<ReportView> views = views(found.getContent(), tasks.names());
        return new PageImpl<>(views, page, found.getTotalElements());
    }

    /** The reports of a task with their photos, newest first, for its card (the caller is known to see the task). */
    @Transactional(readOnly = true)
    public List<ReportView> ofTask(long taskId, Names names) {
        return views(reports.of(taskId), names);
    }

    /** The files of every photo of a task's reports: read before the task is deleted (its reports go with it). */
    @Transactional(readOnly = true)
    public List<UUID> photosOfTask(long taskId) {
        return reports.filesOfTask(taskId);
    }

    @Transactional(readOnly = true)
    ReportView get(Caller caller, long id) {
        ReportRepository.Report report = reports.find(id).orElseThrow(() -> TaskErrors.REPORT_NOT_FOUND.exception());
        tasks.visible(caller, report.task());
        return view(report);
    }

    @Transactional
    ReportView edit(Caller caller, long id, String description, String actualHours) {
        ReportRepository.Report report = own(caller, id);
        FieldErrors errors = new FieldErrors();
        if (description != null && description.isBlank()) {
            errors.required("description");
        }
        errors.maxLength("description", description, 10_000);
        BigDecimal hours = actualHours == null ? report.actualHours() : hours(actualHours, errors);
        errors.throwIfAny();
        reports.edit(id, description == null ? report.description() : description.trim(), hours);
        return view(reports.find(id).orElseThrow());
    }

    @Transactional
    void delete(Caller caller, long id) {
        files.delete(reports.delete(own(caller, id).id()));
    }

    /** A report the caller may change: their own (while the task is open) or any, for an owner or manager. */
    private ReportRepository.Report own(Caller caller, long id) {
        ReportRepository.Report report = reports.find(id).orElseThrow(() -> TaskErrors.REPORT_NOT_FOUND.exception());
        Task task = tasks.visible(caller, report.task());
        boolean manager = caller.managesStore();
        if (!manager
                && (report.submittedByUser() != caller.userId()
                        || TaskStatus.of(task.status()).isFinal())) {
            throw TaskErrors.NOT_YOUR_REPORT.exception();
        }
        return report;
    }

    private ReportView view(ReportRepository.Report report) {
        return views(List.of(report), tasks.names()).get(0);
    }

    /** Reports with their photos and the files' addresses. */
    private List<ReportView> views(List<ReportRepository.Report> found, Names names) {
        Map<Long, List<ReportRepository.Photo>> photos =
                reports.photos(found.stream().map(ReportRepository.Report::id).toList());
        Map<UUID, StoredFile> stored = files.find(photos.values().stream()
                .flatMap(List::stream)
                .map(ReportRepository.Photo::file)
                .toList());
        return found.stream()
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

    /** Hours spent: a number from 0 to 999.99 with at most two decimals (a comma taken as the decimal point). */
    private static BigDecimal hours(String value, FieldErrors errors) {
        if (FieldErrors.blank(value)) {
            errors.required("actual_hours");
            return null;
        }
        try {
            BigDecimal hours = new BigDecimal(value.trim().replace(',', '.'));
            if (!Hours.valid(hours)) {
                errors.add("actual_hours", "validation.not_negative");
                return null;
            }
            return hours;
        } catch (NumberFormatException e) {
            errors.add("actual_hours", "validation.number");
            return null;
        }
    }
}
