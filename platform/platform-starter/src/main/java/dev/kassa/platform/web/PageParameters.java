package dev.kassa.platform.web;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.QueryParameter;
import jakarta.servlet.http.HttpServletRequest;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.core.MethodParameter;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

import java.math.BigDecimal;
import java.util.Arrays;

/**
 * A list's page as a handler's parameter: {@code PageRequest page} is read from {@code page} and {@code page_size} (or
 * the original web client's {@code limit} and {@code offset}) by {@link PageRequests}' rules, unsorted (the controller
 * gives its order, {@code page.withSort(Sort.by("name"))}). The OpenAPI shows the two query parameters, not the object.
 */
public class PageParameters implements HandlerMethodArgumentResolver, OperationCustomizer {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return PageRequest.class.equals(parameter.getParameterType());
    }

    @Override
    public PageRequest resolveArgument(
            MethodParameter parameter,
            ModelAndViewContainer container,
            NativeWebRequest request,
            WebDataBinderFactory binders) {
        HttpServletRequest http = request.getNativeRequest(HttpServletRequest.class);
        return PageRequests.of(
                http == null ? null : http.getParameter("page"),
                http == null ? null : http.getParameter("page_size"),
                Sort.unsorted());
    }

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        boolean paged = Arrays.stream(handler.getMethodParameters()).anyMatch(this::supportsParameter);
        if (paged) {
            operation.addParametersItem(query(
                    "page",
                    "The page, from 1.",
                    new IntegerSchema().minimum(BigDecimal.ONE)._default(1)));
            operation.addParametersItem(query(
                    "page_size",
                    "Rows a page, at most " + PageRequests.MAX_SIZE + ".",
                    new IntegerSchema()
                            .minimum(BigDecimal.ONE)
                            .maximum(BigDecimal.valueOf(PageRequests.MAX_SIZE))
                            ._default(PageRequests.DEFAULT_SIZE)));
        }
        return operation;
    }

    private static Parameter query(String name, String description, Schema<?> schema) {
        return new QueryParameter()
                .name(name)
                .description(description)
                .required(false)
                .schema(schema);
    }
}
