package dev.kassa.task.board;

import dev.kassa.platform.events.KassaEvent;
import dev.kassa.platform.events.Topics;

import java.time.Instant;

/** A task passed its deadline without being done: announced once per deadline. */
@KassaEvent(topic = Topics.TASK)
public record TaskOverdue(long taskId, String title, long assignedTo, Long createdBy, String status, Instant dueDate) {}
