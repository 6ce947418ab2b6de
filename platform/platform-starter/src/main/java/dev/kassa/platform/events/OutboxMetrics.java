package dev.kassa.platform.events;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The outbox backlog as gauges, read once per scrape: {@code kassa_outbox_pending} (events committed and not yet on
 * Kafka) and {@code kassa_outbox_oldest_age_seconds} (how long the oldest of them has waited; 0 when none). A broker
 * outage shows as a growing age long before any consumer notices.
 */
public class OutboxMetrics implements MeterBinder {

    private record Backlog(long pending, double oldestAgeSeconds, long readAt) {}

    private final JdbcTemplate jdbc;
    private volatile Backlog last = new Backlog(0, 0, 0);

    public OutboxMetrics(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("kassa.outbox.pending", this, m -> m.backlog().pending())
                .description("Events committed to the outbox and not yet acknowledged by Kafka")
                .register(registry);
        Gauge.builder("kassa.outbox.oldest.age", this, m -> m.backlog().oldestAgeSeconds())
                .description("Seconds the oldest unsent outbox event has waited (0 when none)")
                .baseUnit("seconds")
                .register(registry);
    }

    /** Both gauges come from one query, at most once a second. */
    private Backlog backlog() {
        Backlog current = last;
        long now = System.currentTimeMillis();
        if (now - current.readAt() < 1_000) {
            return current;
        }
        try {
            current = jdbc.queryForObject(
                    "select count(*), coalesce(extract(epoch from now() - min(created_at)), 0) from public.kassa_outbox",
                    (rs, i) -> new Backlog(rs.getLong(1), rs.getDouble(2), now));
        } catch (RuntimeException databaseAway) {
            // the gauge keeps its last value; the database's own alerts tell why
            current = new Backlog(current.pending(), current.oldestAgeSeconds(), now);
        }
        last = current;
        return current;
    }
}
