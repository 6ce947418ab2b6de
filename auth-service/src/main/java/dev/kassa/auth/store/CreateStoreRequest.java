package dev.kassa.auth.store;

import dev.kassa.platform.validation.DomainValidated;
import dev.kassa.platform.validation.EmailAddress;
import dev.kassa.platform.validation.Phone;
import jakarta.validation.constraints.Size;

/**
 * A store's details as a form sends them (a new store, or the fields to change of an existing one). The name a new store
 * needs (and a change may not blank), the slug, and the time zone are the domain's ({@link StoreService}).
 */
@DomainValidated
record CreateStoreRequest(
        @Size(max = 255) String name,
        String slug,
        String description,
        @Size(max = 500) String address,
        @Size(max = 100) String city,
        @Size(max = 100) String region,
        @Phone String phone,
        @EmailAddress String email,
        @Size(max = 255) String legalName,
        @Size(max = 50) String taxId,
        String timeZone) {}
