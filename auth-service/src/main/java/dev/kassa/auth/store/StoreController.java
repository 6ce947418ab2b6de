package dev.kassa.auth.store;

import dev.kassa.auth.account.Membership;
import dev.kassa.auth.account.SessionService;
import dev.kassa.auth.account.Store;
import dev.kassa.auth.account.Views.StoreView;
import dev.kassa.platform.error.Messages;
import dev.kassa.platform.error.PlatformErrors;
import dev.kassa.platform.security.Caller;
import dev.kassa.platform.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
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

    private final SessionService sessions;
    private final StoreService stores;

    StoreController(SessionService sessions, StoreService stores) {
        this.sessions = sessions;
        this.stores = stores;
    }

    @Operation(summary = "The stores the caller works in, newest first")
    @GetMapping("/api/users/stores")
    PageResponse<Map<String, Object>> list(Caller caller) {
        List<Map<String, Object>> rows = sessions.memberships(caller.userId()).stream().map(StoreController::row).toList();
        return PageResponse.of(new PageImpl<>(rows, PageRequest.of(0, Math.max(1, rows.size())), rows.size()), r -> r);
    }

    @Operation(summary = "The caller's own active stores in the original's shape (spec A13), newest first. Kassa has no shared staff "
            + "account: staff_credentials is null and staff_credentials_note says how tills log in (a PIN per employee)")
    @GetMapping({"/api/users/stores/my-stores-with-credentials", "/api/users/stores/my_stores_with_credentials"})
    Map<String, Object> myStoresWithCredentials(Caller caller) {
        List<Map<String, Object>> owned = sessions.memberships(caller.userId()).stream().map(Membership::store)
                .filter(s -> s.ownerId().equals(caller.userId()) && s.isActive())
                .sorted(java.util.Comparator.comparing(Store::createdAt).reversed())
                .map(s -> {
                    Map<String, Object> row = full(StoreView.from(s));
                    row.put("staff_credentials", null);
                    row.put("staff_credentials_missing", true);
                    row.put("staff_credentials_note", Messages.get("store.staff_credentials_note"));
                    return row;
                }).toList();
        return Map.of("status", "success", "data", Map.of("count", owned.size(), "stores", owned));
    }

    @Operation(summary = "The original's shared staff account of the store named by X-Tenant-Key (spec A12), for its owner. Kassa has "
            + "none: the fields are null and the note says how tills log in (a PIN per employee)")
    @GetMapping({"/api/users/stores/staff-credentials", "/api/users/stores/staff_credentials"})
    Map<String, Object> staffCredentials(Caller caller,
                                         @org.springframework.web.bind.annotation.RequestHeader(value = "X-Tenant-Key", required = false) String key) {
        if (key == null || key.isBlank()) {
            throw PlatformErrors.MISSING_TENANT_KEY.exception();
        }
        Store store = sessions.memberships(caller.userId()).stream().map(Membership::store).filter(s -> s.tenantKey().equals(key.trim()))
                .findFirst().orElseThrow(() -> PlatformErrors.NOT_A_MEMBER.exception());
        if (!store.ownerId().equals(caller.userId())) {
            throw PlatformErrors.PERMISSION_DENIED.exception();
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("username", null);
        data.put("password", null);
        data.put("full_name", null);
        data.put("is_active", false);
        data.put("store_name", store.name());
        data.put("tenant_key", store.tenantKey());
        data.put("staff_credentials", null);
        data.put("note", Messages.get("store.staff_credentials_note"));
        return Map.of("status", "success", "data", data);
    }

    private static Map<String, Object> full(StoreView v) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", v.id());
        row.put("name", v.name());
        row.put("slug", v.slug());
        row.put("tenant_key", v.tenantKey());
        row.put("schema_name", v.schemaName());
        row.put("description", v.description());
        row.put("address", v.address());
        row.put("city", v.city());
        row.put("region", v.region());
        row.put("phone", v.phone());
        row.put("email", v.email());
        row.put("legal_name", v.legalName());
        row.put("tax_id", v.taxId());
        row.put("time_zone", v.timeZone());
        row.put("is_active", v.isActive());
        row.put("created_at", v.createdAt());
        return row;
    }

    @Operation(summary = "One of the caller's stores")
    @GetMapping("/api/users/stores/{id}")
    Map<String, Object> get(@PathVariable long id, Caller caller) {
        return sessions.memberships(caller.userId()).stream().filter(m -> m.store().id() == id).findFirst().map(StoreController::row)
                .orElseThrow(() -> PlatformErrors.NOT_FOUND.exception());
    }

    @Operation(summary = "Open another store (store owners only); returns the store and fresh tokens that include it")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @io.swagger.v3.oas.annotations.media.Content(mediaType = "application/json",
            examples = @io.swagger.v3.oas.annotations.media.ExampleObject(name = "second store", value = "{\"name\": \"Супермаркет Азия 2\", \"address\": \"ул. Амира Темура, 10\", \"city\": \"Ташкент\", \"phone\": \"+998712345679\", \"time_zone\": \"Asia/Tashkent\"}")))
    @PostMapping("/api/users/stores")
    @ResponseStatus(HttpStatus.CREATED)
    public Map<String, Object> create(@RequestBody CreateStoreRequest r, Caller caller) {
        StoreService.Opened opened = stores.open(r, caller);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("store", StoreView.from(opened.store()));
        data.put("tokens", opened.tokens());
        data.put("staff_credentials", noSharedAccount());
        return Map.of("status", "success", "message", Messages.get("store.created"), "data", data);
    }

    /**
     * The original answered a new store with its shared staff account (spec A8) and its web client reads
     * {@code staff_credentials.username} without a null check. Kassa has no such account (tills sign in by an employee's PIN):
     * the object is there, its credentials empty, and the note says how tills log in.
     */
    private static Map<String, Object> noSharedAccount() {
        Map<String, Object> credentials = new LinkedHashMap<>();
        credentials.put("username", null);
        credentials.put("password", null);
        credentials.put("sign_in", "pin");
        credentials.put("note", Messages.get("store.staff_credentials_note"));
        return credentials;
    }

    @Operation(summary = "Change a store's name, contacts, legal details or time zone (its owner only; slug and tenant_key never change). "
            + "Every service learns it from StoreUpdated: receipts print the new details, business dates follow the new zone")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @io.swagger.v3.oas.annotations.media.Content(mediaType = "application/json",
            examples = @io.swagger.v3.oas.annotations.media.ExampleObject(name = "details", value = "{\"name\": \"Супермаркет Азия\", \"legal_name\": \"ООО Азия Трейд\", \"tax_id\": \"301234567\", \"time_zone\": \"Asia/Samarkand\"}")))
    @PatchMapping("/api/users/stores/{id}")
    public Map<String, Object> update(@PathVariable long id, @RequestBody CreateStoreRequest r, Caller caller) {
        Store store = stores.update(id, r, caller);
        return Map.of("status", "success", "message", Messages.get("store.updated"), "data", StoreView.from(store));
    }

    @Operation(summary = "Same as PATCH: the fields given are changed")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @io.swagger.v3.oas.annotations.media.Content(mediaType = "application/json",
            examples = @io.swagger.v3.oas.annotations.media.ExampleObject(name = "details", value = "{\"address\": \"ул. Навои, д. 47\", \"phone\": \"+998712345678\"}")))
    @PutMapping("/api/users/stores/{id}")
    public Map<String, Object> replace(@PathVariable long id, @RequestBody CreateStoreRequest r, Caller caller) {
        return update(id, r, caller);
    }

    @Operation(summary = "Close a store (its owner only): it is deactivated, never erased; every token for it stops working within seconds "
            + "(StoreDeactivated), and it disappears from logins")
    @DeleteMapping("/api/users/stores/{id}")
    public Map<String, Object> deactivate(@PathVariable long id, Caller caller) {
        stores.deactivate(id, caller);
        return Map.of("status", "success", "message", Messages.get("store.deactivated"));
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
