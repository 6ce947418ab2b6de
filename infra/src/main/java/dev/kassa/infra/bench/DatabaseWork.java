package dev.kassa.infra.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;

/**
 * What PostgreSQL did for the suite's services between two moments, per database: statements run (from
 * {@code pg_stat_statements}, without the transactions' own {@code BEGIN}, {@code COMMIT} and {@code ROLLBACK}) and
 * transactions ended (from {@code pg_stat_database}, committed and rolled back). Divided by a load's completed sales it
 * is issue 41's statements and transactions per sale; background work (outbox relays, sweeps, consumers) counts too.
 */
record DatabaseWork(Map<String, Long> statements, Map<String, Long> transactions) {

    /** The counters now, for every {@code kassa_*} database. */
    static DatabaseWork now(BenchContext context) throws SQLException {
        Map<String, Long> statements = new TreeMap<>();
        Map<String, Long> transactions = new TreeMap<>();
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
                    "select datname, xact_commit + xact_rollback from pg_stat_database where datname like 'kassa\\_%'")) {
                while (rs.next()) {
                    transactions.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        return new DatabaseWork(statements, transactions);
    }

    /** The work done from {@code before} to this moment. */
    DatabaseWork since(DatabaseWork before) {
        Map<String, Long> s = new TreeMap<>();
        Map<String, Long> t = new TreeMap<>();
        statements.forEach((db, n) -> s.put(db, n - before.statements.getOrDefault(db, 0L)));
        transactions.forEach((db, n) -> t.put(db, n - before.transactions.getOrDefault(db, 0L)));
        return new DatabaseWork(s, t);
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
}
