package dev.kassa.auth.account;

import jakarta.persistence.Embeddable;

/**
 * What a store says about itself besides its name (spec §2.3.2), as its form, its answer and its row hold it; what
 * receipts and invoices print. Never null: a value left out is empty, and every value is trimmed.
 */
@Embeddable
public record StoreDetails(
        String description,
        String address,
        String city,
        String region,
        String phone,
        String email,
        String legalName,
        String taxId) {

    public static final StoreDetails NONE = new StoreDetails(null, null, null, null, null, null, null, null);

    public StoreDetails {
        description = text(description);
        address = text(address);
        city = text(city);
        region = text(region);
        phone = text(phone);
        email = text(email);
        legalName = text(legalName);
        taxId = text(taxId);
    }

    private static String text(String s) {
        return s == null ? "" : s.trim();
    }
}
