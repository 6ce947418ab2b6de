package dev.kassa.task.template;

import dev.kassa.platform.data.LikePatterns;
import dev.kassa.platform.error.FieldErrors;
import dev.kassa.platform.security.Caller;
import dev.kassa.platform.tenancy.EmployeeDirectory;
import dev.kassa.platform.validation.DomainValidated;
import dev.kassa.platform.validation.Filled;
import dev.kassa.platform.validation.OneOf;
import dev.kassa.platform.validation.RequestRules;
import dev.kassa.platform.validation.Required;
import dev.kassa.platform.validation.Whole;
import dev.kassa.task.TaskErrors;
import dev.kassa.task.board.TaskPriority;
import dev.kassa.task.board.TaskRequest;
import dev.kassa.task.board.WorkHours;
import dev.kassa.task.card.TaskCardService;
import dev.kassa.task.card.TaskViews;
import jakarta.validation.constraints.Size;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.util.Locale;

/** Task templates (spec §7.5 T17, T18): kept by owners and managers, turned into tasks by anyone. */
@Service
class TemplateService {

    @DomainValidated
    record TemplateRequest(
            @Required(groups = Whole.class) @Filled @Size(max = 200) String title,
            @Size(max = 10_000) String description,
            @Required(groups = Whole.class) @Filled @Size(max = 100) String category,
            @OneOf(of = TaskPriority.class, message = "task.priority_invalid") String priority,
            @WorkHours BigDecimal estimatedHours,
            Boolean isActive) {}

    record CreateTaskRequest(Long templateId, Long assignedTo, String dueDate) {}

    private final TemplateRepository templates;
    private final TaskCardService tasks;
    private final EmployeeDirectory staff;
    private final RequestRules rules;

    TemplateService(TemplateRepository templates, TaskCardService tasks, EmployeeDirectory staff, RequestRules rules) {
        this.templates = templates;
        this.tasks = tasks;
        this.staff = staff;
        this.rules = rules;
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
                new TaskRequest(
                        t.title(),
                        t.description(),
                        t.priority(),
                        t.category(),
                        r.assignedTo(),
                        r.dueDate(),
                        t.estimatedHours(),
                        null,
                        null));
    }

    /** The fields after a create, PUT or PATCH: a title and a category are required in the end. */
    private TemplateRepository.Fields fields(TemplateRequest r, TemplateRepository.Template current) {
        FieldErrors errors = rules.check(r, current == null);
        String title = r.title() != null ? r.title().trim() : current == null ? null : current.title();
        String category = r.category() != null ? r.category().trim() : current == null ? null : current.category();
        String priority = r.priority() != null
                ? r.priority()
                : current == null ? TaskPriority.DEFAULT.code() : current.priority();
        String description = r.description() != null ? r.description() : current == null ? "" : current.description();
        BigDecimal hours =
                r.estimatedHours() != null ? r.estimatedHours() : current == null ? null : current.estimatedHours();
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
