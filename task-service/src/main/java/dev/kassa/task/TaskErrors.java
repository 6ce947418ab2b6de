package dev.kassa.task;

import dev.kassa.platform.error.KassaError;

/**
 * Every error of task-service by name: HTTP status, stable code, message key (messages.properties, Russian, and
 * messages_en.properties). Raise one with {@code throw TaskErrors.NAME.exception(args)}; the OpenAPI lists them.
 */
public enum TaskErrors implements KassaError {
    WRONG_STATUS(400, "invalid_status", "task.wrong_status"),
    ONLY_ASSIGNEE(403, "permission_denied", "task.only_assignee"),
    CANNOT_REVIEW(403, "permission_denied", "task.cannot_review"),
    CANNOT_CANCEL(403, "permission_denied", "task.cannot_cancel"),
    CANNOT_EDIT(403, "permission_denied", "task.cannot_edit"),
    NOT_YOUR_COMMENT(403, "permission_denied", "task.not_your_comment"),
    /** The author's time to edit a comment is over (owners and managers may still). */
    COMMENT_EDIT_CLOSED(403, "permission_denied", "task.comment_edit_closed"),
    ONLY_ASSIGNEE_REPORTS(403, "permission_denied", "task.only_assignee_reports"),
    NOT_YOUR_REPORT(403, "permission_denied", "task.not_your_report"),
    TASK_NOT_FOUND(404, "not_found", "task.not_found"),
    COMMENT_NOT_FOUND(404, "not_found", "task.comment_not_found"),
    REPORT_NOT_FOUND(404, "not_found", "task.report_not_found"),
    TEMPLATE_NOT_FOUND(404, "not_found", "task.template_not_found");

    private final Definition definition;

    TaskErrors(int status, String code, String messageKey) {
        this.definition = new Definition(status, code, messageKey);
    }

    @Override
    public Definition definition() {
        return definition;
    }
}
