package dev.kassa.auth.registration;

import dev.kassa.platform.error.FieldErrors;

import java.util.Set;
import java.util.regex.Pattern;

/** Field rules shared by registration and, later, employee management (spec §2.2.1). */
public final class Validation {
    private Validation() { }

    public static final Pattern PHONE = Pattern.compile("^\\+998\\d{9}$");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Set<String> COMMON_PASSWORDS = Set.of("password", "password1", "password123", "12345678", "123456789",
            "1234567890", "qwerty123", "qwertyuiop", "11111111", "00000000", "iloveyou", "admin123", "welcome1", "abc12345",
            "sunshine", "princess", "football", "baseball", "letmein1", "passw0rd", "qwerty12", "1q2w3e4r", "zaq12wsx");

    public static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    public static void required(FieldErrors errors, String field, String value, int maxLength) {
        if (blank(value)) {
            errors.add(field, "validation.required");
        } else {
            maxLength(errors, field, value, maxLength);
        }
    }

    public static void maxLength(FieldErrors errors, String field, String value, int maxLength) {
        if (value != null && value.length() > maxLength) {
            errors.add(field, "validation.max_length", maxLength);
        }
    }

    public static void phone(FieldErrors errors, String field, String value) {
        if (!blank(value) && !PHONE.matcher(value.trim()).matches()) {
            errors.add(field, "validation.phone");
        }
    }

    public static void email(FieldErrors errors, String field, String value) {
        if (!blank(value) && (value.length() > 254 || !EMAIL.matcher(value.trim()).matches())) {
            errors.add(field, "validation.email");
        }
    }

    /** The rules the seed documents show: at least 8 characters, not a common password, not only digits. */
    public static void password(FieldErrors errors, String field, String password) {
        if (blank(password)) {
            errors.add(field, "validation.required");
            return;
        }
        if (password.length() < 8) {
            errors.add(field, "auth.password_too_short");
        }
        if (COMMON_PASSWORDS.contains(password.toLowerCase())) {
            errors.add(field, "auth.password_too_common");
        }
        if (password.chars().allMatch(Character::isDigit)) {
            errors.add(field, "auth.password_numeric");
        }
        maxLength(errors, field, password, 128);
    }
}
