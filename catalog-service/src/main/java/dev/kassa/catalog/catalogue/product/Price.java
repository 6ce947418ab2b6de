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
import java.math.BigDecimal;

/**
 * If given: a product's price, not negative ({@code validation.not_negative}) and an amount Kassa stores, at most two
 * decimals and at most {@link FieldErrors#MAX_AMOUNT} ({@code validation.invalid}). Unlike the platform's {@code
 * @Money}, which names every failure {@code validation.not_negative}, the product form has always told the two apart.
 */
@Documented
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = Price.Validator.class)
@interface Price {
    String message() default "validation.invalid";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<Price, BigDecimal> {
        @Override
        public boolean isValid(BigDecimal value, ConstraintValidatorContext context) {
            if (value == null || FieldErrors.isAmount(value)) {
                return true;
            }
            if (value.signum() < 0) {
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate("validation.not_negative")
                        .addConstraintViolation();
            }
            return false;
        }
    }
}
