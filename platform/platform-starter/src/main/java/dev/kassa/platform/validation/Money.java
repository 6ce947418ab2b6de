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
import java.math.BigDecimal;

/**
 * If given: an amount of money Kassa can store: not negative (above zero with {@code positive}; either sign but not zero
 * with {@code nonZero}, a correction), at most two decimals, at most {@link FieldErrors#MAX_AMOUNT} either way. Fails as
 * {@code validation.not_negative}, or {@code validation.positive} for zero where a positive amount is required, or
 * {@code validation.invalid} for a correction, unless a message is given; beyond the bound always as {@code validation.max}
 * (with the bound). Absent passes: add {@code @NotNull} where it is
 * required.
 */
@Documented
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = Money.Validator.class)
public @interface Money {
    boolean positive() default false;

    boolean nonZero() default false;

    String message() default "";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<Money, BigDecimal> {
        private boolean positive;
        private boolean nonZero;
        private String message;

        @Override
        public void initialize(Money constraint) {
            positive = constraint.positive();
            nonZero = constraint.nonZero();
            message = constraint.message();
        }

        @Override
        public boolean isValid(BigDecimal value, ConstraintValidatorContext context) {
            if (value != null && value.abs().compareTo(FieldErrors.MAX_AMOUNT) > 0) {
                // beyond what Kassa stores, whatever else the field's message says: the answer names the bound
                return Constraints.fail(context, "validation.max");
            }
            if (value == null
                    || (nonZero
                            ? value.signum() != 0 && FieldErrors.isAmount(value.abs())
                            : positive ? FieldErrors.isPositiveAmount(value) : FieldErrors.isAmount(value))) {
                return true;
            }
            String key = !message.isEmpty()
                    ? message
                    : nonZero
                            ? "validation.invalid"
                            : positive && value.signum() == 0 ? "validation.positive" : "validation.not_negative";
            return Constraints.fail(context, key);
        }
    }
}
