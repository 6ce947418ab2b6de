package dev.kassa.task.board;

import dev.kassa.platform.events.KassaEvent;
import dev.kassa.platform.events.Topics;

import java.time.Instant;

/** A task was given to an employee (on creation, or when its assignee changed). */
@KassaEvent(topic = Topics.TASK)
public record TaskAssigned(
        long taskId, String title, long assignedTo, Long createdBy, String priority, Instant dueDate) {}
