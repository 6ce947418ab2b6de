package dev.kassa.platform.validation;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kassa.platform.error.FieldErrors;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

/**
 * The declared rules of a {@link DomainValidated} request, checked where the domain checks the rest: {@link #check} answers
 * the broken ones as {@link FieldErrors} (named and worded as the error body names them) to which the domain adds its own
 * before {@link FieldErrors#throwIfAny()}.
 */
public class RequestRules {

    private final Validator validator;
    private final ConstraintMessages messages;

    public RequestRules(Validator validator, ObjectMapper json) {
        this.validator = validator;
        this.messages = new ConstraintMessages(json);
    }

    /** The rules {@code request}'s record declares that it breaks (none when it is null: the body is required elsewhere). */
    public FieldErrors check(Object request) {
        FieldErrors errors = new FieldErrors();
        if (request != null) {
            for (ConstraintViolation<Object> violation : validator.validate(request)) {
                ConstraintMessages.Translated t = messages.translate(violation);
                errors.add(t.field(), t.key(), t.args());
            }
        }
        return errors;
    }
}
