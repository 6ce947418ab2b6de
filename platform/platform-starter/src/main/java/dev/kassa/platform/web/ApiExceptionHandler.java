package dev.kassa.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.kassa.platform.error.ErrorBody;
import dev.kassa.platform.error.FieldErrors;
import dev.kassa.platform.error.KassaException;
import dev.kassa.platform.error.PlatformErrors;
import dev.kassa.platform.validation.ConstraintMessages;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.MethodParameter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingPathVariableException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static dev.kassa.platform.validation.ConstraintMessages.snake;

/** Maps every exception a controller can raise to the single error body (brief §7). */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    private final ErrorResponses errors;
    private final ConstraintMessages constraints;

    public ApiExceptionHandler(ErrorResponses errors, ObjectMapper json) {
        this.errors = errors;
        this.constraints = new ConstraintMessages(json);
    }

    @ExceptionHandler(KassaException.class)
    ResponseEntity<Map<String, Object>> domain(KassaException e) {
        Map<String, Object> json = errors.body(e);
        ResponseEntity.BodyBuilder response = ResponseEntity.status(e.status()).contentType(MediaType.APPLICATION_JSON);
        // a refusal that lifts after a while (throttling, lockouts) says when: Retry-After in seconds
        if (e.details().get("retry_after") instanceof Number seconds) {
            response.header(HttpHeaders.RETRY_AFTER, String.valueOf(seconds.longValue()));
        }
        return response.body(json);
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ErrorBody> invalid(MethodArgumentNotValidException e) {
        if (!e.getParameter().hasParameterAnnotation(RequestBody.class)) {
            // a query's parameters read into one record (a list's filters): a value of the wrong type is refused as it
            // is
            // for a single parameter
            for (FieldError error : e.getBindingResult().getFieldErrors()) {
                if (error.isBindingFailure()) {
                    String name = snake(error.getField());
                    return respond(
                            HttpStatus.BAD_REQUEST,
                            errors.body(
                                    PlatformErrors.INVALID_PARAMETER,
                                    new Object[] {name},
                                    Map.of(name, List.of(errors.message("validation.invalid")))));
                }
            }
        }
        Map<String, List<String>> fields = new LinkedHashMap<>();
        for (ObjectError error : e.getBindingResult().getAllErrors()) {
            if (error.contains(ConstraintViolation.class)) {
                add(fields, constraints.translate(error.unwrap(ConstraintViolation.class)));
            } else {
                String field = error instanceof FieldError fe ? snake(fe.getField()) : "non_field_errors";
                fields.computeIfAbsent(field, k -> new ArrayList<>()).add(errors.message("validation.invalid"));
            }
        }
        return respond(HttpStatus.BAD_REQUEST, errors.body(PlatformErrors.INVALID, null, fields));
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<ErrorBody> invalidParameters(HandlerMethodValidationException e) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        for (ParameterValidationResult result : e.getParameterValidationResults()) {
            MethodParameter parameter = result.getMethodParameter();
            String name = parameter.hasParameterAnnotation(RequestBody.class) || boundFromQuery(parameter)
                    ? null
                    : requestName(parameter);
            for (MessageSourceResolvable error : result.getResolvableErrors()) {
                ConstraintViolation<?> violation = violation(result, error);
                if (violation != null) {
                    add(fields, constraints.translate(violation, name, parameter.getParameterType()));
                } else {
                    fields.computeIfAbsent(name == null ? "non_field_errors" : name, k -> new ArrayList<>())
                            .add(errors.message("validation.invalid"));
                }
            }
        }
        return respond(HttpStatus.BAD_REQUEST, errors.body(PlatformErrors.INVALID, null, fields));
    }

    /** A field's message, said once however many rules say it (a blank required field of a Whole record). */
    private void add(Map<String, List<String>> fields, ConstraintMessages.Translated error) {
        List<String> messages = fields.computeIfAbsent(error.field(), k -> new ArrayList<>());
        String message = errors.message(error.key(), error.args());
        if (!messages.contains(message)) {
            messages.add(message);
        }
    }

    private static ConstraintViolation<?> violation(ParameterValidationResult result, MessageSourceResolvable error) {
        try {
            return result.unwrap(error, ConstraintViolation.class);
        } catch (IllegalArgumentException notOne) {
            return null;
        }
    }

    /** A parameter as the request names it: {@code @RequestParam("page_size")}, else its own name in snake case. */
    /** A record the query's parameters are read into (a list's filters): its fields are named as the query names them. */
    private static boolean boundFromQuery(MethodParameter parameter) {
        return parameter.hasParameterAnnotation(ParameterObject.class)
                || parameter.hasParameterAnnotation(ModelAttribute.class);
    }

    private static String requestName(MethodParameter parameter) {
        RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
        if (param != null && !param.name().isEmpty()) {
            return param.name();
        }
        PathVariable path = parameter.getParameterAnnotation(PathVariable.class);
        if (path != null && !path.name().isEmpty()) {
            return path.name();
        }
        return parameter.getParameterName() == null ? "non_field_errors" : snake(parameter.getParameterName());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<?> unreadable(HttpMessageNotReadableException e) {
        // a named error raised while the body was read (JSON binding wraps it): that error, not "unreadable" (a body
        // beyond the size limit: RequestSizeFilter)
        for (Throwable t = e.getCause(); t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof KassaException named) {
                return domain(named);
            }
        }
        Throwable cause = e.getCause();
        if (cause instanceof MismatchedInputException mie && !mie.getPath().isEmpty()) {
            String field = mie.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : String.valueOf(ref.getIndex()))
                    .collect(Collectors.joining("."));
            String key = cause instanceof InvalidFormatException ife
                            && ife.getTargetType() != null
                            && Number.class.isAssignableFrom(ife.getTargetType())
                    ? "validation.number"
                    : "validation.type";
            return respond(
                    HttpStatus.BAD_REQUEST,
                    errors.body(PlatformErrors.INVALID, null, Map.of(field, List.of(errors.message(key)))));
        }
        return respond(HttpStatus.BAD_REQUEST, errors.body(PlatformErrors.PARSE_ERROR, null, Map.of()));
    }

    /**
     * A word where a path expects an id ({@code customers/top} before it exists, {@code stores/abc}) names no resource:
     * 404 {@code not_found}, as for an unknown route; a query parameter of the wrong type is the caller's mistake: 400.
     */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ErrorBody> typeMismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        if (e.getParameter().hasParameterAnnotation(PathVariable.class)) {
            return respond(
                    HttpStatus.NOT_FOUND,
                    errors.body(PlatformErrors.ROUTE_NOT_FOUND, new Object[] {request.getRequestURI()}, Map.of()));
        }
        return respond(
                HttpStatus.BAD_REQUEST,
                errors.body(
                        PlatformErrors.INVALID_PARAMETER,
                        new Object[] {e.getName()},
                        Map.of(e.getName(), List.of(errors.message("validation.invalid")))));
    }

    /**
     * A path segment that converts to nothing where an id goes ({@code imports/%20}: a blank UUID): the id is malformed,
     * 400 naming it. A variable the mapping lacks altogether is a defect of the service, not of the request.
     */
    @ExceptionHandler(MissingPathVariableException.class)
    ResponseEntity<ErrorBody> blankPathVariable(MissingPathVariableException e, HttpServletRequest request) {
        if (!e.isMissingAfterConversion()) {
            return unexpected(e);
        }
        return respond(
                HttpStatus.BAD_REQUEST,
                errors.body(
                        PlatformErrors.INVALID_PARAMETER,
                        new Object[] {e.getVariableName()},
                        Map.of(e.getVariableName(), List.of(errors.message("validation.invalid")))));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ErrorBody> missingParameter(MissingServletRequestParameterException e) {
        return respond(
                HttpStatus.BAD_REQUEST,
                errors.body(
                        PlatformErrors.MISSING_PARAMETER,
                        new Object[] {e.getParameterName()},
                        Map.of(e.getParameterName(), List.of(errors.message("validation.required")))));
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    ResponseEntity<ErrorBody> missingHeader(MissingRequestHeaderException e) {
        return respond(
                HttpStatus.BAD_REQUEST,
                errors.body(PlatformErrors.MISSING_HEADER, new Object[] {e.getHeaderName()}, Map.of()));
    }

    @ExceptionHandler({NoResourceFoundException.class, NoHandlerFoundException.class})
    ResponseEntity<ErrorBody> noRoute(Exception e) {
        String path = e instanceof NoResourceFoundException nr
                ? "/" + nr.getResourcePath()
                : ((NoHandlerFoundException) e).getRequestURL();
        return respond(
                HttpStatus.NOT_FOUND, errors.body(PlatformErrors.ROUTE_NOT_FOUND, new Object[] {path}, Map.of()));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ErrorBody> method(HttpRequestMethodNotSupportedException e) {
        return respond(
                HttpStatus.METHOD_NOT_ALLOWED,
                errors.body(PlatformErrors.METHOD_NOT_ALLOWED, new Object[] {e.getMethod()}, Map.of()));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ErrorBody> mediaType(HttpMediaTypeNotSupportedException e) {
        return respond(
                HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                errors.body(
                        PlatformErrors.UNSUPPORTED_MEDIA_TYPE,
                        new Object[] {String.valueOf(e.getContentType())},
                        Map.of()));
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<ErrorBody> notAcceptable(HttpMediaTypeNotAcceptableException e) {
        return respond(HttpStatus.NOT_ACCEPTABLE, errors.body(PlatformErrors.NOT_ACCEPTABLE, null, Map.of()));
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ErrorBody> tooLarge(MaxUploadSizeExceededException e) {
        return respond(HttpStatus.PAYLOAD_TOO_LARGE, errors.body(PlatformErrors.PAYLOAD_TOO_LARGE, null, Map.of()));
    }

    @ExceptionHandler({AccessDeniedException.class, AuthorizationDeniedException.class})
    ResponseEntity<ErrorBody> denied(Exception e) {
        return respond(HttpStatus.FORBIDDEN, errors.body(PlatformErrors.PERMISSION_DENIED, null, Map.of()));
    }

    @ExceptionHandler({OptimisticLockingFailureException.class, PessimisticLockingFailureException.class})
    ResponseEntity<ErrorBody> concurrent(Exception e) {
        log.info("Concurrent modification: {}", e.getMessage());
        return respond(HttpStatus.CONFLICT, errors.body(PlatformErrors.CONFLICT, null, Map.of()));
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<ErrorBody> integrity(DataIntegrityViolationException e) {
        if (unstorableCharacter(e)) {
            // a NUL (or a character the database cannot hold) in a text no declared rule names: the caller's input
            return respond(
                    HttpStatus.BAD_REQUEST,
                    errors.body(
                            PlatformErrors.INVALID,
                            null,
                            Map.of("non_field_errors", List.of(errors.message(FieldErrors.PRINTABLE)))));
        }
        log.warn("Data integrity violation", e);
        return respond(HttpStatus.CONFLICT, errors.body(PlatformErrors.CONFLICT, null, Map.of()));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ErrorBody> unexpected(Exception e) {
        if (DatabaseFailures.isUnavailable(e)) {
            return databaseUnavailable(e);
        }
        log.error("Unexpected error", e);
        return respond(HttpStatus.INTERNAL_SERVER_ERROR, errors.body(PlatformErrors.INTERNAL_ERROR, null, Map.of()));
    }

    /** The database is away for a moment (restarting, failing over, a connection cut): 503 and a retry in a second, no stack trace. */
    private ResponseEntity<ErrorBody> databaseUnavailable(Exception e) {
        log.warn("Database unavailable: {}", e.toString());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .contentType(MediaType.APPLICATION_JSON)
                .header("Retry-After", "1")
                .body(errors.body(PlatformErrors.DATABASE_UNAVAILABLE, null, Map.of()));
    }

    /** PostgreSQL's "character not permitted" (a NUL: 22021) or "untranslatable character" (22P05). */
    private static boolean unstorableCharacter(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.sql.SQLException sql
                    && ("22021".equals(sql.getSQLState()) || "22P05".equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The error body as JSON whatever the request accepted: a refused live stream ({@code Accept: text/event-stream}, as a
     * browser's EventSource sends) gets it too, not a 500 for want of a converter.
     */
    private static ResponseEntity<ErrorBody> respond(HttpStatus status, ErrorBody body) {
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_JSON)
                .body(body);
    }
}
