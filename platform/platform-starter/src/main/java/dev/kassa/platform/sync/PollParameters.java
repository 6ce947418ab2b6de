package dev.kassa.platform.sync;

import dev.kassa.platform.error.FieldErrors;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.QueryParameter;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

import java.math.BigDecimal;
import java.util.Arrays;

/**
 * A delta-sync poll as a handler's parameter: {@code ChangeFeed.Poll poll} is read from the {@code cursor} and
 * {@code limit} query parameters and the {@code If-None-Match} header (a limit that is not 1–500 is a 400 on
 * {@code limit}), so every feed reads them the same way. The OpenAPI shows the two query parameters and the header, not
 * the object.
 */
public class PollParameters implements HandlerMethodArgumentResolver, OperationCustomizer {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return ChangeFeed.Poll.class.equals(parameter.getParameterType());
    }

    @Override
    public ChangeFeed.Poll resolveArgument(
            MethodParameter parameter,
            ModelAndViewContainer container,
            NativeWebRequest request,
            WebDataBinderFactory binders) {
        return new ChangeFeed.Poll(
                request.getParameter("cursor"),
                limit(request.getParameter("limit")),
                request.getHeader(HttpHeaders.IF_NONE_MATCH));
    }

    private static int limit(String text) {
        if (FieldErrors.blank(text)) {
            return ChangeFeed.DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(text.trim());
            if (limit >= 1 && limit <= ChangeFeed.MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw FieldErrors.single("limit", "validation.sync_limit");
    }

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        if (Arrays.stream(handler.getMethodParameters()).anyMatch(this::supportsParameter)) {
            operation.addParametersItem(parameter(
                    new QueryParameter(),
                    "cursor",
                    "The next_cursor of the previous answer; none for every row.",
                    new StringSchema()));
            operation.addParametersItem(parameter(
                    new QueryParameter(),
                    "limit",
                    "Changes a page, at most " + ChangeFeed.MAX_LIMIT + ".",
                    new IntegerSchema()
                            .minimum(BigDecimal.ONE)
                            .maximum(BigDecimal.valueOf(ChangeFeed.MAX_LIMIT))
                            ._default(ChangeFeed.DEFAULT_LIMIT)));
            operation.addParametersItem(parameter(
                    new HeaderParameter(),
                    HttpHeaders.IF_NONE_MATCH,
                    "The cursor sent, quoted: 304 when nothing changed since.",
                    new StringSchema()));
        }
        return operation;
    }

    private static Parameter parameter(Parameter parameter, String name, String description, Schema<?> schema) {
        return parameter.name(name).description(description).required(false).schema(schema);
    }
}
