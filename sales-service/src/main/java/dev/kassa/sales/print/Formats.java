package dev.kassa.sales.print;

import org.springframework.context.i18n.LocaleContextHolder;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Amounts, quantities and times as a printout shows them in the caller's language: {@code 12 500,00} in Russian,
 * {@code 12,500.00} in English (an ordinary space between thousands, which every printer's code page has), times in the
 * store's time zone.
 */
public final class Formats {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

    private Formats() {}

    /** An amount as the store reads it: {@code 12 500,00} (in English {@code 12,500.00}). */
    public static String money(BigDecimal amount) {
        return amount == null ? "" : format(amount.setScale(2, RoundingMode.HALF_UP), "#,##0.00");
    }

    /** A quantity without trailing zeros: {@code 2}, {@code 0,35}. */
    static String quantity(BigDecimal quantity) {
        return quantity == null ? "" : format(quantity, "#,##0.###");
    }

    static String time(Instant at, ZoneId zone) {
        return at == null ? "" : TIME.format(at.atZone(zone));
    }

    private static String format(BigDecimal value, String pattern) {
        boolean english = "en".equals(LocaleContextHolder.getLocale().getLanguage());
        DecimalFormatSymbols symbols = new DecimalFormatSymbols();
        symbols.setGroupingSeparator(english ? ',' : ' ');
        symbols.setDecimalSeparator(english ? '.' : ',');
        symbols.setMinusSign('-');
        return new DecimalFormat(pattern, symbols).format(value);
    }
}
