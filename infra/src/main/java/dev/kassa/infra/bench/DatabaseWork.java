package dev.kassa.infra.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * What PostgreSQL did for the suite's services between two moments, per database: statements run (from
 * {@code pg_stat_statements}, without the transactions' own {@code BEGIN}, {@code COMMIT} and {@code ROLLBACK}) and
 * transactions ended (from {@code pg_stat_database}, committed and rolled back). Divided by a load's completed sales it
 * is issue 41's statements and transactions per sale; background work (outbox relays, sweeps, consumers) counts too.
 */
record DatabaseWork(Map<String, Long> statements, Map<String, Long> transactions, Map<String, Query> queries) {

    /**
     * One normalised statement of {@code pg_stat_statements} (its database and text), how often it ran and how long
     * PostgreSQL spent executing it in all (milliseconds; planning and the protocol's round trips not included).
     */
    record Query(String database, String text, long calls, double millis) {}

    /** How many of the most frequent statements {@link #printMostRun} shows. */
    static final int MOST_RUN = 25;

    /** The counters now, for every {@code kassa_*} database. */
    static DatabaseWork now(BenchContext context) throws SQLException {
        Map<String, Long> statements = new TreeMap<>();
        Map<String, Long> transactions = new TreeMap<>();
        Map<String, Query> queries = new HashMap<>();
        try (Connection c = context.connect("postgres");
                Statement s = c.createStatement()) {
            // pending statistics reach pg_stat_database when a backend is idle or a second later: read them fresh
            s.execute("select pg_stat_clear_snapshot()");
            try (ResultSet rs = s.executeQuery(
                    """
                    select d.datname, coalesce(sum(s.calls), 0)
                    from pg_database d left join pg_stat_statements s on s.dbid = d.oid
                      and s.query !~* '^\\s*(begin|commit|rollback|start transaction|end)\\s*;?\\s*$'
                    where d.datname like 'kassa\\_%' group by d.datname""")) {
                while (rs.next()) {
                    statements.put(rs.getString(1), rs.getLong(2));
                }
            }
            try (ResultSet rs = s.executeQuery(
                    """
                    select d.datname, s.queryid, s.query, s.calls, s.total_exec_time
                    from pg_stat_statements s join pg_database d on d.oid = s.dbid
                    where d.datname like 'kassa\\_%'
                      and s.query !~* '^\\s*(begin|commit|rollback|start transaction|end)\\s*;?\\s*$'""")) {
                while (rs.next()) {
                    queries.merge(
                            rs.getString(1) + "/" + rs.getLong(2),
                            new Query(rs.getString(1), rs.getString(3), rs.getLong(4), rs.getDouble(5)),
                            (a, b) ->
                                    new Query(a.database(), a.text(), a.calls() + b.calls(), a.millis() + b.millis()));
                }
            }
            try (ResultSet rs = s.executeQuery(
                    "select datname, xact_commit + xact_rollback from pg_stat_database where datname like 'kassa\\_%'")) {
                while (rs.next()) {
                    transactions.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        return new DatabaseWork(statements, transactions, queries);
    }

    /** The work done from {@code before} to this moment. */
    DatabaseWork since(DatabaseWork before) {
        Map<String, Long> s = new TreeMap<>();
        Map<String, Long> t = new TreeMap<>();
        statements.forEach((db, n) -> s.put(db, n - before.statements.getOrDefault(db, 0L)));
        transactions.forEach((db, n) -> t.put(db, n - before.transactions.getOrDefault(db, 0L)));
        Map<String, Query> q = new HashMap<>();
        queries.forEach((id, query) -> {
            Query was = before.queries.get(id);
            long calls = query.calls() - (was == null ? 0 : was.calls());
            if (calls > 0) {
                q.put(
                        id,
                        new Query(
                                query.database(),
                                query.text(),
                                calls,
                                query.millis() - (was == null ? 0 : was.millis())));
            }
        });
        return new DatabaseWork(s, t, q);
    }

    long totalStatements() {
        return statements.values().stream().mapToLong(Long::longValue).sum();
    }

    long totalTransactions() {
        return transactions.values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * Adds the rows of statements and transactions per completed sale (issue 41: at most 35 and 5), with each database's
     * share.
     */
    void report(Results results, String label, long sales) {
        double n = Math.max(1, sales);
        StringBuilder each = new StringBuilder();
        statements.forEach((db, calls) -> each.append(each.isEmpty() ? "" : ", ")
                .append(db.replace("kassa_", ""))
                .append(' ')
                .append(String.format("%.1f / %.1f", calls / n, transactions.getOrDefault(db, 0L) / n)));
        double statementsPerSale = totalStatements() / n;
        double transactionsPerSale = totalTransactions() / n;
        results.row(
                label + ": statements / transactions per completed sale (≤ 35 / ≤ 5)",
                String.format("%.1f / %.1f over %d sales {%s}", statementsPerSale, transactionsPerSale, sales, each),
                statementsPerSale <= 35 && transactionsPerSale <= 5);
    }

    /**
     * Prints the statements run most often, per completed sale, with their database: where the rows' figures come from
     * (issue 41's profile).
     */
    void printMostRun(long sales) {
        double n = Math.max(1, sales);
        System.out.printf(
                "Statements run most often per completed sale (of %d), with PostgreSQL's execution time per sale:%n",
                sales);
        queries.values().stream()
                .sorted(Comparator.comparingLong(Query::calls).reversed())
                .limit(MOST_RUN)
                .forEach(q -> System.out.printf(
                        "  %6.2f  %6.3f ms  %-10s %s%n",
                        q.calls() / n, q.millis() / n, q.database().replace("kassa_", ""), oneLine(q.text())));
        System.out.printf(
                "  PostgreSQL executing every statement: %.2f ms per completed sale%n",
                queries.values().stream().mapToDouble(Query::millis).sum() / n);
    }

    static String oneLine(String text) {
        String line = text.replaceAll("\\s+", " ").trim();
        return line.length() > 150 ? line.substring(0, 150) + "…" : line;
    }
}
