package dev.kassa.task.task;

import dev.kassa.platform.data.LikePatterns;
import dev.kassa.platform.error.FieldErrors;
import dev.kassa.platform.security.Caller;
import dev.kassa.platform.tenancy.EmployeeDirectory;
import dev.kassa.task.TaskErrors;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.util.Locale;

/** Task templates (spec §7.5 T17, T18): kept by owners and managers, turned into tasks by anyone. */
@Service
class Templates {

    record TemplateRequest(
            String title,
            String description,
            String category,
            String priority,
            BigDecimal estimatedHours,
            Boolean isActive) {}

    record CreateTaskRequest(Long templateId, Long assignedTo, String dueDate) {}

    private final TemplateRepository templates;
    private final Tasks tasks;
    private final EmployeeDirectory staff;

    Templates(TemplateRepository templates, Tasks tasks, EmployeeDirectory staff) {
        this.templates = templates;
        this.tasks = tasks;
        this.staff = staff;
    }

    @Transactional(readOnly = true)
    Page<TemplateRepository.Template> page(
            String category, Boolean active, String search, String orderBy, Pageable page) {
        return templates.page(
                category,
                active,
                LikePatterns.contains(search == null ? null : search.toLowerCase(Locale.ROOT)),
                orderBy,
                page);
    }

    @Transactional(readOnly = true)
    TemplateRepository.Template get(long id) {
        return templates.find(id).orElseThrow(() -> TaskErrors.TEMPLATE_NOT_FOUND.exception());
    }

    @Transactional
    TemplateRepository.Template create(Caller caller, TemplateRequest r) {
        Long creator = staff.currentOfUser(caller.tenantKey(), caller.userId())
                .map(EmployeeDirectory.Employee::employeeId)
                .orElse(null);
        return templates
                .find(templates.insert(fields(r, null), creator, caller.userId()))
                .orElseThrow();
    }

    @Transactional
    TemplateRepository.Template update(long id, TemplateRequest r, boolean partial) {
        TemplateRepository.Template current = get(id);
        templates.update(id, fields(r, partial ? current : null));
        return get(id);
    }

    @Transactional
    void delete(long id) {
        if (!templates.delete(id)) {
            throw TaskErrors.TEMPLATE_NOT_FOUND.exception();
        }
    }

    /** A task from the template of the URL (a {@code template_id} in the body must name the same one), for an employee, by a deadline. */
    @Transactional
    TaskViews.TaskDetail createTask(Caller caller, long id, CreateTaskRequest r) {
        TemplateRepository.Template t = templates
                .find(id)
                .filter(TemplateRepository.Template::isActive)
                .orElseThrow(() -> TaskErrors.TEMPLATE_NOT_FOUND.exception());
        if (r.templateId() != null && r.templateId() != id) {
            throw FieldErrors.single("template_id", "task.template_mismatch");
        }
        return tasks.create(
                caller,
                new Tasks.TaskRequest(
                        t.title(),
                        t.description(),
                        t.priority(),
                        t.category(),
                        r.assignedTo(),
                        r.dueDate(),
                        t.estimatedHours(),
                        null));
    }

    private static TemplateRepository.Fields fields(TemplateRequest r, TemplateRepository.Template current) {
        FieldErrors errors = new FieldErrors();
        String title = r.title() != null ? r.title().trim() : current == null ? null : current.title();
        if (title == null || title.isBlank()) {
            errors.add("title", "validation.required");
        }
        errors.maxLength("title", title, 200);
        String category = r.category() != null ? r.category().trim() : current == null ? null : current.category();
        if (category == null || category.isBlank()) {
            errors.add("category", "validation.required");
        }
        errors.maxLength("category", category, 100);
        String priority = r.priority() != null
                ? r.priority().trim()
                : current == null ? TaskPriority.DEFAULT.code() : current.priority();
        if (TaskPriority.of(priority).isEmpty()) {
            errors.add("priority", "task.priority_invalid");
        }
        String description = r.description() != null ? r.description() : current == null ? "" : current.description();
        errors.maxLength("description", description, 10_000);
        BigDecimal hours =
                r.estimatedHours() != null ? r.estimatedHours() : current == null ? null : current.estimatedHours();
        if (hours != null && !Hours.valid(hours)) {
            errors.add("estimated_hours", "validation.not_negative");
        }
        errors.throwIfAny();
        return new TemplateRepository.Fields(
                title,
                description,
                category,
                priority,
                hours,
                r.isActive() != null ? r.isActive() : current == null || current.isActive());
    }
}
