package dev.kassa.platform.validation;

import dev.kassa.platform.data.Values;
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
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * If given and not blank: a calendar date as {@code YYYY-MM-DD} sent as text (the original's forms send {@code ""} for
 * none, which a {@link LocalDate} field would refuse); fails as {@code validation.date}.
 */
@Documented
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = IsoDate.Validator.class)
public @interface IsoDate {
    String message() default "validation.date";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<IsoDate, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (FieldErrors.blank(value)) {
                return true;
            }
            try {
                Values.isoDate(value);
                return true;
            } catch (DateTimeParseException e) {
                return false;
            }
        }
    }
}
