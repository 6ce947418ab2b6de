package dev.kassa.platform.security;

import dev.kassa.platform.error.PlatformErrors;
import dev.kassa.platform.tenancy.Tenant;
import dev.kassa.platform.tenancy.TenantContext;
import org.springframework.core.MethodParameter;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Supplies {@link Caller} parameters from the validated token and the resolved store. */
public class CallerArgumentResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return Caller.class.equals(parameter.getParameterType());
    }

    @Override
    public Object resolveArgument(
            MethodParameter parameter,
            ModelAndViewContainer mavContainer,
            NativeWebRequest request,
            WebDataBinderFactory binderFactory) {
        if (!(SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken token)) {
            throw PlatformErrors.NOT_AUTHENTICATED.exception();
        }
        Role role = (Role) request.getAttribute(TenantMembershipFilter.ROLE_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        String tenantKey = TenantContext.current().map(Tenant::key).orElse(null);
        return new Caller(
                Long.parseLong(token.getName()),
                token.getToken().getClaimAsString(KassaClaims.USERNAME),
                tenantKey,
                role);
    }
}
