package dev.kassa.auth.account;

import dev.kassa.platform.error.FieldErrors;

import java.security.SecureRandom;
import java.util.Set;

import static dev.kassa.platform.error.FieldErrors.blank;

/** Password rules shared by registration and, later, employee management (spec §2.2.1). */
public final class PasswordRules {
    private PasswordRules() {}

    private static final Set<String> COMMON_PASSWORDS = Set.of(
            "password",
            "password1",
            "password123",
            "12345678",
            "123456789",
            "1234567890",
            "qwerty123",
            "qwertyuiop",
            "11111111",
            "00000000",
            "iloveyou",
            "admin123",
            "welcome1",
            "abc12345",
            "sunshine",
            "princess",
            "football",
            "baseball",
            "letmein1",
            "passw0rd",
            "qwerty12",
            "1q2w3e4r",
            "zaq12wsx");

    private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * A password for an employee when the owner sets none: 12 characters without look-alikes (no 0/O, 1/l/I), with a
     * letter and a digit, so it passes {@link #password} and can be read out to a cashier.
     */
    public static String generate() {
        while (true) {
            StringBuilder b = new StringBuilder(12);
            for (int i = 0; i < 12; i++) {
                b.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
            }
            String candidate = b.toString();
            if (candidate.chars().anyMatch(Character::isDigit)
                    && candidate.chars().anyMatch(Character::isLetter)) {
                return candidate;
            }
        }
    }

    /** The rules the seed documents show: at least 8 characters, not a common password, not only digits. */
    public static void password(FieldErrors errors, String field, String password) {
        if (blank(password)) {
            errors.required(field);
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
        errors.maxLength(field, password, 128);
    }
}
