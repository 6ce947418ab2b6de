package dev.kassa.catalog.catalogue.product;

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
 * If given: a tax rate from 0 to 100 percent ({@code validation.invalid}); finer than cents it is rounded, not refused
 * (the platform's {@code @Percent} refuses it, as {@code validation.percent}).
 */
@Documented
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = TaxRate.Validator.class)
@interface TaxRate {
    String message() default "validation.invalid";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<TaxRate, BigDecimal> {
        private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

        @Override
        public boolean isValid(BigDecimal value, ConstraintValidatorContext context) {
            return value == null || (value.signum() >= 0 && value.compareTo(HUNDRED) <= 0);
        }
    }
}
