package dev.kassa.auth.app;

import dev.kassa.platform.security.Access;
import dev.kassa.platform.security.Caller;
import dev.kassa.platform.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/** A store's apps (its owner's) and the token endpoint apps call (issue 38, part 1; docs/integrations.md). */
@RestController
@Tag(name = "app")
class AppController {

    /** A new app: its name and the scopes it may use (catalog:read, catalog:write, sales:read, …). */
    record AppRequest(@NotBlank @Size(max = 100) String name, @NotEmpty List<String> scopes) {}

    private final AppService apps;

    AppController(AppService apps) {
        this.apps = apps;
    }

    @Operation(
            summary =
                    "Register an app for the store: {name, scopes}; the answer shows client_secret once (store it: it cannot be "
                            + "shown again). Scopes: sales:read, catalog:read, catalog:write, customers:read, customers:write, webhooks:manage")
    @PostMapping("/api/users/apps")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(Access.MANAGE_STORE)
    AppService.AppView create(@Valid @RequestBody AppRequest request, Caller caller) {
        return apps.create(caller, request.name().trim(), request.scopes());
    }

    @Operation(summary = "The store's apps (not revoked), newest first; their secrets are never shown again")
    @GetMapping("/api/users/apps")
    @PreAuthorize(Access.MANAGE_STORE)
    PageResponse<AppService.AppView> list(Caller caller) {
        List<AppService.AppView> rows = apps.list(caller);
        return PageResponse.of(new PageImpl<>(rows, PageRequest.of(0, Math.max(1, rows.size())), rows.size()), r -> r);
    }

    @Operation(summary = "One of the store's apps")
    @GetMapping("/api/users/apps/{id}")
    @PreAuthorize(Access.MANAGE_STORE)
    AppService.AppView get(@PathVariable long id, Caller caller) {
        return apps.get(caller, id);
    }

    @Operation(
            summary =
                    "A new client secret, shown once: the old one stops working, and so do the tokens the app holds (every service "
                            + "refuses them within seconds)")
    @PostMapping("/api/users/apps/{id}/rotate-secret")
    @PreAuthorize(Access.MANAGE_STORE)
    AppService.AppView rotate(@PathVariable long id, Caller caller) {
        return apps.rotate(caller, id);
    }

    @Operation(summary = "Revoke an app: its secret and its tokens stop working")
    @DeleteMapping("/api/users/apps/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize(Access.MANAGE_STORE)
    void revoke(@PathVariable long id, Caller caller) {
        apps.revoke(caller, id);
    }

    @Operation(
            summary =
                    "OAuth 2.0 token endpoint, client-credentials grant (RFC 6749 §4.4): a form with grant_type=client_credentials, "
                            + "scope (optional: a space-separated subset of the app's), and the client id and secret as HTTP Basic or as "
                            + "client_id and client_secret; answers {access_token, token_type, expires_in, scope}. A refusal is the error "
                            + "body with error set as RFC 6749 names it (invalid_client 401, unsupported_grant_type 400, invalid_scope 400)")
    @PostMapping(path = "/api/users/oauth/token", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<AppService.TokenAnswer> token(
            @RequestParam(name = "grant_type", required = false) String grantType,
            @RequestParam(name = "client_id", required = false) String clientId,
            @RequestParam(name = "client_secret", required = false) String clientSecret,
            @RequestParam(required = false) String scope,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            HttpServletResponse response) {
        String[] basic = basic(authorization);
        AppService.TokenAnswer answer = apps.token(
                grantType, basic != null ? basic[0] : clientId, basic != null ? basic[1] : clientSecret, scope);
        // RFC 6749 §5.1: a token answer is never cached
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .header(HttpHeaders.PRAGMA, "no-cache")
                .body(answer);
    }

    /** The client id and secret of an HTTP Basic header, or null. */
    private static String[] basic(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String pair = new String(
                    Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = pair.indexOf(':');
            return colon < 0 ? null : new String[] {pair.substring(0, colon), pair.substring(colon + 1)};
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
