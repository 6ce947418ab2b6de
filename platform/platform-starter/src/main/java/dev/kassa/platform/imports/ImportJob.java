package dev.kassa.platform.imports;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An import as its caller follows it: {@code queued}, {@code running}, then {@code done} or {@code failed}; how many
 * rows of how many are through, what they did, which were refused and why (the first {@link Imports#KEPT_ERRORS},
 * {@code errors_total} counting all), and whether its changes were kept ({@code applied}: never for a dry run, nor for
 * all-or-nothing with a refused row).
 */
public record ImportJob(
        UUID id,
        String kind,
        String status,
        String fileName,
        String format,
        boolean dryRun,
        String match,
        boolean allOrNothing,
        Progress progress,
        Counts counts,
        boolean applied,
        List<String> ignoredColumns,
        List<RowError> errors,
        int errorsTotal,
        Failure failure,
        Long createdBy,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt) {

    /** Rows worked through of the file's rows (its header not counted). */
    @Schema(name = "ImportProgress")
    public record Progress(int done, int total) {}

    /** What the rows did; a dry run counts what they would have done. */
    @Schema(name = "ImportCounts")
    public record Counts(int created, int updated, int unchanged, int refused) {

        static final Counts NONE = new Counts(0, 0, 0, 0);

        Counts plus(ImportOutcome outcome) {
            return switch (outcome) {
                case CREATED -> new Counts(created + 1, updated, unchanged, refused);
                case UPDATED -> new Counts(created, updated + 1, unchanged, refused);
                case UNCHANGED -> new Counts(created, updated, unchanged + 1, refused);
            };
        }

        Counts refusedOne() {
            return new Counts(created, updated, unchanged, refused + 1);
        }
    }

    /**
     * Why a row was refused: its number as the spreadsheet shows it, the column as the file names it and its field
     * (none when the reason is the row's, not a cell's), a stable code and the message in the language of the upload.
     */
    @Schema(name = "ImportRowError")
    public record RowError(int row, String column, String field, String code, String message) {}

    /** Why a job failed as a whole ({@code import.rows_refused} for all-or-nothing, {@code import.failed}). */
    @Schema(name = "ImportFailure")
    public record Failure(String code, String message) {}
}
