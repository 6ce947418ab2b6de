package dev.kassa.platform.error;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Collects per-field errors (message keys resolved in the caller's language); {@link #throwIfAny()} raises a 400 {@code invalid}. */
public final class FieldErrors {

    /** Uzbek phone numbers, as the seed documents require them (spec §2.2.1). */
    public static final Pattern PHONE = Pattern.compile("^\\+998\\d{9}$");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private final Map<String, List<String>> errors = new LinkedHashMap<>();

    public static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    /** Present, not blank, at most {@code maxLength} characters. */
    public FieldErrors required(String field, String value, int maxLength) {
        if (blank(value)) {
            return add(field, "validation.required");
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
        return !blank(value) && (value.length() > 254 || !EMAIL.matcher(value.trim()).matches()) ? add(field, "validation.email") : this;
    }

    /** A {@code YYYY-MM-DD} query value: null when blank, an error on {@code field} when it is not a date. */
    public java.time.LocalDate date(String field, String value) {
        if (blank(value)) {
            return null;
        }
        try {
            return java.time.LocalDate.parse(value.trim());
        } catch (java.time.format.DateTimeParseException e) {
            add(field, "validation.date");
            return null;
        }
    }

    /** An id sent as text (a form field): null with an error when blank ({@code validation.required}) or not a number. */
    public Long id(String field, String value) {
        if (blank(value)) {
            add(field, "validation.required");
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
    public static final java.math.BigDecimal MAX_AMOUNT = new java.math.BigDecimal("9999999999.99");

    /** A money amount: not negative, at most two decimals, at most {@link #MAX_AMOUNT}. */
    public static boolean isAmount(java.math.BigDecimal value) {
        return value != null && value.signum() >= 0 && value.stripTrailingZeros().scale() <= 2 && value.compareTo(MAX_AMOUNT) <= 0;
    }

    /** A money amount above zero ({@link #isAmount}). */
    public static boolean isPositiveAmount(java.math.BigDecimal value) {
        return isAmount(value) && value.signum() > 0;
    }

    /** A given amount that is not {@link #isAmount} is refused as {@code validation.not_negative}; none is fine. */
    public FieldErrors amount(String field, java.math.BigDecimal value) {
        return value == null || isAmount(value) ? this : add(field, "validation.not_negative");
    }

    public FieldErrors add(String field, String messageKey, Object... args) {
        errors.computeIfAbsent(field, f -> new ArrayList<>()).add(Messages.get(messageKey, args));
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
            throw KassaException.invalid(errors);
        }
    }

    public static KassaException single(String field, String messageKey, Object... args) {
        return KassaException.invalid(new FieldErrors().add(field, messageKey, args).asMap());
    }
}
