package dev.kassa.task.comment;

import dev.kassa.platform.events.KassaEvent;
import dev.kassa.platform.events.Topics;

/** Someone commented on a task (the assignee and the creator may want to know). */
@KassaEvent(topic = Topics.TASK)
public record TaskCommented(long taskId, long commentId, Long author, long assignedTo, Long createdBy) {}
