package dev.kassa.auth.store;

import dev.kassa.auth.account.Membership;
import dev.kassa.auth.account.SessionService;
import dev.kassa.auth.account.StoreRepository;
import dev.kassa.auth.account.User;
import dev.kassa.auth.account.Views.StoreView;
import dev.kassa.auth.registration.StoreOpening;
import dev.kassa.auth.token.TokenService;
import dev.kassa.platform.error.FieldErrors;
import dev.kassa.platform.error.KassaException;
import dev.kassa.platform.error.Messages;
import dev.kassa.platform.security.Caller;
import dev.kassa.platform.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The caller's stores (no store key needed). An owner opens further stores here and gets fresh tokens that
 * include the new store, which every service provisions on {@code StoreCreated} (or on its first request).
 */
@RestController
class StoreController {

    record CreateStoreRequest(String name, String slug, String description, String address, String city, String region, String phone,
                              String email, String legalName, String taxId, String timeZone) { }


    private final SessionService sessions;
    private final StoreRepository stores;
    private final StoreOpening opening;
    private final TokenService tokens;

    StoreController(SessionService sessions, StoreRepository stores, StoreOpening opening, TokenService tokens) {
        this.sessions = sessions;
        this.stores = stores;
        this.opening = opening;
        this.tokens = tokens;
    }

    @Operation(summary = "The stores the caller works in, newest first")
    @GetMapping("/api/users/stores")
    PageResponse<Map<String, Object>> list(Caller caller) {
        List<Map<String, Object>> rows = sessions.memberships(caller.userId()).stream().map(StoreController::row).toList();
        return PageResponse.of(new PageImpl<>(rows, PageRequest.of(0, Math.max(1, rows.size())), rows.size()), r -> r);
    }

    @Operation(summary = "One of the caller's stores")
    @GetMapping("/api/users/stores/{id}")
    Map<String, Object> get(@PathVariable long id, Caller caller) {
        return sessions.memberships(caller.userId()).stream().filter(m -> m.store().id() == id).findFirst().map(StoreController::row)
                .orElseThrow(() -> KassaException.notFound("error.not_found"));
    }

    @Operation(summary = "Open another store (store owners only); returns the store and fresh tokens that include it")
    @PostMapping("/api/users/stores")
    @ResponseStatus(HttpStatus.CREATED)
    @Transactional
    public Map<String, Object> create(@RequestBody CreateStoreRequest r, Caller caller) {
        if (!stores.existsByOwnerIdAndIsActiveTrue(caller.userId())) {
            throw new KassaException(403, "permission_denied", "error.permission_denied");
        }
        User owner = sessions.user(caller.userId());
        StoreOpening.Details details = new StoreOpening.Details(r.name(), r.slug(), r.description(), r.address(), r.city(), r.region(),
                r.phone(), r.email(), r.legalName(), r.taxId(), r.timeZone());
        FieldErrors errors = new FieldErrors();
        String slug = opening.validate(details, StoreOpening.Fields.STORE, errors);
        errors.throwIfAny();
        StoreOpening.Opened opened = opening.open(owner, slug, details, null);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("store", StoreView.from(opened.store()));
        data.put("tokens", tokens.issue(owner));
        return Map.of("status", "success", "message", Messages.get("store.created"), "data", data);
    }

    private static Map<String, Object> row(Membership m) {
        Map<String, Object> row = new LinkedHashMap<>();
        StoreView v = StoreView.from(m.store());
        row.put("id", v.id());
        row.put("name", v.name());
        row.put("slug", v.slug());
        row.put("tenant_key", v.tenantKey());
        row.put("description", v.description());
        row.put("address", v.address());
        row.put("city", v.city());
        row.put("phone", v.phone());
        row.put("time_zone", v.timeZone());
        row.put("is_active", v.isActive());
        row.put("created_at", v.createdAt());
        row.put("role", m.employee().role().code());
        return row;
    }
}
