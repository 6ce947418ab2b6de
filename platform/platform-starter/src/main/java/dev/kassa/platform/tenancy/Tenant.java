package dev.kassa.platform.tenancy;

import java.time.LocalDate;
import java.time.ZoneId;

/** The store a request or an event is about: its key, its schema in this service, and its time zone. */
public record Tenant(String key, String schema, ZoneId zone) {

    /** The store's business date now (brief §3: "today" is the store's local date). */
    public LocalDate today() {
        return LocalDate.now(zone);
    }
}
