package dev.kassa.platform.security;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Security events (login ok/failed, lockout, cross-tenant attempt, …): one structured log line each,
 * and a count in {@code kassa_security_events_total{event=…}}.
 */
public class SecurityEvents {

    private static final Logger log = LoggerFactory.getLogger("kassa.security");

    private final MeterRegistry meters;

    public SecurityEvents(MeterRegistry meters) {
        this.meters = meters;
    }

    /** An app's call (client credentials): logged at INFO, as {@code security_event=app_call}, and counted. */
    public void appCall(String subject, String tenantKey, String method, String path) {
        meters.counter("kassa.security.events", "event", "app_call").increment();
        log.info("security_event=app_call subject={} store={} detail={} {}", subject, tenantKey, method, path);
    }

    public void record(String event, String subject, String detail) {
        meters.counter("kassa.security.events", "event", event).increment();
        log.warn("security_event={} subject={} detail={}", event, subject, detail);
    }
}
