package dev.kassa.platform.security;

import dev.kassa.platform.error.PlatformErrors;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Apps are refused by default: an app's token (client credentials) reaches only operations with an {@code Access} rule
 * ({@code @PreAuthorize}), which its scopes then pass or not. An operation without one (it checks the caller itself, as
 * an employee's own profile does) answers an app 403 {@code permission_denied} before it runs.
 */
public class AppRoutes implements HandlerInterceptor {

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        if (handler instanceof HandlerMethod method
                && caller != null
                && caller.getAuthorities().stream().anyMatch(a -> "ROLE_APP".equals(a.getAuthority()))
                && AnnotatedElementUtils.findMergedAnnotation(method.getMethod(), PreAuthorize.class) == null
                && AnnotatedElementUtils.findMergedAnnotation(method.getBeanType(), PreAuthorize.class) == null) {
            throw PlatformErrors.PERMISSION_DENIED.exception();
        }
        return true;
    }
}
