package dev.kassa.platform.events;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Contract of {@code StoreCreated} on {@code auth.events}, as every service reads it to provision the
 * store's schema. Published by auth-service through its outbox.
 * {@code kind}: {@code shop} (tills and shifts) or {@code warehouse} (stock only, no tills or shifts); null in events
 * published before stores had a kind, which are shops. {@code copyCatalogueFrom}: the owner's store whose catalogue the
 * new store starts with (catalog shares that store's products with it), null for none and in older events.
 */
@KassaEvent(topic = Topics.AUTH)
public record StoreCreated(
        @JsonProperty("store_id") long storeId,
        @JsonProperty("tenant_key") String tenantKey,
        String slug,
        @JsonProperty("schema_name") String schemaName,
        String name,
        @JsonProperty("time_zone") String timeZone,
        @JsonProperty("owner_user_id") long ownerUserId,
        String address,
        String phone,
        @JsonProperty("legal_name") String legalName,
        @JsonProperty("tax_id") String taxId,
        String kind,
        @JsonProperty("copy_catalogue_from") String copyCatalogueFrom) {}
