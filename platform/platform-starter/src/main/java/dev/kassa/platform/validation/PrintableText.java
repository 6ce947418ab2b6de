package dev.kassa.platform.validation;

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

/**
 * If given: text a receipt, a label, a report or a PDF prints as it is written, without control characters (a NUL, or an
 * ESC that a till printer would take as its command: {@code ESC p} opens the cash drawer) or half of a surrogate pair;
 * tab and line breaks only when {@code multiline} (notes, a description). Every name and text a printer renders declares
 * it; an import row, a sync or an offline upload checks the same with {@link FieldErrors#isPrintable(String, boolean)}.
 * Fails as {@code validation.printable}.
 */
@Documented
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = PrintableText.Validator.class)
public @interface PrintableText {
    String message() default FieldErrors.PRINTABLE;

    /** Whether tabs and line breaks are allowed (text of several lines: notes, a description). */
    boolean multiline() default false;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<PrintableText, String> {
        private boolean multiline;

        @Override
        public void initialize(PrintableText constraint) {
            multiline = constraint.multiline();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return FieldErrors.isPrintable(value, multiline);
        }
    }
}
