package dev.kassa.platform.imports;

import dev.kassa.platform.error.KassaException;
import dev.kassa.platform.error.Messages;
import org.springframework.context.MessageSource;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.List;

/**
 * One run of a claimed job over its file's rows (see {@link Imports} for how rows, chunks and transactions go): the
 * counts, the reasons not yet written, and the job's progress written with every chunk under the claim's token.
 */
final class ImportRun {

    /** Another instance holds the job now: what this one did since its last commit is rolled back. */
    static final class ClaimLost extends RuntimeException {
        ClaimLost() {
            super(null, null, false, false);
        }
    }

    private final ImportJobs.Claimed claimed;
    private final ImportJob job;
    private final ImportHandler handler;
    private ImportHandler.Run run;
    private ImportJob.Counts counts;
    private int done;
    private int errorsTotal;
    private final List<ImportJob.RowError> pending = new ArrayList<>();

    private final ImportJobs jobs;
    private final ImportProperties properties;
    private final MessageSource messages;
    private final TransactionTemplate tx;
    private final TransactionTemplate beside;
    private final ImportMemory memory;

    ImportRun(ImportJobs.Claimed claimed, ImportHandler handler, Imports imports) {
        this.claimed = claimed;
        this.job = claimed.job();
        this.handler = handler;
        this.jobs = imports.jobs;
        this.properties = imports.properties;
        this.messages = imports.messages;
        this.tx = imports.tx;
        this.beside = imports.beside;
        this.memory = imports.memory;
        this.run = start();
        this.counts = job.counts();
        this.done = job.progress().done();
        this.errorsTotal = job.errorsTotal();
    }

    private ImportHandler.Run start() {
        return handler.start(new ImportOptions(job.dryRun(), job.match(), job.allOrNothing(), job.createdBy()));
    }

    /** The job as its options say, to its end. */
    void walk() {
        if (job.allOrNothing() && !job.dryRun()) {
            allOrNothing();
        } else {
            chunkByChunk(!job.dryRun());
            finish(!job.dryRun(), null);
        }
    }

    /**
     * Each chunk's rows in one transaction, committed with the job's counts ({@code keep}) or rolled back with the
     * counts written beside it (a dry run); a job taken over skips what was committed.
     */
    private void chunkByChunk(boolean keep) {
        try (ImportFile.Table table = claimed.file().open()) {
            Header header = Header.first(table, handler.kind().columns(), messages);
            int skip = done;
            List<ImportRow> chunk = new ArrayList<>(properties.chunkRows());
            while (table.hasNext()) {
                List<String> cells = table.next();
                if (Header.blank(cells)) {
                    continue;
                }
                if (skip > 0) {
                    skip--;
                    continue;
                }
                chunk.add(header.row(table.number(), cells));
                if (chunk.size() == properties.chunkRows()) {
                    chunk(header, chunk, keep);
                    chunk.clear();
                }
            }
            if (!chunk.isEmpty()) {
                chunk(header, chunk, keep);
            }
        }
    }

    /**
     * The chunk's rows in one transaction; when a row is refused, the chunk is rolled back and done again a row per
     * transaction, so the refused row takes back what it wrote and the others are kept.
     */
    private void chunk(Header header, List<ImportRow> chunk, boolean keep) {
        ImportJob.Counts countsBefore = counts;
        int doneBefore = done;
        int errorsBefore = errorsTotal;
        try {
            inTransaction(keep, () -> takeAll(header, chunk));
        } catch (KassaException | DataAccessException refused) {
            forget();
            counts = countsBefore;
            done = doneBefore;
            errorsTotal = errorsBefore;
            pending.clear();
            chunk.forEach(row -> alone(header, row, keep));
        }
    }

    /** One row and the counts in their own transaction; refused, its reasons and the counts in the next. */
    private void alone(Header header, ImportRow row, boolean keep) {
        try {
            inTransaction(keep, () -> take(row));
        } catch (KassaException | DataIntegrityViolationException e) {
            forget();
            done++;
            refuse(header, row, e);
            tx.executeWithoutResult(s -> progress());
        }
    }

    /** {@code rows} and the job's counts: committed together, or rolled back with the counts written beside. */
    private void inTransaction(boolean keep, Runnable rows) {
        tx.executeWithoutResult(s -> {
            rows.run();
            memory.release();
            if (keep) {
                progress();
            } else {
                s.setRollbackOnly();
            }
        });
        if (!keep) {
            forget();
            beside.executeWithoutResult(s -> progress());
        }
    }

    /** Rolled back: the run's and the persistence context's memory of it let go. */
    private void forget() {
        run.forget();
        memory.forget();
    }

    private void take(ImportRow row) {
        counts = counts.plus(run.apply(row));
        done++;
    }

    /** A chunk's rows at once: those refused named (they wrote nothing), the others counted. */
    private void takeAll(Header header, List<ImportRow> rows) {
        List<ImportHandler.Result> results = run.applyAll(rows);
        for (int i = 0; i < rows.size(); i++) {
            ImportHandler.Result result = results.get(i);
            done++;
            if (result.refusal() != null) {
                refuse(header, rows.get(i), result.refusal());
            } else {
                counts = counts.plus(result.outcome());
            }
        }
    }

    /**
     * First every row tried and rolled back (as a dry run), so every refused row is named; then, when none was,
     * every row again in one transaction, kept whole or not at all.
     */
    private void allOrNothing() {
        chunkByChunk(false);
        if (counts.refused() > 0) {
            finish(
                    false,
                    new ImportJob.Failure(
                            "import.rows_refused", Messages.get("import.rows_refused", counts.refused())));
            return;
        }
        counts = ImportJob.Counts.NONE;
        run = start();
        tx.executeWithoutResult(s -> {
            try (ImportFile.Table table = claimed.file().open()) {
                Header header = Header.first(table, handler.kind().columns(), messages);
                List<ImportRow> chunk = new ArrayList<>(properties.chunkRows());
                while (table.hasNext()) {
                    List<String> cells = table.next();
                    if (Header.blank(cells)) {
                        continue;
                    }
                    chunk.add(header.row(table.number(), cells));
                    if (chunk.size() == properties.chunkRows()) {
                        keepWhole(chunk);
                    }
                }
                keepWhole(chunk);
            }
            progress();
            if (!jobs.finish(job.id(), claimed.token(), "done", true, null)) {
                throw new ClaimLost();
            }
        });
    }

    /** A chunk of an all-or-nothing job's second pass: a refusal (which its dry run did not see) ends it whole. */
    private void keepWhole(List<ImportRow> chunk) {
        if (chunk.isEmpty()) {
            return;
        }
        run.applyAll(chunk).forEach(result -> counts = counts.plus(result.orThrow()));
        chunk.clear();
        memory.release();
        beside.executeWithoutResult(b -> progress());
    }

    private void refuse(Header header, ImportRow row, RuntimeException refusal) {
        counts = counts.refusedOne();
        if (!(refusal instanceof KassaException e)) {
            record(new ImportJob.RowError(
                    row.number(), null, null, "import.row_conflict", Messages.get("import.row_conflict")));
            return;
        }
        if (e.fieldErrors() == null || e.fieldErrors().isEmpty()) {
            record(new ImportJob.RowError(row.number(), null, null, e.code(), Messages.get(e.messageKey(), e.args())));
            return;
        }
        e.fieldErrors().forEach((field, list) -> {
            String column = handler.column(field);
            List<String> codes = e.fieldCodes().getOrDefault(field, List.of());
            for (int i = 0; i < list.size(); i++) {
                record(new ImportJob.RowError(
                        row.number(),
                        header.column(column),
                        column,
                        i < codes.size() ? codes.get(i) : e.code(),
                        list.get(i)));
            }
        });
    }

    private void record(ImportJob.RowError error) {
        if (errorsTotal++ < Imports.KEPT_ERRORS) {
            pending.add(error);
        }
    }

    /** The counts and the new reasons, in the current transaction; the claim lost rolls it back. */
    private void progress() {
        if (!jobs.progress(
                job.id(), claimed.token(), done, counts, List.copyOf(pending), errorsTotal, properties.lease())) {
            throw new ClaimLost();
        }
        pending.clear();
    }

    private void finish(boolean applied, ImportJob.Failure failure) {
        String status = failure == null ? "done" : "failed";
        if (!Boolean.TRUE.equals(
                beside.execute(s -> jobs.finish(job.id(), claimed.token(), status, applied, failure)))) {
            throw new ClaimLost();
        }
    }
}
