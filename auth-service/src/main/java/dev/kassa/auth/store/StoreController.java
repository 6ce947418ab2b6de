package dev.kassa.auth.store;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.kassa.auth.account.Membership;
import dev.kassa.auth.account.SessionService;
import dev.kassa.auth.account.Store;
import dev.kassa.auth.account.Views.StoreView;
import dev.kassa.auth.token.TokenPair;
import dev.kassa.platform.error.Messages;
import dev.kassa.platform.error.PlatformErrors;
import dev.kassa.platform.security.Caller;
import dev.kassa.platform.web.CallerReads;
import dev.kassa.platform.web.Done;
import dev.kassa.platform.web.PageResponse;
import dev.kassa.platform.web.Success;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * The caller's stores (no store key needed). An owner opens further stores here and gets fresh tokens that
 * include the new store, which every service provisions on {@code StoreCreated} (or on its first request).
 */
@RestController
class StoreController {

    /** A store in the caller's list, with the caller's role in it. */
    record StoreRow(
            Long id,
            String name,
            String slug,
            String tenantKey,
            String description,
            String address,
            String city,
            String phone,
            String timeZone,
            String kind,
            boolean isActive,
            Instant createdAt,
            String role) {
        static StoreRow of(Membership m) {
            StoreView v = StoreView.from(m.store());
            return new StoreRow(
                    v.id(),
                    v.name(),
                    v.slug(),
                    v.tenantKey(),
                    v.details().description(),
                    v.details().address(),
                    v.details().city(),
                    v.details().phone(),
                    v.timeZone(),
                    v.kind(),
                    v.isActive(),
                    v.createdAt(),
                    m.employee().role().code());
        }
    }

    /** An owned store in the original's shape: Kassa has no shared staff account ({@code staff_credentials} is always null). */
    record OwnedStore(
            @JsonUnwrapped StoreView store,
            Object staffCredentials,
            boolean staffCredentialsMissing,
            String staffCredentialsNote) {}

    record OwnedStores(int count, List<OwnedStore> stores) {}

    /** The original's shared staff account of a store: Kassa has none, so the credentials are null and the note says how tills log in. */
    record StaffAccount(
            String username,
            String password,
            String fullName,
            boolean isActive,
            String storeName,
            String tenantKey,
            Object staffCredentials,
            String note) {}

    /** The shared staff account the original answered a new store with: empty in Kassa, tills sign in by an employee's PIN. */
    record NoSharedAccount(String username, String password, String signIn, String note) {}

    record OpenedStore(StoreView store, TokenPair tokens, NoSharedAccount staffCredentials) {}

    private final SessionService sessions;
    private final StoreService stores;

    StoreController(SessionService sessions, StoreService stores) {
        this.sessions = sessions;
        this.stores = stores;
    }

    @Operation(summary = "The stores the caller works in, newest first")
    @GetMapping("/api/users/stores")
    PageResponse<StoreRow> list(Caller caller) {
        List<StoreRow> rows =
                sessions.memberships(caller.userId()).stream().map(StoreRow::of).toList();
        return PageResponse.of(new PageImpl<>(rows, PageRequest.of(0, Math.max(1, rows.size())), rows.size()), r -> r);
    }

    @Operation(
            summary =
                    "The caller's own active stores in the original's shape (spec A13), newest first. Kassa has no shared staff "
                            + "account: staff_credentials is null and staff_credentials_note says how tills log in (a PIN per employee)")
    @GetMapping("/api/users/stores/my-stores-with-credentials")
    ResponseEntity<Success<OwnedStores>> myStoresWithCredentials(Caller caller) {
        List<OwnedStore> owned = sessions.memberships(caller.userId()).stream()
                .map(Membership::store)
                .filter(s -> s.ownerId().equals(caller.userId()) && s.isActive())
                .sorted(Comparator.comparing(Store::createdAt).reversed())
                .map(s -> new OwnedStore(StoreView.from(s), null, true, Messages.get("store.staff_credentials_note")))
                .toList();
        return CallerReads.kept(Success.of(new OwnedStores(owned.size(), owned)));
    }

    @Operation(
            summary =
                    "The original's shared staff account of the store named by X-Tenant-Key (spec A12), for its owner. Kassa has "
                            + "none: the fields are null and the note says how tills log in (a PIN per employee)")
    @GetMapping("/api/users/stores/staff-credentials")
    Success<StaffAccount> staffCredentials(
            Caller caller, @RequestHeader(value = "X-Tenant-Key", required = false) String key) {
        if (key == null || key.isBlank()) {
            throw PlatformErrors.MISSING_TENANT_KEY.exception();
        }
        Store store = sessions.memberships(caller.userId()).stream()
                .map(Membership::store)
                .filter(s -> s.tenantKey().equals(key.trim()))
                .findFirst()
                .orElseThrow(() -> PlatformErrors.NOT_A_MEMBER.exception());
        if (!store.ownerId().equals(caller.userId())) {
            throw PlatformErrors.PERMISSION_DENIED.exception();
        }
        return Success.of(new StaffAccount(
                null,
                null,
                null,
                false,
                store.name(),
                store.tenantKey(),
                null,
                Messages.get("store.staff_credentials_note")));
    }

    @Operation(summary = "One of the caller's stores")
    @GetMapping("/api/users/stores/{id}")
    StoreRow get(@PathVariable long id, Caller caller) {
        return sessions.memberships(caller.userId()).stream()
                .filter(m -> m.store().id() == id)
                .findFirst()
                .map(StoreRow::of)
                .orElseThrow(() -> PlatformErrors.NOT_FOUND.exception());
    }

    @Operation(summary = "Open another store (store owners only); returns the store and fresh tokens that include it")
    @PostMapping("/api/users/stores")
    @ResponseStatus(HttpStatus.CREATED)
    public Success<OpenedStore> create(@RequestBody CreateStoreRequest r, Caller caller) {
        StoreService.Opened opened = stores.open(r, caller);
        return Success.of(
                "store.created", new OpenedStore(StoreView.from(opened.store()), opened.tokens(), noSharedAccount()));
    }

    /**
     * The original answered a new store with its shared staff account (spec A8) and its web client reads
     * {@code staff_credentials.username} without a null check. Kassa has no such account (tills sign in by an employee's PIN):
     * the object is there, its credentials empty, and the note says how tills log in.
     */
    private static NoSharedAccount noSharedAccount() {
        return new NoSharedAccount(null, null, "pin", Messages.get("store.staff_credentials_note"));
    }

    @Operation(
            summary =
                    "Change a store's name, contacts, legal details or time zone (its owner only; slug and tenant_key never change). "
                            + "Every service learns it from StoreUpdated: receipts print the new details, business dates follow the new zone")
    @PatchMapping("/api/users/stores/{id}")
    public Success<StoreView> update(@PathVariable long id, @RequestBody CreateStoreRequest r, Caller caller) {
        Store store = stores.update(id, r, caller);
        return Success.of("store.updated", StoreView.from(store));
    }

    @Operation(summary = "Same as PATCH: the fields given are changed")
    @PutMapping("/api/users/stores/{id}")
    public Success<StoreView> replace(@PathVariable long id, @RequestBody CreateStoreRequest r, Caller caller) {
        return update(id, r, caller);
    }

    @Operation(
            summary =
                    "Close a store (its owner only): it is deactivated, never erased; every token for it stops working within seconds "
                            + "(StoreDeactivated), and it disappears from logins")
    @DeleteMapping("/api/users/stores/{id}")
    public Done deactivate(@PathVariable long id, Caller caller) {
        stores.deactivate(id, caller);
        return Done.of("store.deactivated");
    }
}
