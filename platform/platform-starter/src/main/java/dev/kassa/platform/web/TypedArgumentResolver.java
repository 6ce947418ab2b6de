package dev.kassa.platform.web;

import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Supplies a handler's parameters of one type ({@code Caller}, {@code RequestKey}) from what the request carries. */
public abstract class TypedArgumentResolver<T> implements HandlerMethodArgumentResolver {

    private final Class<T> type;

    protected TypedArgumentResolver(Class<T> type) {
        this.type = type;
    }

    /** The parameter's value for this request. */
    protected abstract T resolve(NativeWebRequest request);

    @Override
    public final boolean supportsParameter(MethodParameter parameter) {
        return type.equals(parameter.getParameterType());
    }

    @Override
    public final Object resolveArgument(
            MethodParameter parameter,
            ModelAndViewContainer mavContainer,
            NativeWebRequest request,
            WebDataBinderFactory binderFactory) {
        return resolve(request);
    }
}
