package dev.kassa.analytics.webhook;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;

/** If given: at least one event type, each one a store can subscribe to ({@link WebhookEvent}); a null in the list is not one. */
@Documented
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = EventTypes.Validator.class)
@interface EventTypes {
    String message() default "webhooks.event_types_invalid";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<EventTypes, List<String>> {
        @Override
        public boolean isValid(List<String> types, ConstraintValidatorContext context) {
            return types == null
                    || (!types.isEmpty() && types.stream().allMatch(t -> t != null && WebhookEvent.offered(t)));
        }
    }
}
