package dev.kassa.auth.account;

import dev.kassa.auth.account.Views.AvailableStore;
import dev.kassa.auth.account.Views.EmployeeView;
import dev.kassa.auth.account.Views.StoreView;
import dev.kassa.auth.account.Views.UserView;
import dev.kassa.auth.token.TokenPair;
import dev.kassa.auth.token.TokenService;
import dev.kassa.platform.error.KassaException;
import dev.kassa.platform.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

@RestController
class SessionController {

    record LoginRequest(String username, String password) { }

    record RefreshRequest(String refresh) { }

    record DefaultStore(String tenantKey, String name, String role) { }

    record LoginResponse(String refresh, String access, UserView user, List<AvailableStore> availableStores, DefaultStore defaultStore) { }

    private final SessionService sessions;
    private final TokenService tokens;

    SessionController(SessionService sessions, TokenService tokens) {
        this.sessions = sessions;
        this.tokens = tokens;
    }

    @Operation(summary = "Log in; returns tokens, the stores the user works in and the default store")
    @PostMapping({"/api/users/auth/login"})
    LoginResponse login(@RequestBody LoginRequest request) {
        SessionService.LoggedIn in = sessions.login(request.username(), request.password());
        List<AvailableStore> stores = in.memberships().stream().map(AvailableStore::from).toList();
        AvailableStore first = stores.get(0);
        return new LoginResponse(in.tokens().refresh(), in.tokens().access(), UserView.from(in.user()), stores,
                new DefaultStore(first.tenantKey(), first.name(), first.role()));
    }

    @Operation(summary = "Exchange a refresh token for a new pair (the old refresh token is spent)")
    @PostMapping({"/api/users/auth/token/refresh"})
    TokenPair refresh(@RequestBody RefreshRequest request) {
        return tokens.refresh(request.refresh());
    }

    @Operation(summary = "The caller, the store named by X-Tenant-Key and the caller's role in it")
    @GetMapping({"/api/users/auth/me", "/api/users/profile"})
    Map<String, Object> me(Caller caller) {
        User user = sessions.user(caller.userId());
        Membership membership = sessions.memberships(caller.userId()).stream()
                .filter(m -> m.store().tenantKey().equals(caller.tenantKey()))
                .findFirst()
                .orElseThrow(() -> new KassaException(403, "not_a_member", "error.not_a_member"));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("user", UserView.from(user));
        data.put("store", StoreView.from(membership.store()));
        data.put("employee", EmployeeView.from(membership.employee()));
        return Map.of("status", "success", "data", data);
    }

    @Operation(summary = "Every active store the caller works in, with its tenant_key")
    @GetMapping({"/api/users/auth/my-stores", "/api/users/auth/my_stores"})
    Map<String, Object> myStores(Caller caller) {
        List<StoreView> stores = sessions.memberships(caller.userId()).stream().map(m -> StoreView.from(m.store())).toList();
        return Map.of("status", "success", "data", stores);
    }
}
