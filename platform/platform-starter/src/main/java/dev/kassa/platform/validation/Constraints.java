package dev.kassa.platform.validation;

import jakarta.validation.ConstraintValidatorContext;

/** What the platform's validators share. */
final class Constraints {
    private Constraints() {}

    /** Fails the value with the message key {@code key} instead of the constraint's own (a validator that knows why). */
    static boolean fail(ConstraintValidatorContext context, String key) {
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate(key).addConstraintViolation();
        return false;
    }
}
