package dev.kassa.task.board;

import io.swagger.v3.oas.annotations.media.Schema;

import java.util.Map;

/**
 * How many tasks the viewer sees, by status and priority (every status and priority listed, 0 included), and overdue.
 * Published as {@code Stats}, its name when it was nested in the repository.
 */
@Schema(name = "Stats")
public record TaskStats(int total, Map<String, Integer> byStatus, Map<String, Integer> byPriority, int overdue) {}
