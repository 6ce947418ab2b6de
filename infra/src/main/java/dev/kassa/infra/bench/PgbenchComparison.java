package dev.kassa.infra.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.kassa.infra.bench.BenchContext.PRODUCTS;

/** (c) pgbench of a sale's writes on the suite's own PostgreSQL, and the peak of (b) as a share of it. */
final class PgbenchComparison {

    private final BenchContext context;
    private final Results results;

    PgbenchComparison(BenchContext context) {
        this.context = context;
        this.results = context.results();
    }

    /**
     * Runs pgbench for {@code step} seconds and compares Kassa's {@code peak} (sales a second) with it; answers pgbench's
     * rate (sales a second), NaN when it could not be measured.
     */
    double run(double peak, int step) throws Exception {
        String pgbench = findPgbench();
        if (pgbench == null) {
            results.row("(c) pgbench", "not installed (apt-get install postgresql-client); ratio not measured", false);
            return Double.NaN;
        }
        createDatabase();
        String output = runScript(pgbench, writeScript(), step);
        Matcher tps = Pattern.compile("tps = ([0-9.]+)").matcher(output);
        if (!tps.find()) {
            results.row("(c) pgbench", "failed: " + output.replaceAll("\\s+", " "), false);
            return Double.NaN;
        }
        double rate = Double.parseDouble(tps.group(1));
        results.row("(c) pgbench, the same writes (16 clients)", String.format("%.0f sales/s", rate), true);
        results.row(
                "(c) Kassa's peak / pgbench (≥ 25 %)",
                String.format("%.1f %%", 100 * peak / rate), peak / rate >= 0.25);
        return rate;
    }

    /** A database of its own, bench_pg, with a sale's tables and a batch of stock per product. */
    private void createDatabase() throws SQLException {
        try (Connection c = context.connect("postgres");
                Statement s = c.createStatement()) {
            s.execute("drop database if exists bench_pg");
            s.execute("create database bench_pg");
        }
        try (Connection c = context.connect("bench_pg");
                Statement s = c.createStatement()) {
            s.execute(
                    """
                    create table sale (id bigserial primary key, receipt varchar(40), status varchar(20), total numeric(14,2), created_at timestamptz default now(), completed_at timestamptz);
                    create table sale_item (id bigserial primary key, sale_id bigint, product_id bigint, name varchar(200), quantity numeric(12,3), unit_price numeric(14,2), line_total numeric(14,2), reservation_ref varchar(64));
                    create table payment (id bigserial primary key, sale_id bigint, method varchar(20), amount numeric(14,2), received numeric(14,2), created_at timestamptz default now());
                    create table batch (id bigint primary key, quantity numeric(14,3));
                    create table outbox (id bigserial primary key, event_id uuid, topic varchar(100), msg_key varchar(100), event_type varchar(100), envelope text, created_at timestamptz default now());
                    insert into batch select g, 1000000000 from generate_series(1, %d) g;
                    """
                            .formatted(PRODUCTS));
        }
    }

    /** pgbench's script: a sale of three products paid in cash, their stock and its event, in one transaction. */
    private static Path writeScript() throws IOException {
        Path script = Files.createTempFile("kassa-sale", ".sql");
        String envelope = "x".repeat(900);
        Files.writeString(
                script,
                """
                \\set a random(1, %1$d)
                \\set b random(1, %1$d)
                \\set c random(1, %1$d)
                \\set p1 least(:a, :b, :c)
                \\set p3 greatest(:a, :b, :c)
                \\set p2 :a + :b + :c - :p1 - :p3
                BEGIN;
                INSERT INTO sale (receipt, status, total) VALUES ('T1-20261122-0001', 'draft', 36000) RETURNING id AS sale_id \\gset
                INSERT INTO sale_item (sale_id, product_id, name, quantity, unit_price, line_total, reservation_ref) VALUES (:sale_id, :p1, 'Bench product', 1, 12000, 12000, md5(random()::text));
                INSERT INTO sale_item (sale_id, product_id, name, quantity, unit_price, line_total, reservation_ref) VALUES (:sale_id, :p2, 'Bench product', 1, 12000, 12000, md5(random()::text));
                INSERT INTO sale_item (sale_id, product_id, name, quantity, unit_price, line_total, reservation_ref) VALUES (:sale_id, :p3, 'Bench product', 1, 12000, 12000, md5(random()::text));
                INSERT INTO payment (sale_id, method, amount, received) VALUES (:sale_id, 'cash', 36000, 36000);
                UPDATE batch SET quantity = quantity - 1 WHERE id = :p1;
                UPDATE batch SET quantity = quantity - 1 WHERE id = :p2;
                UPDATE batch SET quantity = quantity - 1 WHERE id = :p3;
                UPDATE sale SET status = 'completed', completed_at = now() WHERE id = :sale_id;
                INSERT INTO outbox (event_id, topic, msg_key, event_type, envelope) VALUES (gen_random_uuid(), 'sales.events', 'bench', 'SaleCompleted', '%2$s');
                COMMIT;
                """
                        .formatted(PRODUCTS, envelope));
        return script;
    }

    /** Runs the script for {@code step} seconds on 16 clients; answers what pgbench printed. */
    private String runScript(String pgbench, Path script, int step) throws IOException, InterruptedException {
        String url = context.suite().jdbcBase();
        String port = url.replaceAll(".*:(\\d+)$", "$1");
        ProcessBuilder builder = new ProcessBuilder(
                        pgbench,
                        "-h",
                        "127.0.0.1",
                        "-p",
                        port,
                        "-U",
                        "postgres",
                        "-n",
                        "-c",
                        "16",
                        "-j",
                        "2",
                        "-T",
                        String.valueOf(step),
                        "-f",
                        script.toString(),
                        "bench_pg")
                .redirectErrorStream(true);
        builder.environment().put("PGPASSWORD", "postgres");
        Process p = builder.start();
        String output = new String(p.getInputStream().readAllBytes());
        p.waitFor();
        Files.deleteIfExists(script);
        return output;
    }

    private static String findPgbench() {
        for (String candidate : List.of(
                "/usr/bin/pgbench", "/usr/lib/postgresql/15/bin/pgbench", "/usr/lib/postgresql/16/bin/pgbench")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return candidate;
            }
        }
        return null;
    }
}
