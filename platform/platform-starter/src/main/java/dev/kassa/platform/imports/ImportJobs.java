package dev.kassa.platform.imports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The current store's import jobs ({@code kassa_import}). Every change after the claim names the claim's token, so an
 * instance that lost its lease (a pause longer than the lease, a takeover) changes nothing any more and rolls back.
 */
class ImportJobs {

    /** A job taken by this instance: its token, the file to read and where to start. */
    record Claimed(ImportJob job, UUID token, ImportFile file, String language) {}

    private static final TypeReference<List<ImportJob.RowError>> ERRORS = new TypeReference<>() {};
    private static final TypeReference<List<String>> NAMES = new TypeReference<>() {};

    private final JdbcClient sql;
    private final ObjectMapper json;
    private final RowMapper<ImportJob> row;

    ImportJobs(JdbcClient sql, ObjectMapper json) {
        this.sql = sql;
        this.json = json;
        this.row = (rs, i) -> job(rs);
    }

    void insert(
            UUID id,
            String kind,
            String fileName,
            ImportFile file,
            ImportOptions options,
            String language,
            int totalRows,
            List<String> ignoredColumns) {
        sql.sql(
                        """
                        insert into kassa_import (id, kind, status, file_name, format, file, dry_run, match,
                                                  all_or_nothing, language, total_rows, ignored_columns, created_by,
                                                  lease_until)
                        values (:id, :kind, 'queued', :fileName, :format, :file, :dryRun, :match, :allOrNothing,
                                :language, :total, cast(:ignored as jsonb), :createdBy, now())
                        """)
                .param("id", id)
                .param("kind", kind)
                .param("fileName", fileName)
                .param("format", file.format().code())
                .param("file", file.bytes())
                .param("dryRun", options.dryRun())
                .param("match", options.match())
                .param("allOrNothing", options.allOrNothing())
                .param("language", language)
                .param("total", totalRows)
                .param("ignored", write(ignoredColumns))
                .param("createdBy", options.requestedBy())
                .update();
    }

    /** A job as its caller sees it, and whether nobody answers for it (unfinished, its lease run out). */
    record Found(ImportJob job, boolean abandoned) {}

    Optional<Found> find(UUID id, String kind) {
        // every column but the file, which a job's state never shows (megabytes read on every poll otherwise)
        return sql.sql(
                        """
                        select id, kind, status, file_name, format, dry_run, match, all_or_nothing, rows_done, total_rows,
                               created, updated, unchanged, refused, applied, ignored_columns, errors, errors_total,
                               failure_code, failure_message, created_by, created_at, started_at, finished_at,
                               status in ('queued', 'running') and lease_until <= now() as abandoned
                          from kassa_import where id = :id and kind = :kind
                        """)
                .param("id", id)
                .param("kind", kind)
                .query((rs, i) -> new Found(job(rs), rs.getBoolean("abandoned")))
                .optional();
    }

    /**
     * Takes an unfinished job whose lease has run out (a new one's runs out at once) for {@code lease}, with a new token.
     * A job that keeps its rows chunk by chunk goes on after its last committed chunk; one that works in a single
     * transaction (dry run, all or nothing) starts again.
     */
    Optional<Claimed> claim(UUID id, Duration lease) {
        UUID token = UUID.randomUUID();
        return sql.sql(
                        """
                        update kassa_import set
                               status = 'running', claim_token = :token, lease_until = now() + :lease * interval '1 millisecond',
                               started_at = coalesce(started_at, now()),
                               rows_done = case when dry_run or all_or_nothing then 0 else rows_done end,
                               created = case when dry_run or all_or_nothing then 0 else created end,
                               updated = case when dry_run or all_or_nothing then 0 else updated end,
                               unchanged = case when dry_run or all_or_nothing then 0 else unchanged end,
                               refused = case when dry_run or all_or_nothing then 0 else refused end,
                               errors = case when dry_run or all_or_nothing then '[]' else errors end,
                               errors_total = case when dry_run or all_or_nothing then 0 else errors_total end
                         where id = :id and status in ('queued', 'running') and lease_until <= now()
                        returning *
                        """)
                .param("token", token)
                .param("lease", lease.toMillis())
                .param("id", id)
                .query((rs, i) -> new Claimed(
                        job(rs),
                        token,
                        ImportFile.checked(
                                ImportFile.Format.valueOf(rs.getString("format").toUpperCase()), rs.getBytes("file")),
                        rs.getString("language")))
                .optional();
    }

    /**
     * The job's progress after a chunk, in the chunk's transaction when the chunk keeps its rows; false when the claim
     * was lost (the caller rolls back).
     */
    boolean progress(
            UUID id,
            UUID token,
            int rowsDone,
            ImportJob.Counts counts,
            List<ImportJob.RowError> newErrors,
            int errorsTotal,
            Duration lease) {
        return sql.sql(
                                """
                                update kassa_import set rows_done = :done, created = :created, updated = :updated,
                                       unchanged = :unchanged, refused = :refused, errors = errors || cast(:errors as jsonb),
                                       errors_total = :errorsTotal, lease_until = now() + :lease * interval '1 millisecond'
                                 where id = :id and claim_token = :token and status = 'running'
                                """)
                        .param("done", rowsDone)
                        .param("created", counts.created())
                        .param("updated", counts.updated())
                        .param("unchanged", counts.unchanged())
                        .param("refused", counts.refused())
                        .param("errors", write(newErrors))
                        .param("errorsTotal", errorsTotal)
                        .param("lease", lease.toMillis())
                        .param("id", id)
                        .param("token", token)
                        .update()
                == 1;
    }

    /** Ends the job ({@code done} or {@code failed}) and lets its file go; false when the claim was lost. */
    boolean finish(UUID id, UUID token, String status, boolean applied, ImportJob.Failure failure) {
        return sql.sql(
                                """
                                update kassa_import set status = :status, applied = :applied, failure_code = :code,
                                       failure_message = :message, finished_at = now(), file = null, claim_token = null
                                 where id = :id and claim_token = :token and status = 'running'
                                """)
                        .param("status", status)
                        .param("applied", applied)
                        .param("code", failure == null ? null : failure.code())
                        .param("message", failure == null ? null : failure.message())
                        .param("id", id)
                        .param("token", token)
                        .update()
                == 1;
    }

    /** The unfinished jobs nobody answers for (their instance stopped). */
    List<UUID> abandoned() {
        return sql.sql(
                        "select id from kassa_import where status in ('queued', 'running') and lease_until <= now() limit 100")
                .query(UUID.class)
                .list();
    }

    /** Forgets jobs that ended before {@code keep} ago. */
    int forgetEnded(Duration keep) {
        return sql.sql(
                        """
                        delete from kassa_import
                         where status in ('done', 'failed') and finished_at < now() - :keep * interval '1 second'
                        """)
                .param("keep", keep.toSeconds())
                .update();
    }

    private ImportJob job(ResultSet rs) throws SQLException {
        String failure = rs.getString("failure_code");
        return new ImportJob(
                rs.getObject("id", UUID.class),
                rs.getString("kind"),
                rs.getString("status"),
                rs.getString("file_name"),
                rs.getString("format"),
                rs.getBoolean("dry_run"),
                rs.getString("match"),
                rs.getBoolean("all_or_nothing"),
                new ImportJob.Progress(rs.getInt("rows_done"), rs.getInt("total_rows")),
                new ImportJob.Counts(
                        rs.getInt("created"), rs.getInt("updated"), rs.getInt("unchanged"), rs.getInt("refused")),
                rs.getBoolean("applied"),
                read(rs.getString("ignored_columns"), NAMES),
                read(rs.getString("errors"), ERRORS),
                rs.getInt("errors_total"),
                failure == null ? null : new ImportJob.Failure(failure, rs.getString("failure_message")),
                rs.getObject("created_by", Long.class),
                instant(rs.getTimestamp("created_at")),
                instant(rs.getTimestamp("started_at")),
                instant(rs.getTimestamp("finished_at")));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T read(String value, TypeReference<T> type) {
        try {
            return json.readValue(value, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
