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
 * If given: a quantity counted to thousandths (grams of a kilogram), not negative (above zero with {@code positive}), at
 * most the largest a {@link Max line of a sale or a stock figure} holds. Fails as {@code validation.positive} (zero or less
 * where a positive quantity is required), {@code validation.not_negative}, {@code validation.invalid} (finer than
 * thousandths) or {@code validation.max} with the bound (too large). Absent passes: add {@code @NotNull} where it is required.
 */
@Documented
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = Quantity.Validator.class)
public @interface Quantity {
    /** The largest quantity a field may hold. */
    enum Max {
        /** One line of a sale, and so its hold in catalog ({@link FieldErrors#MAX_LINE_QUANTITY}). */
        LINE(FieldErrors.MAX_LINE_QUANTITY),
        /** Stock, a batch, an adjustment ({@link FieldErrors#MAX_QUANTITY}). */
        STOCK(FieldErrors.MAX_QUANTITY);

        final BigDecimal value;

        Max(BigDecimal value) {
            this.value = value;
        }

        /** The largest quantity itself. */
        public BigDecimal value() {
            return value;
        }
    }

    boolean positive() default false;

    Max max() default Max.STOCK;

    String message() default "";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<Quantity, BigDecimal> {
        private boolean positive;
        private BigDecimal max;
        private String message;

        @Override
        public void initialize(Quantity constraint) {
            positive = constraint.positive();
            max = constraint.max().value;
            message = constraint.message();
        }

        @Override
        public boolean isValid(BigDecimal value, ConstraintValidatorContext context) {
            if (value == null || (FieldErrors.isQuantity(value, max) && (!positive || value.signum() > 0))) {
                return true;
            }
            if (value.compareTo(max) > 0) {
                // beyond the bound, whatever else the field's message says: the answer names it
                return Constraints.fail(context, "validation.max");
            }
            String key = !message.isEmpty()
                    ? message
                    : positive && value.signum() <= 0
                            ? "validation.positive"
                            : value.signum() < 0 ? "validation.not_negative" : "validation.invalid";
            return Constraints.fail(context, key);
        }
    }
}
