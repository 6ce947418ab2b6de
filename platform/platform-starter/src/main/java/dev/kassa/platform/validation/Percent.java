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
import java.math.BigDecimal;

/** If given: a percentage from 0 to 100 with at most two decimals (a discount); fails as {@code validation.percent}. */
@Documented
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = Percent.Validator.class)
public @interface Percent {
    String message() default "validation.percent";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<Percent, BigDecimal> {
        private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

        @Override
        public boolean isValid(BigDecimal value, ConstraintValidatorContext context) {
            return value == null
                    || (value.signum() >= 0
                            && value.compareTo(HUNDRED) <= 0
                            && value.stripTrailingZeros().scale() <= 2);
        }
    }
}
