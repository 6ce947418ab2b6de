package dev.kassa.auth.app;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.kassa.auth.AuthErrors;
import dev.kassa.auth.account.Store;
import dev.kassa.auth.account.StoreRepository;
import dev.kassa.auth.token.AccessRevocations;
import dev.kassa.auth.token.OpaqueTokens;
import dev.kassa.auth.token.TokenService;
import dev.kassa.platform.error.FieldErrors;
import dev.kassa.platform.error.PlatformErrors;
import dev.kassa.platform.security.AppScope;
import dev.kassa.platform.security.Caller;
import dev.kassa.platform.security.SecurityEvents;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A store's apps (issue 38, part 1): an owner registers a partner's integration with the scopes it may use and sees its
 * client secret once; the app trades its client id and secret for short access tokens (the OAuth 2.0 client-credentials
 * grant) bound to the store and those scopes, verified by the gateway and every service like an employee's. Rotating the
 * secret or revoking the app voids the tokens it holds at once ({@link AppAccessRevoked}, which every service turns into
 * a revocation).
 */
@Service
public class AppService {

    /** An app as its owner sees it; {@code client_secret} only in the answer that made it. */
    public record AppView(
            long id,
            String name,
            String clientId,
            @JsonInclude(JsonInclude.Include.NON_NULL) String clientSecret,
            List<String> scopes,
            Instant createdAt,
            Instant rotatedAt,
            Instant lastUsedAt) {

        static AppView of(AppRepository.App app, String secret) {
            return new AppView(
                    app.id(),
                    app.name(),
                    app.clientId(),
                    secret,
                    app.scopes(),
                    app.createdAt(),
                    app.rotatedAt(),
                    app.lastUsedAt());
        }
    }

    /** The answer of the token endpoint, as RFC 6749 §5.1 writes it. */
    public record TokenAnswer(String accessToken, String tokenType, long expiresIn, String scope) {}

    /** What every client secret starts with (a secret pasted into the wrong place is recognisable). */
    private static final String SECRET_PREFIX = "appsecret_";

    private final AppRepository apps;
    private final StoreRepository stores;
    private final TokenService tokens;
    private final AccessRevocations access;
    private final SecurityEvents events;

    AppService(
            AppRepository apps,
            StoreRepository stores,
            TokenService tokens,
            AccessRevocations access,
            SecurityEvents events) {
        this.apps = apps;
        this.stores = stores;
        this.tokens = tokens;
        this.access = access;
        this.events = events;
    }

    @Transactional
    public AppView create(Caller caller, String name, List<String> scopes) {
        FieldErrors errors = new FieldErrors();
        List<String> granted = scopes(errors, "scopes", scopes);
        errors.throwIfAny();
        Store store = store(caller);
        String clientId = "app_" + HexFormat.of().formatHex(OpaqueTokens.random(12));
        String secret = OpaqueTokens.newToken(SECRET_PREFIX);
        long id = apps.insert(store.id(), name.trim(), clientId, OpaqueTokens.hash(secret), granted, caller.userId());
        events.record("app_created", String.valueOf(caller.userId()), clientId + " " + String.join(" ", granted));
        return AppView.of(apps.find(store.id(), id).orElseThrow(), secret);
    }

    @Transactional(readOnly = true)
    public List<AppView> list(Caller caller) {
        return apps.ofStore(store(caller).id()).stream()
                .map(a -> AppView.of(a, null))
                .toList();
    }

    @Transactional(readOnly = true)
    public AppView get(Caller caller, long id) {
        return AppView.of(app(caller, id), null);
    }

    /** A new secret (shown once); the old one stops working, and so do the tokens it got. */
    @Transactional
    public AppView rotate(Caller caller, long id) {
        AppRepository.App app = app(caller, id);
        String secret = OpaqueTokens.newToken(SECRET_PREFIX);
        apps.rotate(app.id(), OpaqueTokens.hash(secret));
        voidTokens(caller, app, "secret_rotated");
        return AppView.of(apps.find(app.storeId(), app.id()).orElseThrow(), secret);
    }

    /** Revokes the app: its secret and its tokens stop working at once. */
    @Transactional
    public void revoke(Caller caller, long id) {
        AppRepository.App app = app(caller, id);
        apps.revoke(app.id());
        voidTokens(caller, app, "revoked");
    }

    /**
     * The client-credentials grant: a token for the app's store with the scopes it asks for (all it was granted when it asks
     * for none). A wrong client or secret, a revoked app or a closed store: 401 {@code invalid_client}.
     */
    @Transactional
    public TokenAnswer token(String grantType, String clientId, String secret, String scope) {
        if (!"client_credentials".equals(grantType)) {
            throw AuthErrors.UNSUPPORTED_GRANT_TYPE.exception(Map.of("error", "unsupported_grant_type"));
        }
        AppRepository.App app = FieldErrors.blank(clientId) || clientId.length() > 64
                ? null
                : apps.byClientId(clientId.trim()).orElse(null);
        if (app == null
                || secret == null
                || app.revokedAt() != null
                || !app.storeActive()
                || !MessageDigest.isEqual(
                        OpaqueTokens.hash(secret).getBytes(StandardCharsets.US_ASCII),
                        app.secretHash().getBytes(StandardCharsets.US_ASCII))
                // read without a lock: a rotation or revocation that committed since refuses it here
                || !apps.used(app.id(), app.secretHash())) {
            events.record("app_authentication_failed", String.valueOf(clientId), "client credentials refused");
            throw AuthErrors.INVALID_CLIENT.exception(Map.of("error", "invalid_client"));
        }
        List<String> granted = app.scopes();
        if (!FieldErrors.blank(scope)) {
            Set<String> asked = new LinkedHashSet<>(List.of(scope.trim().split("\\s+")));
            if (!granted.containsAll(asked)) {
                throw AuthErrors.INVALID_SCOPE.exception(Map.of("error", "invalid_scope"));
            }
            granted = List.copyOf(asked);
        }
        String token = tokens.appAccess(app.id(), app.clientId(), app.name(), app.tenantKey(), granted);
        return new TokenAnswer(token, "Bearer", tokens.accessTokenTtl().toSeconds(), String.join(" ", granted));
    }

    private void voidTokens(Caller caller, AppRepository.App app, String reason) {
        Instant at = Instant.now();
        access.announce(
                app.tenantKey(),
                -app.id(),
                at,
                new AppAccessRevoked(app.storeId(), app.tenantKey(), app.id(), -app.id(), app.clientId(), reason, at));
        events.record("app_" + reason, String.valueOf(caller.userId()), app.clientId());
    }

    private AppRepository.App app(Caller caller, long id) {
        return apps.find(store(caller).id(), id).orElseThrow(() -> AuthErrors.APP_NOT_FOUND.exception());
    }

    private Store store(Caller caller) {
        return stores.findByTenantKey(caller.tenantKey()).orElseThrow(() -> PlatformErrors.NOT_A_MEMBER.exception());
    }

    /** The scopes asked for, each a known one, once each; at least one. */
    private static List<String> scopes(FieldErrors errors, String field, List<String> asked) {
        if (asked == null || asked.isEmpty()) {
            errors.required(field);
            return List.of();
        }
        Set<String> known = new LinkedHashSet<>();
        List<String> unknown = new ArrayList<>();
        for (String code : asked) {
            if (code != null && AppScope.fromCode(code.trim()).isPresent()) {
                known.add(code.trim());
            } else {
                unknown.add(String.valueOf(code));
            }
        }
        if (!unknown.isEmpty()) {
            errors.add(field, "app.unknown_scope", String.join(", ", unknown));
        }
        return List.copyOf(known);
    }
}
