package dev.kassa.platform.imports;

import org.springframework.context.MessageSource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A table's header row matched to an import's columns: a header is recognised as the export writes it in Russian or in
 * English, or as the field's name, whatever its case, spaces and a trailing {@code *} or {@code :}. The first of two
 * headers that name one column wins; a header nothing recognises is ignored and named in the job.
 */
final class Header {

    private static final List<Locale> LANGUAGES = List.of(Locale.forLanguageTag("ru"), Locale.ENGLISH);

    private final Map<String, Integer> index;
    private final Map<String, String> written;
    private final List<String> ignored;

    private Header(Map<String, Integer> index, Map<String, String> written, List<String> ignored) {
        this.index = index;
        this.written = written;
        this.ignored = ignored;
    }

    static Header read(List<String> cells, List<ImportColumn> columns, MessageSource messages) {
        Map<String, String> names = new HashMap<>();
        for (ImportColumn column : columns) {
            names.put(normal(column.field()), column.field());
            for (Locale language : LANGUAGES) {
                names.putIfAbsent(
                        normal(messages.getMessage(column.headerKey(), null, column.headerKey(), language)),
                        column.field());
            }
        }
        Map<String, Integer> index = new LinkedHashMap<>();
        Map<String, String> written = new HashMap<>();
        List<String> ignored = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i) == null ? "" : cells.get(i).strip();
            if (cell.isEmpty()) {
                continue;
            }
            String field = names.get(normal(cell));
            if (field == null) {
                ignored.add(cell);
            } else if (!index.containsKey(field)) {
                index.put(field, i);
                written.put(field, cell);
            }
        }
        return new Header(index, written, ignored);
    }

    /** The required columns the file lacks, as the caller's language names them. */
    List<String> missing(List<ImportColumn> columns, MessageSource messages, Locale language) {
        return columns.stream()
                .filter(c -> c.required() && !index.containsKey(c.field()))
                .map(c -> messages.getMessage(c.headerKey(), null, c.field(), language))
                .toList();
    }

    /** The headers nothing recognised. */
    List<String> ignored() {
        return ignored;
    }

    /** The column of {@code field} as the file writes it; the field's name when the file has no such column. */
    String column(String field) {
        return written.getOrDefault(field, field);
    }

    /** A data row by field: the recognised columns' cells (a short row's missing cells empty). */
    ImportRow row(int number, List<String> cells) {
        Map<String, String> values = new HashMap<>();
        index.forEach((field, i) -> values.put(field, i < cells.size() && cells.get(i) != null ? cells.get(i) : ""));
        return new ImportRow(number, values);
    }

    /** The header: the table's first row that is not blank. */
    static Header first(ImportFile.Table table, List<ImportColumn> columns, MessageSource messages) {
        while (table.hasNext()) {
            List<String> cells = table.next();
            if (!blank(cells)) {
                return read(cells, columns, messages);
            }
        }
        throw ImportErrors.NO_ROWS.exception();
    }

    static boolean blank(List<String> cells) {
        return cells.stream().allMatch(c -> c == null || c.isBlank());
    }

    private static String normal(String header) {
        String h = header.strip().toLowerCase(Locale.ROOT).replace('ё', 'е').replaceAll("\\s+", " ");
        while (h.endsWith("*") || h.endsWith(":")) {
            h = h.substring(0, h.length() - 1).strip();
        }
        return h;
    }
}
