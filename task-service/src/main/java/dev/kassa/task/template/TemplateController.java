package dev.kassa.task.template;

import dev.kassa.platform.security.Access;
import dev.kassa.platform.security.Caller;
import dev.kassa.platform.web.PageResponse;
import dev.kassa.platform.web.SqlOrdering;
import dev.kassa.task.card.TaskViews;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
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

import java.util.Map;

import static dev.kassa.platform.data.Values.blankToNull;

/** Task templates (spec §7.5 T17, T18). */
@RestController
@RequestMapping("/api/tasks/templates")
class TemplateController {

    private static final SqlOrdering ORDERING = SqlOrdering.of(
            "category",
            "t.id",
            Map.of("category", "t.category, t.title", "title", "t.title", "created_at", "t.created_at"));

    private final TemplateService templates;

    TemplateController(TemplateService templates) {
        this.templates = templates;
    }

    @Operation(
            summary =
                    "Templates by category and title: filters category, is_active; search title, description, category; ordering "
                            + "category, title, created_at")
    @GetMapping
    @PreAuthorize(Access.MEMBER)
    PageResponse<TemplateRepository.Template> list(
            @RequestParam(required = false) String category,
            @RequestParam(name = "is_active", required = false) Boolean active,
            @RequestParam(required = false) String search,
            @RequestParam(required = false) String ordering,
            PageRequest page) {
        String orderBy = ORDERING.orderBy(ordering);
        return PageResponse.of(templates.page(blankToNull(category), active, search, orderBy, page), t -> t);
    }

    @Operation(summary = "One template")
    @GetMapping("/{id}")
    @PreAuthorize(Access.MEMBER)
    TemplateRepository.Template get(@PathVariable long id) {
        return templates.get(id);
    }

    @Operation(summary = "Create a template (owner, manager): title and category required")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(Access.MANAGE_TASKS)
    TemplateRepository.Template create(@RequestBody TemplateService.TemplateRequest request, Caller caller) {
        return templates.create(caller, request);
    }

    @Operation(summary = "Replace a template (owner, manager)")
    @PutMapping("/{id}")
    @PreAuthorize(Access.MANAGE_TASKS)
    TemplateRepository.Template replace(@PathVariable long id, @RequestBody TemplateService.TemplateRequest request) {
        return templates.update(id, request, false);
    }

    @Operation(summary = "Change the fields given (owner, manager)")
    @PatchMapping("/{id}")
    @PreAuthorize(Access.MANAGE_TASKS)
    TemplateRepository.Template patch(@PathVariable long id, @RequestBody TemplateService.TemplateRequest request) {
        return templates.update(id, request, true);
    }

    @Operation(summary = "Delete a template (owner, manager)")
    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize(Access.MANAGE_TASKS)
    void delete(@PathVariable long id) {
        templates.delete(id);
    }

    @Operation(
            summary =
                    "A task from this active template for an employee by a deadline: {assigned_to, due_date} (template_id, if sent, "
                            + "must be this one)")
    @PostMapping("/{id}/create_task")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(Access.MEMBER)
    TaskViews.TaskDetail createTask(
            @PathVariable long id, @Valid @RequestBody TemplateService.CreateTaskRequest request, Caller caller) {
        return templates.createTask(caller, id, request);
    }
}
