package dev.kassa.sales.shift;

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
 * A cash movement's reason that a person may give ({@link CashMovementKind.Reason#byHand}): not the ones Kassa records
 * itself (an owner's withdrawal, a debt payment). Fails as {@code sales.movement_reason_invalid}.
 */
@Documented
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ReasonByHand.Validator.class)
@interface ReasonByHand {
    String message() default "sales.movement_reason_invalid";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<ReasonByHand, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return CashMovementKind.Reason.of(value).filter(r -> r.byHand).isPresent();
        }
    }
}
