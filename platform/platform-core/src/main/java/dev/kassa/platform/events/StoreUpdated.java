package dev.kassa.platform.events;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Contract of {@code StoreUpdated} on {@code auth.events}: the store's name, contacts, legal details or time zone
 * changed. Every service keeps them in its tenant registry (receipts, business dates).
 * {@code kind}: {@code shop} (tills and shifts) or {@code warehouse} (stock only, no tills or shifts); null in events
 * published before stores had a kind, which are shops.
 */
@KassaEvent(topic = Topics.AUTH)
public record StoreUpdated(
        @JsonProperty("store_id") long storeId,
        @JsonProperty("tenant_key") String tenantKey,
        String name,
        String address,
        String phone,
        @JsonProperty("legal_name") String legalName,
        @JsonProperty("tax_id") String taxId,
        @JsonProperty("time_zone") String timeZone,
        String kind) {}
