package dev.kassa.auth.store;

import dev.kassa.auth.account.Store;
import dev.kassa.platform.validation.DomainValidated;
import dev.kassa.platform.validation.EmailAddress;
import dev.kassa.platform.validation.OneOf;
import dev.kassa.platform.validation.Phone;
import jakarta.validation.constraints.Size;

/**
 * A store's details as a form sends them (a new store, or the fields to change of an existing one). The name a new store
 * needs (and a change may not blank), the slug, and the time zone are the domain's ({@link StoreService}); {@code kind}
 * ({@code shop}, the default, or {@code warehouse}) is chosen when the store opens and never changes.
 */
@DomainValidated
record CreateStoreRequest(
        @Size(max = Store.NAME_LENGTH) String name,
        String slug,
        String description,
        @Size(max = Store.ADDRESS_LENGTH) String address,
        @Size(max = Store.PLACE_LENGTH) String city,
        @Size(max = Store.PLACE_LENGTH) String region,
        @Phone String phone,
        @EmailAddress String email,
        @Size(max = Store.LEGAL_NAME_LENGTH) String legalName,
        @Size(max = Store.TAX_ID_LENGTH) String taxId,
        String timeZone,
        @OneOf(
                        values = {"shop", "warehouse"},
                        message = "store.kind_invalid")
                String kind) {}
