package dev.kassa.auth.store;

import dev.kassa.auth.account.Store;
import dev.kassa.platform.validation.DomainValidated;
import dev.kassa.platform.validation.EmailAddress;
import dev.kassa.platform.validation.OneOf;
import dev.kassa.platform.validation.Phone;
import dev.kassa.platform.validation.PrintableText;
import jakarta.validation.constraints.Size;

/**
 * A store's details as a form sends them (a new store, or the fields to change of an existing one). The name a new store
 * needs (and a change may not blank), the slug, and the time zone are the domain's ({@link StoreService}); {@code kind}
 * ({@code shop}, the default, or {@code warehouse}) is chosen when the store opens and never changes;
 * {@code copy_catalogue_from} (a new store only) names another store of the owner's whose catalogue it starts with.
 */
@DomainValidated
record CreateStoreRequest(
        @Size(max = Store.NAME_LENGTH) @PrintableText String name,
        String slug,
        @PrintableText(multiline = true) String description,
        @Size(max = Store.ADDRESS_LENGTH) @PrintableText String address,
        @Size(max = Store.PLACE_LENGTH) @PrintableText String city,
        @Size(max = Store.PLACE_LENGTH) @PrintableText String region,
        @Phone @PrintableText String phone,
        @EmailAddress @PrintableText String email,
        @Size(max = Store.LEGAL_NAME_LENGTH) @PrintableText String legalName,
        @Size(max = Store.TAX_ID_LENGTH) @PrintableText String taxId,
        String timeZone,
        @OneOf(
                        values = {"shop", "warehouse"},
                        message = "store.kind_invalid")
                String kind,
        @Size(max = 64) String copyCatalogueFrom) {}
