package dev.kassa.platform.export;

import dev.kassa.platform.error.Messages;
import dev.kassa.platform.tenancy.Tenant;
import dev.kassa.platform.tenancy.TenantContext;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Answers a list as a file that streams out while its rows are read: the headers in the caller's language (Russian unless
 * {@code Accept-Language: en}), times in the store's time zone, text that a spreadsheet would run as a formula defused,
 * and a file name with the list, the store and the period ({@code products-myshop-2026-11-27.xlsx}). The rows are read in
 * the store's schema inside one read-only, repeatable-read transaction on the thread that writes them (in the caller's
 * language, so a column may translate its values), so a long export sees one moment and holds one page in memory,
 * whatever its length.
 */
public class Exports {

    private final TransactionTemplate snapshot;

    public Exports(PlatformTransactionManager transactions) {
        this.snapshot = new TransactionTemplate(transactions);
        snapshot.setReadOnly(true);
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    }

    /**
     * The file of {@code list}'s rows in {@code format}; {@code period} names the dates it covers in the file name (null:
     * the store's today, the day of a list that has no period).
     */
    public <T> ResponseEntity<StreamingResponseBody> file(
            ExportFormat format, String list, String period, List<Column<T>> columns, RowSource<T> rows) {
        Tenant tenant = TenantContext.require();
        String fileName = list + "-" + store(tenant.key()) + "-" + (period != null ? period : tenant.today()) + "."
                + format.code();
        // in the caller's store, in one snapshot
        return stream(
                format,
                list,
                fileName,
                tenant.zone(),
                columns,
                rows,
                write -> TenantContext.run(tenant, () -> snapshot.executeWithoutResult(tx -> write.run())));
    }

    /**
     * A file of rows already in hand that belong to no one store (the owner's stores side by side): times in {@code zone},
     * {@code owner} in the file name where a store's slug would be, the rows written as they are (no transaction).
     */
    public <T> ResponseEntity<StreamingResponseBody> file(
            ExportFormat format,
            String list,
            String owner,
            String period,
            ZoneId zone,
            List<Column<T>> columns,
            List<T> rows) {
        return stream(
                format,
                list,
                list + "-" + owner + "-" + period + "." + format.code(),
                zone,
                columns,
                sink -> rows.forEach(sink),
                Runnable::run);
    }

    /**
     * The file written as the answer streams out, on a thread that is not the request's: it speaks the caller's
     * language, and {@code around} gives it what else the rows need (a store, a transaction).
     */
    private <T> ResponseEntity<StreamingResponseBody> stream(
            ExportFormat format,
            String list,
            String fileName,
            ZoneId zone,
            List<Column<T>> columns,
            RowSource<T> rows,
            Consumer<Runnable> around) {
        Locale locale = LocaleContextHolder.getLocale();
        List<String> headers = new ArrayList<>();
        columns.forEach(c -> headers.add(Messages.get(c.header())));
        Cells cells = new Cells(
                zone, "en".equals(locale.getLanguage()), Messages.get("export.true"), Messages.get("export.false"));
        StreamingResponseBody body = out -> {
            LocaleContextHolder.setLocale(locale);
            try {
                around.accept(() -> write(format, out, cells, list, headers, columns, rows));
            } finally {
                LocaleContextHolder.resetLocaleContext();
            }
        };
        return answer(format, fileName, body);
    }

    private static ResponseEntity<StreamingResponseBody> answer(
            ExportFormat format, String fileName, StreamingResponseBody body) {
        return ResponseEntity.ok()
                .contentType(format.mediaType())
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(fileName, StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .body(body);
    }

    private static <T> void write(
            ExportFormat format,
            OutputStream out,
            Cells cells,
            String list,
            List<String> headers,
            List<Column<T>> columns,
            RowSource<T> rows) {
        try (TableWriter table = writer(format, out, cells, list)) {
            table.row(headers);
            List<Object> values = new ArrayList<>(columns.size());
            rows.forEach(row -> {
                values.clear();
                columns.forEach(c -> values.add(c.value().apply(row)));
                table.row(values);
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static TableWriter writer(ExportFormat format, OutputStream out, Cells cells, String sheet)
            throws IOException {
        return switch (format) {
            case CSV -> new CsvTable(out, cells);
            case XLSX -> new XlsxTable(out, cells, sheet);
        };
    }

    /** The store's part of its key ({@code myshop} of {@code myshop_3fa9c2d1}): the slug its owner chose. */
    static String store(String tenantKey) {
        int cut = tenantKey.lastIndexOf('_');
        return (cut > 0 ? tenantKey.substring(0, cut) : tenantKey).toLowerCase(Locale.ROOT);
    }
}
