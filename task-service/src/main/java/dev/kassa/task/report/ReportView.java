package dev.kassa.task.report;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A report as answered, with its author's name and its photos; a task's card lists its task's. */
public record ReportView(
        long id,
        long task,
        Long submittedBy,
        String submittedByName,
        String description,
        BigDecimal actualHours,
        List<PhotoView> photos,
        Instant submittedAt) {}
