package dev.kassa.platform.error;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Collects per-field errors (message keys resolved in the caller's language); {@link #throwIfAny()} raises a 400 {@code invalid}. */
public final class FieldErrors {

    /** Uzbek phone numbers, as the seed documents require them (spec §2.2.1). */
    public static final Pattern PHONE = Pattern.compile("^\\+998\\d{9}$");

    /**
     * The message of a field that must be given. A request declares what it always needs ({@code @Required}, with
     * {@code groups = Whole.class} for a create or a PUT, and {@code @Filled} for a PATCH); the domain says it through
     * {@link #required(String)} or {@link #missing(String)} only when the need depends on another field or on the stored
     * record (an attribute's value when its type is a number, one of a product or a barcode). Service code never spells
     * the key itself (an architecture rule).
     */
    public static final String REQUIRED = "validation.required";

    /** The message of a text with a control character ({@link #isPrintable(String, boolean)}). */
    public static final String PRINTABLE = "validation.printable";

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private final Map<String, List<String>> errors = new LinkedHashMap<>();
    /** The message keys of {@link #errors}, field by field in the same order: the stable codes of what is wrong. */
    private final Map<String, List<String>> keys = new LinkedHashMap<>();

    public static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    /** {@code field} must be given: a need that depends on another field or on the stored record. */
    public FieldErrors required(String field) {
        return add(field, REQUIRED);
    }

    /** The 400 of one field that must be given (as {@link #required(String)}), for a check that stops at the first. */
    public static KassaException missing(String field) {
        return single(field, REQUIRED);
    }

    /** Present and not blank (its length is a declared rule of the request: {@code @Size}). */
    public FieldErrors required(String field, String value) {
        return blank(value) ? add(field, REQUIRED) : this;
    }

    /** Present, not blank, at most {@code maxLength} characters. */
    public FieldErrors required(String field, String value, int maxLength) {
        if (blank(value)) {
            return add(field, REQUIRED);
        }
        return maxLength(field, value, maxLength);
    }

    public FieldErrors maxLength(String field, String value, int maxLength) {
        return value != null && value.length() > maxLength ? add(field, "validation.max_length", maxLength) : this;
    }

    /** If present: {@code +998XXXXXXXXX}. */
    public FieldErrors phone(String field, String value) {
        return !blank(value) && !PHONE.matcher(value.trim()).matches() ? add(field, "validation.phone") : this;
    }

    /** If present: a plausible e-mail address of at most 254 characters. */
    public FieldErrors email(String field, String value) {
        return !blank(value) && !isEmail(value) ? add(field, "validation.email") : this;
    }

    /** A plausible e-mail address ({@code name@domain.tld}) of at most 254 characters. */
    public static boolean isEmail(String value) {
        return value.length() <= 254 && EMAIL.matcher(value.trim()).matches();
    }

    /**
     * Text a till printer, a label or a PDF takes as it is written: no control character (C0, DEL, C1: a NUL, or an ESC
     * that would reach a printer's byte stream as its command, {@code ESC p} opening the cash drawer) and no half of a
     * surrogate pair; tab, line feed and carriage return only in {@code multiline} text (notes). Null passes. What an
     * import row, a sync or an offline upload writes is checked with it too ({@code @PrintableText} on a request).
     */
    public static boolean isPrintable(String value, boolean multiline) {
        if (value == null) {
            return true;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c)) {
                if (!multiline || (c != '\t' && c != '\n' && c != '\r')) {
                    return false;
                }
            } else if (Character.isHighSurrogate(c)
                    && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /** A name or a line of text ({@link #isPrintable(String, boolean)} without tabs and line breaks). */
    public static boolean isPrintable(String value) {
        return isPrintable(value, false);
    }

    /** If present: one line of printable text ({@link #isPrintable(String)}), else {@code validation.printable}. */
    public FieldErrors printable(String field, String value) {
        return printable(field, value, false);
    }

    /** If present: printable text, lines and tabs allowed when {@code multiline}, else {@code validation.printable}. */
    public FieldErrors printable(String field, String value, boolean multiline) {
        return isPrintable(value, multiline) ? this : add(field, PRINTABLE);
    }

    /** A {@code YYYY-MM-DD} query value: null when blank, an error on {@code field} when it is not a date. */
    public LocalDate date(String field, String value) {
        if (blank(value)) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            add(field, "validation.date");
            return null;
        }
    }

    /**
     * An ISO date-time: with an offset, or without one meaning local time in {@code zone} (the web client sends those);
     * null when blank, an error ({@code validation.datetime}) when it is not a date-time.
     */
    public Instant dateTime(String field, String value, ZoneId zone) {
        if (blank(value)) {
            return null;
        }
        String v = value.trim();
        try {
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException withoutOffset) {
            try {
                return LocalDateTime.parse(v).atZone(zone).toInstant();
            } catch (DateTimeParseException e) {
                add(field, "validation.datetime");
                return null;
            }
        }
    }

    /** An id sent as text (a form field): null with an error when blank ({@code validation.required}) or not a number. */
    public Long id(String field, String value) {
        if (blank(value)) {
            add(field, REQUIRED);
            return null;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            add(field, "validation.number");
            return null;
        }
    }

    /** The largest amount of money Kassa stores ({@code numeric(12, 2)}). */
    public static final BigDecimal MAX_AMOUNT = new BigDecimal("9999999999.99");

    /** A money amount: not negative, at most two decimals, at most {@link #MAX_AMOUNT}. */
    public static boolean isAmount(BigDecimal value) {
        return value != null
                && value.signum() >= 0
                && value.stripTrailingZeros().scale() <= 2
                && value.compareTo(MAX_AMOUNT) <= 0;
    }

    /** A money amount above zero ({@link #isAmount}). */
    public static boolean isPositiveAmount(BigDecimal value) {
        return isAmount(value) && value.signum() > 0;
    }

    /** A given amount that is not {@link #isAmount} is refused as {@code validation.not_negative}; none is fine. */
    public FieldErrors amount(String field, BigDecimal value) {
        return value == null || isAmount(value) ? this : add(field, "validation.not_negative");
    }

    /** The largest quantity Kassa stores ({@code numeric(12, 3)}): stock, a batch, an adjustment. */
    public static final BigDecimal MAX_QUANTITY = new BigDecimal("999999999");

    /** The largest quantity of one line of a sale, and so of its hold in catalog. */
    public static final BigDecimal MAX_LINE_QUANTITY = new BigDecimal("999999");

    /** A quantity counted to thousandths (grams of a kilogram): not negative, at most three decimals, at most {@code max}. */
    public static boolean isQuantity(BigDecimal value, BigDecimal max) {
        return value != null
                && value.signum() >= 0
                && value.stripTrailingZeros().scale() <= 3
                && value.compareTo(max) <= 0;
    }

    /**
     * A quantity above zero ({@link #isQuantity}): none is {@code validation.required}, zero or less
     * {@code validation.positive}, finer than thousandths or above {@code max} {@code validation.invalid}.
     */
    public FieldErrors positiveQuantity(String field, BigDecimal value, BigDecimal max) {
        if (value == null) {
            return add(field, REQUIRED);
        }
        if (value.signum() <= 0) {
            return add(field, "validation.positive");
        }
        return isQuantity(value, max) ? this : add(field, "validation.invalid");
    }

    /** A given quantity that may be zero: negative is {@code validation.not_negative}, otherwise as {@link #positiveQuantity}; none is fine. */
    public FieldErrors quantity(String field, BigDecimal value, BigDecimal max) {
        if (value == null || isQuantity(value, max)) {
            return this;
        }
        return add(field, value.signum() < 0 ? "validation.not_negative" : "validation.invalid");
    }

    /** Adds a message to the field's; the same message twice (two rules that say "required") is said once. */
    public FieldErrors add(String field, String messageKey, Object... args) {
        List<String> messages = errors.computeIfAbsent(field, f -> new ArrayList<>());
        String message = Messages.get(messageKey, args);
        if (!messages.contains(message)) {
            messages.add(message);
            keys.computeIfAbsent(field, f -> new ArrayList<>()).add(messageKey);
        }
        return this;
    }

    public boolean has(String field) {
        return errors.containsKey(field);
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    public Map<String, List<String>> asMap() {
        return errors;
    }

    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw KassaException.invalid(errors, keys);
        }
    }

    /** What {@link #throwIfAny()} would throw, for one of many checked together; null when nothing is wrong. */
    public KassaException refusal() {
        return errors.isEmpty() ? null : KassaException.invalid(errors, keys);
    }

    public static KassaException single(String field, String messageKey, Object... args) {
        FieldErrors one = new FieldErrors().add(field, messageKey, args);
        return KassaException.invalid(one.errors, one.keys);
    }
}
