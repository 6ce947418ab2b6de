package dev.kassa.auth.account;

import dev.kassa.auth.account.Views.AvailableStore;
import dev.kassa.auth.account.Views.DefaultStore;
import dev.kassa.auth.account.Views.EmployeeView;
import dev.kassa.auth.account.Views.StoreView;
import dev.kassa.auth.account.Views.UserView;
import dev.kassa.auth.token.TokenPair;
import dev.kassa.auth.token.TokenService;
import dev.kassa.platform.security.Caller;
import dev.kassa.platform.security.ClientAddresses;
import dev.kassa.platform.web.CallerReads;
import dev.kassa.platform.web.Done;
import dev.kassa.platform.web.Success;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@RestController
class SessionController {

    record LoginRequest(@NotBlank @Size(max = 150) String username, @NotEmpty String password) {}

    record RefreshRequest(String refresh) {}

    record PinLoginRequest(@NotBlank String tenantKey, @NotBlank String pin) {}

    /**
     * The same answer under {@code data}, as registration gives it: clients of either seed document find the tokens, under
     * {@code data.tokens} and as {@code data.access} / {@code data.refresh} (the seed's Postman collection keeps
     * {@code data.access}).
     */
    record LoginData(
            String access,
            String refresh,
            TokenPair tokens,
            UserView user,
            List<AvailableStore> availableStores,
            DefaultStore defaultStore) {}

    record LoginResponse(
            String refresh,
            String access,
            UserView user,
            List<AvailableStore> availableStores,
            DefaultStore defaultStore,
            LoginData data) {}

    /** The caller, the store of the request and the caller's employee record in it. */
    record Me(UserView user, StoreView store, EmployeeView employee) {}

    private final SessionService sessions;
    private final TokenService tokens;

    SessionController(SessionService sessions, TokenService tokens) {
        this.sessions = sessions;
        this.tokens = tokens;
    }

    @Operation(
            summary =
                    "Log in; returns tokens, the stores the user works in and the default store. After repeated wrong passwords "
                            + "for a username or from an address, logins are refused for a while: 429 too_many_attempts with Retry-After")
    @PostMapping({"/api/users/auth/login"})
    LoginResponse login(@Valid @RequestBody LoginRequest request, HttpServletRequest http) {
        return response(sessions.login(request.username(), request.password(), clientAddress(http)));
    }

    @Operation(
            summary =
                    "PIN login on a shared till: {tenant_key, pin}; the tokens open that store only. After repeated wrong PINs "
                            + "the store's PIN login is locked for a while: 423 pin_locked with Retry-After")
    @PostMapping("/api/users/auth/pin-login")
    LoginResponse pinLogin(@Valid @RequestBody PinLoginRequest request) {
        return response(sessions.pinLogin(request.tenantKey(), request.pin()));
    }

    @Operation(
            summary =
                    "Log out: {refresh}; the session's refresh tokens stop working (access tokens lapse within 15 minutes)")
    @PostMapping({"/api/users/auth/logout"})
    Done logout(@Valid @RequestBody RefreshRequest request) {
        tokens.logout(request.refresh());
        return Done.of("auth.logged_out");
    }

    private static LoginResponse response(SessionService.LoggedIn in) {
        List<AvailableStore> stores =
                in.memberships().stream().map(AvailableStore::from).toList();
        DefaultStore first = DefaultStore.from(stores.get(0));
        UserView user = UserView.from(in.user());
        return new LoginResponse(
                in.tokens().refresh(),
                in.tokens().access(),
                user,
                stores,
                first,
                new LoginData(in.tokens().access(), in.tokens().refresh(), in.tokens(), user, stores, first));
    }

    /** The client's address: the one the gateway signed, else the connection's own (a caller's X-Forwarded-For counts for nothing). */
    static String clientAddress(HttpServletRequest http) {
        return ClientAddresses.of(http);
    }

    @Operation(summary = "Exchange a refresh token for a new pair (the old refresh token is spent)")
    @PostMapping({"/api/users/auth/token/refresh"})
    TokenPair refresh(@Valid @RequestBody RefreshRequest request) {
        return tokens.refresh(request.refresh());
    }

    @Operation(summary = "The caller, the store named by X-Tenant-Key and the caller's role in it")
    @GetMapping("/api/users/auth/me")
    ResponseEntity<Success<Me>> me(Caller caller) {
        Profile profile = sessions.profile(caller.userId(), caller.tenantKey());
        return CallerReads.kept(Success.of(new Me(
                UserView.from(profile.user()),
                StoreView.from(profile.store()),
                EmployeeView.from(profile.employee()))));
    }

    @Operation(summary = "Every active store the caller works in, with its tenant_key")
    @GetMapping("/api/users/auth/my-stores")
    ResponseEntity<Success<List<StoreView>>> myStores(Caller caller) {
        List<StoreView> stores = sessions.memberships(caller.userId()).stream()
                .map(m -> StoreView.from(m.store()))
                .toList();
        return CallerReads.kept(Success.of(stores));
    }
}
