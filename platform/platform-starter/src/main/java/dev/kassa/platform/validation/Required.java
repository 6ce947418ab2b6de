package dev.kassa.platform.validation;

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
 * Present (text: not blank), in the groups named: {@code @Required(groups = Whole.class)} is a field a create or a PUT needs
 * and a PATCH may leave out. Unlike {@code @NotNull(groups = …)}, which the OpenAPI generator publishes as required
 * whatever its group, it leaves the one schema of a create and a PATCH as it is. Fails as {@code validation.required}.
 */
@Documented
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = Required.Validator.class)
public @interface Required {
    String message() default "validation.required";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<Required, Object> {
        @Override
        public boolean isValid(Object value, ConstraintValidatorContext context) {
            return value != null
                    && !(value instanceof CharSequence text && text.toString().isBlank());
        }
    }
}
