package dev.kassa.platform.validation;

import dev.kassa.platform.data.Coded;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * If given: one of a closed set of words, exactly as the API spells them, the set named either by its {@code values} or by
 * an enum: the codes of a {@link Coded} enum ({@code "cash"} for {@code CASH}, {@code "a4-40"} for a template that spells
 * its own), the constants in lower case of any other. Fails as {@code validation.invalid} unless a message is given.
 */
@Documented
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = OneOf.Validator.class)
public @interface OneOf {
    String[] values() default {};

    Class<? extends Enum<?>> of() default None.class;

    String message() default "validation.invalid";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** No enum: the words are {@code values}. */
    enum None {}

    class Validator implements ConstraintValidator<OneOf, String> {
        private Set<String> words;

        @Override
        public void initialize(OneOf constraint) {
            words = constraint.of() == None.class
                    ? Set.of(constraint.values())
                    : Arrays.stream(constraint.of().getEnumConstants())
                            .map(c -> c instanceof Coded coded
                                    ? coded.code()
                                    : c.name().toLowerCase(Locale.ROOT))
                            .collect(Collectors.toUnmodifiableSet());
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || words.contains(value);
        }
    }
}
