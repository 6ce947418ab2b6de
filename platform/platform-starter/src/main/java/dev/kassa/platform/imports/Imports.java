package dev.kassa.platform.imports;

import dev.kassa.platform.error.FieldErrors;
import dev.kassa.platform.error.KassaException;
import dev.kassa.platform.error.Messages;
import dev.kassa.platform.tenancy.Tenant;
import dev.kassa.platform.tenancy.TenantContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A service's imports: {@link #accept} checks an upload whole and keeps it as a job of the current store, which an
 * instance then works through; {@link #get} shows it (and takes over a job whose instance stopped answering for it).
 * <p>
 * A job keeps its rows chunk by chunk, each chunk's rows and the job's counts in one transaction, so a job taken over
 * goes on exactly where the last committed chunk ended; a chunk with a refused row is rolled back and done again a row
 * per transaction, so the refused row takes back what it wrote and the others are kept. A dry run works the same way
 * and rolls every chunk back (its counts written beside). An all-or-nothing job is first tried as a dry run, so every
 * refused row is named, and when none was, its rows are done again in one transaction. (No savepoints: Spring's JPA
 * transactions have none, and thousands of them in one PostgreSQL transaction overflow its subtransaction cache.)
 */
public class Imports {

    /** How many refused rows' reasons a job keeps (it counts them all). */
    public static final int KEPT_ERRORS = 1000;

    private static final Logger log = LoggerFactory.getLogger(Imports.class);

    private final Map<String, ImportHandler> handlers;
    private final ImportMemory memory;
    private final ImportJobs jobs;
    private final ImportProperties properties;
    private final MessageSource messages;
    private final Executor executor;
    private final TransactionTemplate tx;
    private final TransactionTemplate beside;

    Imports(
            List<ImportHandler> handlers,
            ImportJobs jobs,
            ImportProperties properties,
            MessageSource messages,
            Executor executor,
            PlatformTransactionManager transactions,
            ImportMemory memory) {
        this.handlers = handlers.stream().collect(Collectors.toMap(h -> h.kind().name(), Function.identity()));
        this.jobs = jobs;
        this.memory = memory;
        this.properties = properties;
        this.messages = messages;
        this.executor = executor;
        this.tx = new TransactionTemplate(transactions);
        this.beside = new TransactionTemplate(transactions);
        beside.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Checks {@code upload} (a CSV or XLSX table within the size and row limits, with the handler's required columns)
     * and keeps it as a queued job of the current store; {@code match} null is the handler's first. Nothing is kept
     * when the file is refused.
     */
    public ImportJob accept(String kind, MultipartFile upload, ImportOptions options) {
        ImportHandler handler = handler(kind);
        String match = options.match() == null || options.match().isBlank()
                ? handler.kind().matches().get(0)
                : options.match();
        if (!handler.kind().matches().contains(match)) {
            throw FieldErrors.single(
                    "match", "import.match", String.join(", ", handler.kind().matches()));
        }
        if (upload == null || upload.isEmpty()) {
            throw ImportErrors.NO_ROWS.exception();
        }
        if (upload.getSize() > properties.maxSize().toBytes()) {
            throw ImportErrors.FILE_TOO_LARGE.exception(properties.maxSize().toMegabytes());
        }
        ImportFile file = ImportFile.of(bytes(upload));
        Locale language = LocaleContextHolder.getLocale();
        Header header;
        int rows = 0;
        try (ImportFile.Table table = file.open()) {
            header = header(table, handler);
            List<String> missing = header.missing(handler.kind().columns(), messages, language);
            if (!missing.isEmpty()) {
                throw ImportErrors.COLUMNS_MISSING.exception(Map.of("missing", missing), String.join(", ", missing));
            }
            while (table.hasNext()) {
                if (!Header.blank(table.next()) && ++rows > properties.maxRows()) {
                    throw ImportErrors.TOO_MANY_ROWS.exception(properties.maxRows());
                }
            }
        } catch (KassaException e) {
            throw e;
        } catch (RuntimeException e) {
            throw ImportFile.broken(e);
        }
        if (rows == 0) {
            throw ImportErrors.NO_ROWS.exception();
        }
        UUID id = UUID.randomUUID();
        ImportOptions kept = new ImportOptions(options.dryRun(), match, options.allOrNothing(), options.requestedBy());
        int total = rows;
        tx.executeWithoutResult(
                s -> jobs.insert(id, kind, name(upload), file, kept, language.getLanguage(), total, header.ignored()));
        start(TenantContext.require(), id);
        return get(kind, id);
    }

    /**
     * A controller's upload: the {@code file} part (a missing one is a 400 on {@code file}) accepted as a job of
     * {@code kind}, answered 202 with the job and its address under {@code jobsPath}.
     */
    public ResponseEntity<ImportJob> upload(String kind, MultipartFile file, ImportOptions options, String jobsPath) {
        if (file == null) {
            throw FieldErrors.missing("file");
        }
        ImportJob job = accept(kind, file, options);
        return ResponseEntity.accepted()
                .location(URI.create(jobsPath + job.id()))
                .body(job);
    }

    /** The current store's job of this kind; one nobody answers for any more is taken over by this instance. */
    public ImportJob get(String kind, UUID id) {
        ImportJob job = tx.execute(s -> jobs.find(id, kind)).orElseThrow(() -> ImportErrors.NOT_FOUND.exception());
        if (!job.finished()) {
            resumeAbandoned(List.of(id));
        }
        return job;
    }

    /** Takes over the current store's jobs whose instance stopped answering for them; answers how many were found. */
    public int resumeAbandoned() {
        List<UUID> ids = tx.execute(s -> jobs.abandoned());
        resumeAbandoned(ids);
        return ids.size();
    }

    /** Forgets the current store's jobs that ended longer ago than {@code kassa.imports.keep}. */
    public int forgetEnded() {
        Integer n = tx.execute(s -> jobs.forgetEnded(properties.keep()));
        return n == null ? 0 : n;
    }

    private void resumeAbandoned(List<UUID> ids) {
        Tenant tenant = TenantContext.require();
        ids.forEach(id -> start(tenant, id));
    }

    private void start(Tenant tenant, UUID id) {
        executor.execute(() -> TenantContext.run(tenant, () -> work(id)));
    }

    /** Works a job through if this instance can claim it (a job whose lease has not run out is left to its instance). */
    void work(UUID id) {
        ImportJobs.Claimed claimed;
        try {
            claimed = tx.execute(s -> jobs.claim(id, properties.lease())).orElse(null);
        } catch (RuntimeException e) {
            log.warn("Import {} could not be claimed; it is taken over when its lease runs out", id, e);
            return;
        }
        if (claimed == null) {
            return;
        }
        LocaleContextHolder.setLocale(Locale.forLanguageTag(claimed.language()));
        try {
            new Walk(claimed).walk();
        } catch (ClaimLost e) {
            log.info("Import {} was taken over by another instance", id);
        } catch (RuntimeException e) {
            log.warn("Import {} failed", id, e);
            beside.executeWithoutResult(s -> jobs.finish(
                    id,
                    claimed.token(),
                    "failed",
                    false,
                    new ImportJob.Failure("import.failed", Messages.get("import.failed"))));
        } finally {
            LocaleContextHolder.resetLocaleContext();
        }
    }

    private ImportHandler handler(String kind) {
        ImportHandler handler = handlers.get(kind);
        if (handler == null) {
            throw new IllegalArgumentException("No import handler of kind " + kind);
        }
        return handler;
    }

    /** The first row that is not blank. */
    private Header header(ImportFile.Table table, ImportHandler handler) {
        while (table.hasNext()) {
            List<String> cells = table.next();
            if (!Header.blank(cells)) {
                return Header.read(cells, handler.kind().columns(), messages);
            }
        }
        throw ImportErrors.NO_ROWS.exception();
    }

    private static byte[] bytes(MultipartFile upload) {
        try {
            return upload.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String name(MultipartFile upload) {
        String name = upload.getOriginalFilename();
        if (name == null || name.isBlank()) {
            return "upload";
        }
        String base = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        return base.length() > 255 ? base.substring(0, 255) : base;
    }

    /** Another instance holds the job now: what this one did since its last commit is rolled back. */
    private static final class ClaimLost extends RuntimeException {
        ClaimLost() {
            super(null, null, false, false);
        }
    }

    /** One run of a claimed job over its file's rows. */
    private final class Walk {
        private final ImportJobs.Claimed claimed;
        private final ImportJob job;
        private final ImportHandler handler;
        private ImportHandler.Run run;
        private ImportJob.Counts counts;
        private int done;
        private int errorsTotal;
        private final List<ImportJob.RowError> pending = new ArrayList<>();

        Walk(ImportJobs.Claimed claimed) {
            this.claimed = claimed;
            this.job = claimed.job();
            this.handler = handler(job.kind());
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
                Header header = header(table, handler);
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
                inTransaction(keep, () -> chunk.forEach(this::take));
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
                    Header header = header(table, handler);
                    int inChunk = 0;
                    while (table.hasNext()) {
                        List<String> cells = table.next();
                        if (Header.blank(cells)) {
                            continue;
                        }
                        counts = counts.plus(run.apply(header.row(table.number(), cells)));
                        if (++inChunk == properties.chunkRows()) {
                            memory.release();
                            beside.executeWithoutResult(b -> progress());
                            inChunk = 0;
                        }
                    }
                }
                progress();
                if (!jobs.finish(job.id(), claimed.token(), "done", true, null)) {
                    throw new ClaimLost();
                }
            });
        }

        private void refuse(Header header, ImportRow row, RuntimeException refusal) {
            counts = counts.refusedOne();
            if (!(refusal instanceof KassaException e)) {
                record(new ImportJob.RowError(
                        row.number(), null, null, "import.row_conflict", Messages.get("import.row_conflict")));
                return;
            }
            if (e.fieldErrors() == null || e.fieldErrors().isEmpty()) {
                record(new ImportJob.RowError(
                        row.number(), null, null, e.code(), Messages.get(e.messageKey(), e.args())));
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
            if (errorsTotal++ < KEPT_ERRORS) {
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
}
