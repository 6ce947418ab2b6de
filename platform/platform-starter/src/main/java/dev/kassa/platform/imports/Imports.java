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
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
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
 * goes on exactly where the last committed chunk ended. A handler that takes a chunk's rows at once checks them before
 * writing and names its refused rows in their places; otherwise (or when a chunk fails anyway) a chunk with a refused
 * row is rolled back and done again a row per transaction, so the refused row takes back what it wrote and the others
 * are kept. A dry run works the same way and rolls every chunk back (its counts written beside). An all-or-nothing job is first tried as a dry run, so every
 * refused row is named, and when none was, its rows are done again in one transaction. (No savepoints: Spring's JPA
 * transactions have none, and thousands of them in one PostgreSQL transaction overflow its subtransaction cache.)
 */
public class Imports {

    /** How many refused rows' reasons a job keeps (it counts them all). */
    public static final int KEPT_ERRORS = 1000;

    private static final Logger log = LoggerFactory.getLogger(Imports.class);

    private final Map<String, ImportHandler> handlers;
    final ImportMemory memory;
    final ImportJobs jobs;
    final ImportProperties properties;
    final MessageSource messages;
    final Executor executor;
    final TransactionTemplate tx;
    final TransactionTemplate beside;

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
        ImportFile file = ImportFile.of(bytes(upload), properties.maxUnpacked().toBytes());
        Locale language = LocaleContextHolder.getLocale();
        Header header;
        int rows = 0;
        try (ImportFile.Table table = file.open()) {
            header = Header.first(table, handler.kind().columns(), messages);
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
        ImportJobs.Found found =
                tx.execute(s -> jobs.find(id, kind)).orElseThrow(() -> ImportErrors.NOT_FOUND.exception());
        if (found.abandoned()) {
            resumeAbandoned(List.of(id));
        }
        return found.job();
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
            new ImportRun(claimed, handler(claimed.job().kind()), this).walk();
        } catch (ImportRun.ClaimLost e) {
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
}
