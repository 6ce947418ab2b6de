package dev.kassa.infra.bench;

import dev.kassa.infra.Suite;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;

/**
 * What {@link Failover} checks, apart from the faults it makes: every till call it recorded, judged by the window around a
 * fault, and the databases' figures after each fault (nothing lost, doubled or left behind), each a row of its table.
 */
final class FailoverChecks {

    /** One call a till made: when, its status, how long it took, what it was and, for a refusal, the error body's code. */
    record Attempt(long at, int status, long millis, String what, String code) {
        boolean failed() {
            return status < 0 || status >= 500 || status == 409 || status == 429;
        }
    }

    private final Suite suite;
    private final String store;
    private final Results results;
    private final ConcurrentLinkedQueue<Attempt> attempts = new ConcurrentLinkedQueue<>();
    /** Sales the tills saw answered 200 to their checkout. */
    private final Set<Long> paid = ConcurrentHashMap.newKeySet();

    FailoverChecks(Suite suite, String store, Results results) {
        this.suite = suite;
        this.store = store;
        this.results = results;
    }

    void record(Attempt attempt) {
        attempts.add(attempt);
    }

    /** A sale a till saw answered 200 to its checkout. */
    void paid(long sale) {
        paid.add(sale);
    }

    /** The store's open drafts, which the tills leave when they stop. */
    List<Long> drafts() throws SQLException {
        try (Connection sales = connect("kassa_sales")) {
            return longs(sales, "select id from " + Sql.schemaOf(sales, store) + ".sales where status = 'pending'");
        }
    }

    /**
     * The till calls while every instance is alive, the suite just started (issue 66, point 5: an instance takes calls
     * only once it has warmed up, so none is lost to a new instance's first calls).
     */
    void allAlive(String name, long from, long to) {
        List<Attempt> in = between(from, to);
        List<Attempt> failed = in.stream().filter(Attempt::failed).toList();
        results.row(
                name + ": till calls failed (0: warm before ready)",
                String.format("%d of %d %s", failed.size(), in.size(), byKind(failed)),
                failed.isEmpty());
        noFiveHundreds(name, failed);
    }

    /** The till calls of a window around the loss of one instance at {@code fault}. */
    void window(String name, long from, long to, long fault) {
        List<Attempt> in = between(from, to);
        List<Attempt> failed = in.stream().filter(Attempt::failed).toList();
        long lastAfter = failed.stream()
                .mapToLong(a -> a.at() + a.millis() - fault)
                .max()
                .orElse(0);
        double share = in.isEmpty() ? 100 : 100.0 * failed.size() / in.size();
        results.row(
                name + ": till calls failed (≤ 1 %)",
                String.format("%d of %d (%.2f %%) %s", failed.size(), in.size(), share, byKind(failed)),
                share <= 1.0);
        results.row(
                name + ": last failed call after the loss (≤ 5 s)",
                failed.isEmpty() ? "none failed" : String.format("%.1f s", lastAfter / 1000.0),
                lastAfter <= 5_000);
        noFiveHundreds(name, failed);
    }

    private List<Attempt> between(long from, long to) {
        return attempts.stream().filter(a -> a.at() >= from && a.at() < to).toList();
    }

    private void noFiveHundreds(String name, List<Attempt> failed) {
        long fiveHundreds = failed.stream().filter(a -> a.status() == 500).count();
        results.row(name + ": answers 500 (0)", String.valueOf(fiveHundreds), fiveHundreds == 0);
    }

    /** A component away for a while: clear 503s meanwhile (no 500, no call past the route timeout), selling again soon after. */
    void outage(String name, long from, long to, long away, long back) {
        List<Attempt> in = between(from, to);
        long fiveHundreds = in.stream().filter(a -> a.status() == 500).count();
        long hung = in.stream()
                .filter(a -> a.millis() > Failover.ROUTE_TIMEOUT_MS + 2_000)
                .count();
        long failed = in.stream().filter(Attempt::failed).count();
        long firstSale = in.stream()
                .filter(a -> "checkout".equals(a.what()) && !a.failed() && a.at() >= back)
                .mapToLong(Attempt::at)
                .min()
                .orElse(Long.MAX_VALUE);
        boolean soldThrough = in.stream()
                .anyMatch(a -> "checkout".equals(a.what()) && !a.failed() && a.at() >= away && a.at() < back);
        results.row(
                name + ": till calls failed meanwhile (503s allowed)",
                failed + " of " + in.size() + " "
                        + byKind(in.stream().filter(Attempt::failed).toList()),
                true);
        results.row(
                name + ": answers 500 (0); calls longer than the route timeout (0)",
                fiveHundreds + "; " + hung,
                fiveHundreds == 0 && hung == 0);
        String again = firstSale == Long.MAX_VALUE
                ? "no sale after it"
                : String.format("%.1f s after it was back", (firstSale - back) / 1000.0);
        results.row(
                name + ": selling again (≤ 10 s after its return)",
                (soldThrough ? "sold throughout; " : "") + again,
                firstSale != Long.MAX_VALUE && firstSale - back <= 10_000);
    }

    private static String byKind(List<Attempt> failed) {
        Map<String, Integer> kinds = new TreeMap<>();
        failed.forEach(a -> kinds.merge((a.what() + " " + a.status() + " " + a.code()).strip(), 1, Integer::sum));
        return kinds.isEmpty() ? "" : kinds.toString();
    }

    /** The rows of one check after a fault, from the figures once they settled (or the last ones read). */
    void judge(String name, Figures f) {
        results.row(
                name + ": sales list = analytics = checkouts answered 200",
                f.listed + " = " + f.analytics + " = " + f.paid,
                f.listed == f.analytics && f.listed == f.paid && f.sameSales);
        results.row(
                name + ": stock = initial − sold, each product",
                f.fell + " fell, " + f.sold + " sold",
                f.fell.equals(f.sold));
        results.row(
                name + ": holds left once the drafts are closed (0)",
                f.holds + " holds, " + f.intents + " unowned",
                f.holds == 0 && f.intents == 0);
        results.row(
                name + ": units in the keyed tills' sales = units their scans were answered for",
                f.inSales + " = " + f.scanned,
                f.inSales == f.scanned);
        results.row(
                name + ": customers whose balance or points differ from their ledger (0)",
                String.valueOf(f.ledgerMismatches),
                f.ledgerMismatches == 0);
    }

    record Figures(
            long listed,
            long analytics,
            long paid,
            boolean sameSales,
            Map<Long, Long> fell,
            Map<Long, Long> sold,
            long holds,
            long intents,
            long inSales,
            long scanned,
            long ledgerMismatches) {
        boolean settled() {
            return listed == analytics && fell.equals(sold) && holds == 0 && intents == 0;
        }
    }

    /**
     * What the databases say now: {@code keyedShifts} are the keyed tills' shifts, whose sales must hold the
     * {@code scanned} units their scans were answered for.
     */
    Figures figures(List<Long> keyedShifts, long scanned) throws SQLException {
        try (Connection sales = connect("kassa_sales");
                Connection analytics = connect("kassa_analytics");
                Connection catalog = connect("kassa_catalog");
                Connection customers = connect("kassa_customer")) {
            String s = Sql.schemaOf(sales, store);
            String c = Sql.schemaOf(catalog, store);
            String cu = Sql.schemaOf(customers, store);
            List<Long> completed = longs(sales, "select id from " + s + ".sales where status = 'completed'");
            long seen = Sql.single(
                    analytics,
                    "select count(*) from " + Sql.schemaOf(analytics, store) + ".sale_facts where kind = 'sale'");
            Map<Long, Long> sold = pairs(
                    sales,
                    "select i.product_id, sum(i.quantity)::bigint from " + s + ".sale_items i join " + s
                            + ".sales x on x.id = i.sale_id where x.status = 'completed' group by i.product_id");
            Map<Long, Long> fell = pairs(
                    catalog,
                    "select p.id, (" + Failover.STOCK + " - coalesce(sum(b.quantity), 0))::bigint from " + c
                            + ".products p left join " + c + ".batches b on b.product_id = p.id group by p.id");
            fell.values().removeIf(v -> v == 0);
            long holds = Sql.single(catalog, "select count(*) from " + c + ".reservations where status = 'active'");
            long intents = Sql.single(
                    sales, "select count(*) from public.till_hold_intents where tenant_key = '" + store + "'");
            long inSales = Sql.single(
                    sales,
                    "select coalesce(sum(i.quantity), 0)::bigint from " + s + ".sale_items i join " + s
                            + ".sales x on x.id = i.sale_id where x.status in ('completed', 'cancelled') and x.session_id in ("
                            + keyedShifts.stream().map(String::valueOf).collect(Collectors.joining(","))
                            + ")");
            long ledger = Sql.single(
                    customers,
                    "select count(*) from " + cu
                            + ".customers c where c.balance <> coalesce((select sum(t.balance_after - "
                            + "t.balance_before) from " + cu
                            + ".customer_transactions t where t.customer_id = c.id), 0) or c.loyalty_points <> coalesce((select "
                            + "sum(coalesce(t.points_after, 0) - coalesce(t.points_before, 0)) from " + cu
                            + ".customer_transactions t where t.customer_id = c.id), 0)");
            return new Figures(
                    completed.size(),
                    seen,
                    paid.size(),
                    Set.copyOf(completed).equals(Set.copyOf(paid)),
                    fell,
                    sold,
                    holds,
                    intents,
                    inSales,
                    scanned,
                    ledger);
        }
    }

    private static List<Long> longs(Connection c, String sql) throws SQLException {
        List<Long> out = new ArrayList<>();
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getLong(1));
            }
        }
        return out;
    }

    private static Map<Long, Long> pairs(Connection c, String sql) throws SQLException {
        Map<Long, Long> out = new TreeMap<>();
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.put(rs.getLong(1), rs.getLong(2));
            }
        }
        return out;
    }

    private Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(suite.jdbcBase() + "/" + database, "postgres", "postgres");
    }
}
