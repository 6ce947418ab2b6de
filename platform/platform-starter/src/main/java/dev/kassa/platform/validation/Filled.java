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
 * If given, not blank: a PATCH may leave a required field out, never blank it. With
 * {@code @Required(groups = Whole.class)} beside it the field is required in a whole record. Fails as
 * {@code validation.required}.
 */
@Documented
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = Filled.Validator.class)
public @interface Filled {
    String message() default "validation.required";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<Filled, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || !FieldErrors.blank(value);
        }
    }
}
