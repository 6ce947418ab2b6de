package dev.kassa.analytics.ingest;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The parts of customer-service's events that analytics reads (contracts: docs/events.md). */
final class CustomerEvents {
    private CustomerEvents() {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record CustomerCreated(long customerId, String fullName, String phone, String customerType) {}
}
