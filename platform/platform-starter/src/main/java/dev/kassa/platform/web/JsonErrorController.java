package dev.kassa.platform.web;

import dev.kassa.platform.error.ErrorBody;
import dev.kassa.platform.error.PlatformErrors;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/** Replaces Boot's whitelabel page: whatever reaches {@code /error} is answered in the error body. */
/* the servlet container's error page, not an operation of the API */
@Hidden
@RestController
public class JsonErrorController implements ErrorController {

    private final ErrorResponses errors;

    public JsonErrorController(ErrorResponses errors) {
        this.errors = errors;
    }

    @RequestMapping(value = "/error", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<ErrorBody> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        // asked for directly (not an error dispatch): /error is no resource of ours
        int status = code instanceof Integer i ? i : 404;
        if (status >= 500
                && DatabaseFailures.isUnavailable(
                        (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION))) {
            // a filter's own database work failed (idempotency keys, revocations, a store's provisioning): the database
            // is away
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header("Retry-After", "1")
                    .body(errors.body(PlatformErrors.DATABASE_UNAVAILABLE, null, Map.of()));
        }
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = uri == null ? request.getRequestURI() : String.valueOf(uri);
        ErrorBody body =
                switch (status) {
                    case 400 -> errors.body(PlatformErrors.INVALID, null, Map.of());
                    case 401 -> errors.body(PlatformErrors.NOT_AUTHENTICATED, null, Map.of());
                    case 403 -> errors.body(PlatformErrors.PERMISSION_DENIED, null, Map.of());
                    case 404 -> errors.body(PlatformErrors.ROUTE_NOT_FOUND, new Object[] {path}, Map.of());
                    case 405 -> errors.body(
                            PlatformErrors.METHOD_NOT_ALLOWED, new Object[] {request.getMethod()}, Map.of());
                    case 413 -> errors.body(PlatformErrors.PAYLOAD_TOO_LARGE, null, Map.of());
                    case 415 -> errors.body(
                            PlatformErrors.UNSUPPORTED_MEDIA_TYPE, new Object[] {request.getContentType()}, Map.of());
                    default -> status >= 500
                            ? errors.body(PlatformErrors.INTERNAL_ERROR, null, Map.of())
                            : errors.body(PlatformErrors.INVALID, null, Map.of());
                };
        return ResponseEntity.status(HttpStatus.valueOf(status)).body(body);
    }
}
