package dev.kassa.platform.validation;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kassa.platform.error.FieldErrors;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.groups.Default;

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
        return check(request, false);
    }

    /**
     * The same, for a whole record ({@code whole}: a create or a PUT) also the rules of the group {@link Whole} (its
     * {@code @Required(groups = Whole.class)} fields), which a PATCH may leave out.
     */
    public FieldErrors check(Object request, boolean whole) {
        return check(request, whole ? Whole.class : Default.class);
    }

    /** The same, for the rules of {@code group} ({@link Create}, {@link Whole} or {@link Default}) and the groups it extends. */
    public FieldErrors check(Object request, Class<?> group) {
        FieldErrors errors = new FieldErrors();
        if (request != null) {
            for (ConstraintViolation<Object> violation : validator.validate(request, group)) {
                ConstraintMessages.Translated t = messages.translate(violation);
                errors.add(t.field(), t.key(), t.args());
            }
        }
        return errors;
    }
}
