package dev.kassa.task.board;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A task of the store as stored ({@code tasks}): assignee and creator as employee ids of the store, with their accounts
 * beside for the checks made from a token.
 */
public record Task(
        long id,
        String title,
        String description,
        long assignedTo,
        long assignedUser,
        Long createdBy,
        long createdByUser,
        String priority,
        String status,
        String category,
        Instant dueDate,
        BigDecimal estimatedHours,
        Instant createdAt,
        Instant updatedAt,
        Instant startedAt,
        Instant completedAt,
        String rejectionReason,
        Long stockCount) {}
