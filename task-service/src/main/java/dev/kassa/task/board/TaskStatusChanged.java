package dev.kassa.task.board;

import dev.kassa.platform.events.KassaEvent;
import dev.kassa.platform.events.Topics;

/** A task moved in its workflow ({@code reason}: the rejection's, empty otherwise). */
@KassaEvent(topic = Topics.TASK)
public record TaskStatusChanged(
        long taskId, String fromStatus, String toStatus, long assignedTo, Long changedBy, String reason) {}
