package dev.kassa.task.comment;

import dev.kassa.platform.events.OutboxPublisher;
import dev.kassa.platform.security.Caller;
import dev.kassa.platform.tenancy.TenantContext;
import dev.kassa.task.TaskErrors;
import dev.kassa.task.board.Names;
import dev.kassa.task.board.Task;
import dev.kassa.task.board.TaskService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Comments on tasks (spec §7.5 T15): they follow their task's visibility ({@link TaskService#visible}, 404); their authors
 * (and owners, managers) edit and delete them.
 */
@Service
public class CommentService {

    /** The longest comment taken, on {@code comments/} and the task's {@code add_comment/} and {@code update_status/}. */
    public static final int MAX_LENGTH = 5000;

    /** How long the author may still edit a comment; owners and managers may at any time. */
    static final Duration EDIT_WINDOW = Duration.ofMinutes(15);

    private final TaskService tasks;
    private final CommentRepository comments;
    private final OutboxPublisher outbox;

    CommentService(TaskService tasks, CommentRepository comments, OutboxPublisher outbox) {
        this.tasks = tasks;
        this.comments = comments;
        this.outbox = outbox;
    }

    /** The caller's comment on a task they may see (announced: {@code TaskCommented}). */
    @Transactional
    public CommentView add(Caller caller, Long taskId, String text) {
        Task task = tasks.visible(caller, taskId);
        Long author = tasks.employeeOf(caller);
        long id = comments.add(taskId, author, caller.userId(), text.trim());
        outbox.publish(
                TenantContext.require().key(),
                new TaskCommented(taskId, id, author, task.assignedTo(), task.createdBy()));
        return CommentView.of(comments.find(id).orElseThrow(), tasks.names());
    }

    /** The comments of a task the caller may see, oldest first ({@code task} required). */
    @Transactional(readOnly = true)
    public List<CommentView> of(Caller caller, long taskId) {
        tasks.visible(caller, taskId);
        return ofTask(taskId, tasks.names());
    }

    /** The comments of a task, oldest first, for its card (the caller is known to see the task). */
    @Transactional(readOnly = true)
    public List<CommentView> ofTask(long taskId, Names names) {
        return comments.of(taskId).stream().map(c -> CommentView.of(c, names)).toList();
    }

    /** How many comments each of these tasks has (tasks without any are absent). */
    @Transactional(readOnly = true)
    public Map<Long, Integer> counts(Collection<Long> taskIds) {
        return comments.counts(taskIds);
    }

    /** One comment, if the caller may see its task (else 404). */
    @Transactional(readOnly = true)
    CommentView get(Caller caller, long id) {
        CommentRepository.Comment c = comments.find(id).orElseThrow(() -> TaskErrors.COMMENT_NOT_FOUND.exception());
        tasks.visible(caller, c.task());
        return CommentView.of(c, tasks.names());
    }

    /**
     * A comment's new text: by its author within {@link #EDIT_WINDOW} of writing it, by an owner or a manager at any
     * time; comments follow their task's visibility (404), others are refused (403 permission_denied).
     */
    @Transactional
    CommentView edit(Caller caller, long id, String text) {
        CommentRepository.Comment c = own(caller, id);
        if (!caller.managesStore() && c.createdAt().plus(EDIT_WINDOW).isBefore(Instant.now())) {
            throw TaskErrors.COMMENT_EDIT_CLOSED.exception(EDIT_WINDOW.toMinutes());
        }
        comments.edit(c.id(), text.trim());
        return CommentView.of(comments.find(id).orElseThrow(), tasks.names());
    }

    @Transactional
    void delete(Caller caller, long id) {
        comments.delete(own(caller, id).id());
    }

    private CommentRepository.Comment own(Caller caller, long id) {
        CommentRepository.Comment c = comments.find(id).orElseThrow(() -> TaskErrors.COMMENT_NOT_FOUND.exception());
        tasks.visible(caller, c.task());
        if (c.authorUser() != caller.userId() && !caller.managesStore()) {
            throw TaskErrors.NOT_YOUR_COMMENT.exception();
        }
        return c;
    }
}
