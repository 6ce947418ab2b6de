package dev.kassa.platform.security;

import dev.kassa.platform.error.PlatformErrors;
import dev.kassa.platform.tenancy.Tenant;
import dev.kassa.platform.tenancy.TenantContext;
import dev.kassa.platform.web.TypedArgumentResolver;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;

/** Supplies {@link Caller} parameters from the validated token and the resolved store. */
public class CallerArgumentResolver extends TypedArgumentResolver<Caller> {

    private final ObjectProvider<StoreRoles> storeRoles;

    /** {@code storeRoles}: the caller's roles in other stores, looked up only when a caller is asked about one. */
    public CallerArgumentResolver(ObjectProvider<StoreRoles> storeRoles) {
        super(Caller.class);
        this.storeRoles = storeRoles;
    }

    @Override
    protected Caller resolve(NativeWebRequest request) {
        if (!(SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken token)) {
            throw PlatformErrors.NOT_AUTHENTICATED.exception();
        }
        Role role = (Role) request.getAttribute(TenantMembershipFilter.ROLE_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        String tenantKey = TenantContext.current().map(Tenant::key).orElse(null);
        return new Caller(
                Long.parseLong(token.getName()),
                token.getToken().getClaimAsString(KassaClaims.USERNAME),
                tenantKey,
                role,
                new CallerStores(storeRoles::getObject, token.getToken()));
    }
}
