package dev.kassa.platform.export;

import dev.kassa.platform.data.Coded;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

/**
 * How a cell's value reads as text (a CSV cell): amounts ({@code BigDecimal}) plain (never 1E+3), with a decimal comma
 * in Russian, counts as they are; times as
 * local date and time in the store's zone; yes and no in the caller's words; text that begins with {@code =}, {@code +},
 * {@code -}, {@code @}, a tab or a carriage return behind a {@code '}, so a spreadsheet shows it instead of running it.
 */
record Cells(ZoneId zone, boolean decimalPoint, String yes, String no) {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof BigDecimal d) {
            return decimal(d.toPlainString());
        }
        if (value instanceof Number n) {
            return n.toString();
        }
        if (value instanceof Boolean b) {
            return b ? yes : no;
        }
        if (value instanceof Instant t) {
            return TIME.format(local(t));
        }
        if (value instanceof LocalDate d) {
            return d.toString();
        }
        if (value instanceof Coded coded) {
            return coded.code();
        }
        return defused(value.toString());
    }

    LocalDateTime local(Instant t) {
        return LocalDateTime.ofInstant(t, zone);
    }

    private String decimal(String plain) {
        return decimalPoint ? plain : plain.replace('.', ',');
    }

    /**
     * Text a spreadsheet would take for a formula, kept as text (OWASP's CSV injection advice): what begins with {@code =},
     * {@code @}, a tab or a carriage return, and what begins with {@code +} or {@code -} unless it is a plain number or a
     * phone number ({@code +998 90 123-45-67}, {@code -12.5}), which a spreadsheet can only read as a number.
     */
    static String defused(String text) {
        if (text.isEmpty()) {
            return text;
        }
        char first = text.charAt(0);
        boolean formula = first == '='
                || first == '@'
                || first == '\t'
                || first == '\r'
                || ((first == '+' || first == '-') && !NUMBER.matcher(text).matches());
        return formula ? "'" + text : text;
    }

    /** A signed number or a phone number: digits with spaces, dots, commas, brackets and hyphens between them. */
    private static final Pattern NUMBER = Pattern.compile("[+-][0-9 .,()\\-]*");
}
