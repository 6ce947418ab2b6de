package dev.kassa.auth.store;

/** A store's details as a form sends them (a new store, or the fields to change of an existing one). */
record CreateStoreRequest(
        String name,
        String slug,
        String description,
        String address,
        String city,
        String region,
        String phone,
        String email,
        String legalName,
        String taxId,
        String timeZone) {}
