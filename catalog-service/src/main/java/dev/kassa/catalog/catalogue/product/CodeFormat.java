package dev.kassa.catalog.catalogue.product;

import dev.kassa.platform.error.FieldErrors;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.regex.Pattern;

/**
 * If given: a code a person types or scans (an extra barcode), trimmed: not blank ({@code validation.required}), up to
 * 100 Latin letters, digits, {@code .}, {@code _} or {@code -} ({@code catalog.barcode_invalid}). A product's own SKU
 * and barcode follow {@link #PATTERN} too, checked beside whether they are taken.
 */
@Documented
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = CodeFormat.Validator.class)
@interface CodeFormat {
    /** What a code may be once trimmed. */
    Pattern PATTERN = Pattern.compile("^[A-Za-z0-9._-]{1,100}$");

    String message() default "catalog.barcode_invalid";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<CodeFormat, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            String code = value.trim();
            if (FieldErrors.blank(code)) {
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate(FieldErrors.REQUIRED)
                        .addConstraintViolation();
                return false;
            }
            return PATTERN.matcher(code).matches();
        }
    }
}
