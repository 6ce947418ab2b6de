package dev.kassa.infra.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import static dev.kassa.infra.bench.BenchContext.CLOCK;
import static dev.kassa.infra.bench.Sql.schemaOf;

/** (e) How long after a sale's completion during a load it reached analytics, and catalog moved its stock. */
final class SaleDelays {

    private final BenchContext context;
    private final Results results;

    SaleDelays(BenchContext context) {
        this.context = context;
        this.results = context.results();
    }

    /** How long the store's sales completed from {@code since} to {@code until} took to reach analytics' sale facts. */
    void analytics(String label, Instant since, Instant until) throws SQLException, InterruptedException {
        Thread.sleep(3000); // the last sales of the run reach analytics
        try (Connection c = context.connect("kassa_analytics")) {
            String schema = schemaOf(c, context.store());
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery(
                            """
                    with d as (select completed_at, extract(epoch from recorded_at - completed_at) as delay
                                 from %s.sale_facts where kind = 'sale' and completed_at >= '%s' and completed_at < '%s')
                    select count(*), percentile_cont(0.99) within group (order by delay), percentile_cont(0.5) within group (order by delay),
                           count(*) filter (where delay > 1), (select completed_at from d order by delay desc limit 1), max(delay)
                      from d
                    """
                                    .formatted(schema, since, until))) {
                rs.next();
                double p99 = rs.getDouble(2) * 1000;
                // when the slowest sale was completed, against the (b)
                // steps' start times printed above: a stall's moment
                Timestamp worst = rs.getTimestamp(5);
                results.row(
                        label,
                        String.format(
                                "%.0f / %.0f ms over %d sales; slowest %.0f ms (completed %s), %d over 1 s",
                                rs.getDouble(3) * 1000,
                                p99,
                                rs.getLong(1),
                                rs.getDouble(6) * 1000,
                                worst == null ? "–" : CLOCK.format(worst.toInstant()),
                                rs.getLong(4)),
                        p99 <= 1000);
            }
        }
    }

    /**
     * How long after a sale's completion catalog had moved its stock (its holds completed, its batches reduced), from the
     * sales' own completion times and the holds' last update: catalog does it when it consumes {@code SaleCompleted}.
     * Reported, not judged (the issue sets no target); a sale catalog had not consumed yet is counted apart.
     */
    void stock(String label, Instant since, Instant until) throws SQLException {
        Map<String, Instant> completed = new HashMap<>();
        try (Connection c = context.connect("kassa_sales");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        """
                     select id, completed_at from %s.sales where status = 'completed' and completed_at >= '%s' and completed_at < '%s'
                     """
                                .formatted(schemaOf(c, context.store()), since, until))) {
            while (rs.next()) {
                completed.put(String.valueOf(rs.getLong(1)), rs.getTimestamp(2).toInstant());
            }
        }
        Latencies delays = new Latencies();
        try (Connection c = context.connect("kassa_catalog");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        """
                     select sale_ref, max(updated_at) from %s.reservations where status = 'completed' and updated_at >= '%s' group by sale_ref
                     """
                                .formatted(schemaOf(c, context.store()), since))) {
            while (rs.next()) {
                Instant sold = completed.get(rs.getString(1));
                if (sold != null) {
                    delays.add(Duration.between(sold, rs.getTimestamp(2).toInstant())
                            .toNanos());
                }
            }
        }
        long waiting = completed.size() - delays.count();
        results.row(
                label,
                String.format(
                        "%.0f / %.0f ms over %d sales, %d not moved yet",
                        delays.percentile(50), delays.percentile(99), delays.count(), waiting),
                true);
    }
}
