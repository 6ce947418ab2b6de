package dev.kassa.infra.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import static dev.kassa.infra.bench.BenchContext.PORT_BASE;

/**
 * (s) What one call of the reads the clients make most costs (issue 66): each read called {@link #CALLS} times through the
 * gateway, {@link #PARALLEL} at a time, after {@link #WARM_UP} calls of it; the statements each database ran for it
 * ({@code pg_stat_statements}, without {@code BEGIN}/{@code COMMIT}) and the transactions, and the suite's CPU per call
 * (gateway, the services, PostgreSQL), without what the JIT compilers spent meanwhile. What the suite does meanwhile on
 * its own (consumers' polls, relays, sweeps) is measured idle for as long beforehand and taken off; each read is
 * measured once the suite and the compilers are quiet after its warm-up. The product read is measured twice more for
 * the floor under it: through Spring Cloud Gateway with nothing of Kassa's ({@code Suite#startBareGateway}, running only
 * for that read), and straight to catalog.
 */
final class CallCosts {

    static final int CALLS = 2000;
    static final int WARM_UP = 1000;
    static final int PARALLEL = 4;
    /** Where the benchmark's Spring Cloud Gateway without Kassa's filters listens while (s) runs. */
    static final int BARE_GATEWAY_PORT = PORT_BASE + 99;

    private final BenchContext context;
    private final Results results;

    CallCosts(BenchContext context) {
        this.context = context;
        this.results = context.results();
    }

    /** One read: its name in the table, the target the issue sets (null: reported), and the call. */
    private record Read(String name, Double maxStatements, Double maxCpuMs, Supplier<Http.Answer> call) {}

    /** What the calls cost: statements and transactions per call by database, CPU per call (ms) by process group. */
    private record Cost(
            Map<String, Double> statements, Map<String, Double> transactions, Map<String, Double> cpuMs, long failed) {

        double totalStatements() {
            return statements.values().stream().mapToDouble(Double::doubleValue).sum();
        }
    }

    void run() throws Exception {
        System.out.println("(s) what one call of the most frequent reads costs …");
        Http owner = context.gateway().as(context.ownerToken(), context.store());
        BenchContext.Till till = context.tills().get(0);
        long product = context.products().get(0);
        String barcode = context.randomBarcode();
        // the till's current sale: a draft of three lines, as a cashier's screen shows it between scans
        Long draft = null;
        for (int i = 0; i < 3; i++) {
            Http.Answer scanned = till.http()
                    .post(
                            "/api/sales/sales/scan-item/",
                            Map.of(
                                    "session",
                                    till.session(),
                                    "product",
                                    context.products().get(i),
                                    "quantity",
                                    1));
            if (scanned.ok()) {
                draft = scanned.body().at("/data/id").asLong();
            }
        }
        String profileTag = owner.etag("/api/users/profile/");
        String productPath = "/api/products/products/" + product + "/";
        Read productRead = new Read("product read", 1.0, 1.0, () -> owner.get(productPath));
        Http direct = new Http("http://127.0.0.1:" + (PORT_BASE + 2), context.ownerToken(), context.store());
        List<Read> reads = List.of(
                new Read("product read straight to catalog (no gateway)", null, null, () -> direct.get(productPath)),
                new Read("product list page", 2.0, null, () -> owner.get("/api/products/products/?page=1")),
                new Read("scan by barcode", 2.0, null, () -> till.http()
                        .get("/api/products/products/scan_barcode/?barcode=" + barcode)),
                new Read("current sale (3 lines)", 2.0, null, () -> till.http()
                        .get("/api/sales/sales/current/?session=" + till.session())),
                new Read("current shift", 2.0, null, () -> till.http().get("/api/sales/sessions/current/")),
                new Read("profile", 2.0, null, () -> owner.get("/api/users/profile/")),
                new Read(
                        "my-stores-with-credentials",
                        2.0,
                        null,
                        () -> owner.get("/api/users/stores/my-stores-with-credentials/")),
                new Read(
                        "profile asked again unchanged (If-None-Match: 304)",
                        null,
                        0.3,
                        () -> owner.get("/api/users/profile/", "If-None-Match", profileTag)));
        Cost idle = idle(5);
        measure(productRead, idle);
        bareGateway(productPath);
        for (Read read : reads) {
            measure(read, idle);
        }
        if (draft != null) {
            owner.post("/api/sales/sales/" + draft + "/cancel/", Map.of());
        }
    }

    /**
     * The floor under point 3: the product read through Spring Cloud Gateway with nothing of Kassa's, running only for
     * this read (its own idle work measured and taken off as the suite's is).
     */
    private void bareGateway(String productPath) throws Exception {
        context.suite().startBareGateway(BARE_GATEWAY_PORT, PORT_BASE + 2);
        try {
            Http bare = new Http("http://127.0.0.1:" + BARE_GATEWAY_PORT, context.ownerToken(), context.store());
            // started just now, where Kassa's gateway has run the whole benchmark: its compilers get as long as they
            // take
            calls(() -> bare.get(productPath), 10 * WARM_UP);
            measure(
                    new Read(
                            "product read through Spring Cloud Gateway alone (one route; no security, metrics,"
                                    + " tracing, load balancer, breaker or filter of Kassa's: the stack's floor)",
                            null,
                            null,
                            () -> bare.get(productPath)),
                    idle(5));
        } finally {
            context.suite().stopBareGateway();
        }
    }

    /** Measures one read after its warm-up, once the compilers and the suite are quiet, and reports it. */
    private void measure(Read read, Cost idle) throws Exception {
        calls(read.call(), WARM_UP);
        context.suite().meter().compilersQuiet(60);
        context.suite().meter().settle(30);
        long started = System.nanoTime();
        DatabaseWork before = DatabaseWork.now(context);
        Map<String, Long> ticksBefore = ticks();
        long failed = calls(read.call(), CALLS);
        double seconds = (System.nanoTime() - started) / 1e9;
        DatabaseWork work = DatabaseWork.now(context).since(before);
        Map<String, Long> ticksAfter = ticks();
        Cost cost = perCall(work, ticksBefore, ticksAfter, CALLS, failed, idle, seconds);
        report(read, cost);
        work.queries().values().stream()
                .filter(q -> q.calls() >= CALLS * 0.3)
                .sorted(Comparator.comparingLong(DatabaseWork.Query::calls).reversed())
                .forEach(q -> System.out.printf(
                        "      %5.2f  %-8s %s%n",
                        (double) q.calls() / CALLS,
                        q.database().replace("kassa_", ""),
                        DatabaseWork.oneLine(q.text())));
    }

    /** What the suite costs on its own, per second, measured over {@code seconds} with no call made. */
    private Cost idle(int seconds) throws Exception {
        context.suite().meter().settle(30);
        DatabaseWork before = DatabaseWork.now(context);
        Map<String, Long> ticksBefore = ticks();
        TimeUnit.SECONDS.sleep(seconds);
        DatabaseWork work = DatabaseWork.now(context).since(before);
        Map<String, Long> ticksAfter = ticks();
        return perCall(work, ticksBefore, ticksAfter, seconds, 0, null, 0);
    }

    /**
     * The figures divided by {@code n}; with {@code idle} (per second) given, what the suite did on its own over {@code
     * seconds} taken off first.
     */
    private static Cost perCall(
            DatabaseWork work,
            Map<String, Long> ticksBefore,
            Map<String, Long> ticksAfter,
            long n,
            long failed,
            Cost idle,
            double seconds) {
        Map<String, Double> statements = new LinkedHashMap<>();
        Map<String, Double> transactions = new LinkedHashMap<>();
        work.statements().forEach((db, count) -> {
            String name = db.replace("kassa_", "");
            double own = count - (idle == null ? 0 : idle.statements().getOrDefault(name, 0.0) * seconds);
            statements.put(name, Math.max(0, own) / n);
        });
        work.transactions().forEach((db, count) -> {
            String name = db.replace("kassa_", "");
            double own = count - (idle == null ? 0 : idle.transactions().getOrDefault(name, 0.0) * seconds);
            transactions.put(name, Math.max(0, own) / n);
        });
        Map<String, Double> cpu = new LinkedHashMap<>();
        ticksAfter.forEach((process, ticks) -> {
            String group = process.startsWith("gateway")
                    ? "gateway"
                    : process.startsWith("postgres") ? "postgresql" : "kafka".equals(process) ? "kafka" : "services";
            // clock ticks of 10 ms
            double ms = 10.0 * (ticks - ticksBefore.getOrDefault(process, ticks));
            cpu.merge(group, ms, Double::sum);
        });
        if (idle != null) {
            cpu.replaceAll((group, ms) -> Math.max(0, ms - idle.cpuMs().getOrDefault(group, 0.0) * seconds));
        }
        cpu.replaceAll((group, ms) -> ms / n);
        return new Cost(statements, transactions, cpu, failed);
    }

    private void report(Read read, Cost cost) {
        StringBuilder dbs = new StringBuilder();
        cost.statements().forEach((db, s) -> {
            if (s >= 0.05) {
                dbs.append(dbs.isEmpty() ? "" : ", ")
                        .append(db)
                        .append(' ')
                        .append(String.format(
                                "%.1f / %.1f", s, cost.transactions().getOrDefault(db, 0.0)));
            }
        });
        StringBuilder cpus = new StringBuilder();
        for (String group : List.of("gateway", "services", "postgresql")) {
            cpus.append(cpus.isEmpty() ? "" : " + ")
                    .append(String.format("%.2f", cost.cpuMs().getOrDefault(group, 0.0)));
        }
        double cpu = cost.cpuMs().getOrDefault("gateway", 0.0)
                + cost.cpuMs().getOrDefault("services", 0.0)
                + cost.cpuMs().getOrDefault("postgresql", 0.0);
        List<String> targets = new ArrayList<>();
        boolean met = cost.failed() == 0;
        if (read.maxStatements() != null) {
            targets.add("≤ " + read.maxStatements().intValue() + " statement" + (read.maxStatements() > 1 ? "s" : ""));
            met &= cost.totalStatements() <= read.maxStatements() + 0.05;
        }
        if (read.maxCpuMs() != null) {
            targets.add("CPU ≤ " + read.maxCpuMs() + " ms");
            met &= cpu <= read.maxCpuMs();
        }
        results.row(
                "(s) " + read.name() + ": statements / transactions, suite CPU per call"
                        + (targets.isEmpty() ? " (reported)" : " (" + String.join(", ", targets) + ")"),
                String.format(
                        "%.1f {%s}; %.2f ms (gateway + services + PostgreSQL: %s)%s",
                        cost.totalStatements(),
                        dbs,
                        cpu,
                        cpus,
                        cost.failed() == 0 ? "" : ", " + cost.failed() + " failed"),
                met);
    }

    /** Each process's CPU ticks so far, less its JIT compilers' (work done once, not per call). */
    private Map<String, Long> ticks() {
        Map<String, Long> ticks = new LinkedHashMap<>(context.suite().meter().cpuTicksByProcess());
        context.suite()
                .meter()
                .compilerTicksByProcess()
                .forEach((process, compiler) -> ticks.computeIfPresent(process, (p, all) -> all - compiler));
        return ticks;
    }

    /** Makes {@code n} calls, {@link #PARALLEL} at a time; answers how many failed (neither 2xx nor 304). */
    private static long calls(Supplier<Http.Answer> call, int n) throws InterruptedException {
        AtomicInteger left = new AtomicInteger(n);
        AtomicLong failed = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL);
        for (int i = 0; i < PARALLEL; i++) {
            pool.submit(() -> {
                while (left.getAndDecrement() > 0) {
                    Http.Answer answer = call.get();
                    if (!answer.ok() && answer.status() != 304) {
                        failed.incrementAndGet();
                    }
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(10, TimeUnit.MINUTES);
        return failed.get();
    }
}
