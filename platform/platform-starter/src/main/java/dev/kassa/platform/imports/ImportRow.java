package dev.kassa.platform.imports;

import dev.kassa.platform.error.FieldErrors;
import dev.kassa.platform.error.Messages;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One row of an uploaded table, by field: text as the cell holds it, numbers with a decimal comma or point and spaces
 * between thousands ({@code 14 500,50}, {@code 14500.5}), yes/no in Russian or English. What cannot be read is kept
 * as a field error of the row ({@link #errors()}), which the handler adds to its own before refusing the row.
 */
public final class ImportRow {

    private static final Set<String> YES = Set.of("1", "true", "yes", "y", "да", "д", "+", "истина");
    private static final Set<String> NO = Set.of("0", "false", "no", "n", "нет", "н", "-", "ложь");

    private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);
    private static final DateTimeFormatter DOTTED =
            DateTimeFormatter.ofPattern("d.M.uuuu").withResolverStyle(ResolverStyle.STRICT);

    private final int number;
    private final Map<String, String> cells;
    private final FieldErrors errors = new FieldErrors();

    ImportRow(int number, Map<String, String> cells) {
        this.number = number;
        this.cells = cells;
    }

    /** The row's number as a spreadsheet shows it (the header is row 1). */
    public int number() {
        return number;
    }

    /** Whether the file has the field's column (an absent column changes nothing; an empty cell may clear). */
    public boolean has(String field) {
        return cells.containsKey(field);
    }

    /**
     * The cell's text without surrounding spaces; null when the column is absent or the cell empty. A control character
     * in it (a NUL, an ESC a till printer would take for its command) refuses the row on the field
     * ({@code validation.printable}); line breaks and tabs are left to the handler's rules for the field.
     */
    public String text(String field) {
        String value = cells.get(field);
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        errors.printable(field, trimmed, true);
        return trimmed.isEmpty() ? null : trimmed;
    }

    /** A number in either notation; null when empty, an error ({@code import.number}) when it is not a number. */
    public BigDecimal decimal(String field) {
        String value = text(field);
        if (value == null) {
            return null;
        }
        BigDecimal number = parseDecimal(value);
        if (number == null) {
            errors.add(field, "import.number", value);
        }
        return number;
    }

    /** Yes or no; null when empty, an error ({@code import.yes_no}) otherwise. */
    public Boolean flag(String field) {
        String value = text(field);
        if (value == null) {
            return null;
        }
        String v = value.toLowerCase(Locale.ROOT);
        if (YES.contains(v) || v.equals(Messages.get("export.true").toLowerCase(Locale.ROOT))) {
            return true;
        }
        if (NO.contains(v) || v.equals(Messages.get("export.false").toLowerCase(Locale.ROOT))) {
            return false;
        }
        errors.add(field, "import.yes_no", value);
        return null;
    }

    /**
     * A date as {@code 2026-11-27}, {@code 27.11.2026} or a workbook's date cell (days since 1899-12-30); null when empty,
     * an error ({@code import.date}) otherwise.
     */
    public LocalDate date(String field) {
        String value = text(field);
        if (value == null) {
            return null;
        }
        try {
            if (value.matches("\\d{1,6}")) {
                return EXCEL_EPOCH.plusDays(Long.parseLong(value));
            }
            if (value.matches("\\d{1,2}\\.\\d{1,2}\\.\\d{4}")) {
                return LocalDate.parse(value, DOTTED);
            }
            return LocalDate.parse(value.length() > 10 ? value.substring(0, 10) : value);
        } catch (DateTimeException e) {
            errors.add(field, "import.date", value);
            return null;
        }
    }

    /** What the row's cells could not be read as. */
    public FieldErrors errors() {
        return errors;
    }

    /** The longest number taken, signs, point and exponent included: a price or a quantity never needs more. */
    static final int MAX_NUMBER_LENGTH = 64;

    /**
     * {@code 14 500,50}, {@code 14500.50}, {@code 14,500.50} and {@code 14.500,50}: the last of a comma and a point is
     * the decimal separator when both appear; a lone comma is one too (Russian spreadsheets); spaces group thousands.
     * At most {@link #MAX_NUMBER_LENGTH} characters and an exponent of three digits: anything else is not a number.
     */
    static BigDecimal parseDecimal(String text) {
        String v = text.replace("\u00a0", "").replace("\u202f", "").replace(" ", "");
        int comma = v.lastIndexOf(',');
        int point = v.lastIndexOf('.');
        if (comma >= 0 && point >= 0) {
            v = comma > point ? v.replace(".", "").replace(',', '.') : v.replace(",", "");
        } else if (comma >= 0) {
            if (v.indexOf(',') != comma) {
                v = v.replace(",", "");
            } else {
                v = v.replace(',', '.');
            }
        }
        if (v.length() > MAX_NUMBER_LENGTH || !v.matches("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d{1,3})?")) {
            return null;
        }
        try {
            return new BigDecimal(v);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
