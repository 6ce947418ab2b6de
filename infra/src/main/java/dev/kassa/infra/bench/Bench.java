package dev.kassa.infra.bench;

import dev.kassa.infra.Suite;
import dev.kassa.infra.SuiteConfig;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static dev.kassa.infra.bench.Http.json;

/**
 * {@code infra/kassa bench}: starts the whole suite in production mode (full JIT) on its own ports and data, loads it as
 * a busy store's tills would, and prints one table of every figure against the targets of brief §9 and issue 14:
 * <ol type="a">
 *   <li>realistic load: 50 tills, three scans a second apart, then a cash checkout;</li>
 *   <li>saturation: tills without pauses at 10, 25, 50 and 100;</li>
 *   <li>pgbench of the same writes on the same PostgreSQL, and the peak of (b) as a share of it;</li>
 *   <li>the same product GET through the gateway and straight to catalog;</li>
 *   <li>sale completed → visible in analytics during (b);</li>
 *   <li>registration, and a new store answering in every service;</li>
 *   <li>start-up of a service with 10,000 tenants in its registry against 10;</li>
 *   <li>resident memory per process;</li>
 *   <li>(r) analytics with a year of a store's sales: every report endpoint through the gateway.</li>
 * </ol>
 * After the load it checks correctness: sales in the sales list = sales in analytics, stock fell by exactly what was
 * sold, no active holds are left. Durations: {@code KASSA_BENCH_WARMUP_SECONDS} (90, then until the JIT compilers are quiet, at most
 * {@code KASSA_BENCH_WARMUP_MAX_SECONDS}, 900), {@code KASSA_BENCH_SECONDS} (realistic phase, 60) and
 * {@code KASSA_BENCH_STEP_SECONDS} (each saturation level, 20).
 */
public final class Bench {

    private static final int PRODUCTS = 20;
    private static final BigDecimal PRICE = new BigDecimal("12000");
    private static final int MAX_TILLS = 100;
    private static final int STOCK = 500_000;
    private static final int PORT_BASE = 18080;
    private static final DateTimeFormatter CLOCK =
            DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

    private final Suite suite;
    private final Http gateway;
    private final Map<String, String> table = new LinkedHashMap<>();
    private final List<String> failures = new ArrayList<>();
    private String store;
    private String ownerToken;
    private final List<String> barcodes = new ArrayList<>();
    private final List<Long> products = new ArrayList<>();
    private final List<Till> tills = new ArrayList<>();

    private record Till(Http http, long session, String cashier) {}

    private String ownerName;
    private long tokensAt;

    private Bench(Suite suite) {
        this.suite = suite;
        this.gateway = new Http(suite.gatewayUrl(), null, null);
    }

    public static void main(String[] args) throws Exception {
        int seconds = Integer.parseInt(System.getenv().getOrDefault("KASSA_BENCH_SECONDS", "60"));
        int step = Integer.parseInt(System.getenv().getOrDefault("KASSA_BENCH_STEP_SECONDS", "20"));
        SuiteRun.exitWith(
                "bench",
                "Starting the suite in production mode (full JIT)",
                data -> SuiteConfig.local(SuiteRun.root(), data, PORT_BASE, 18761, 18432, 18092, true),
                Duration.ofSeconds(300),
                suite -> {
                    Map<String, Long> readyMemory = suite.residentMegabytesByProcess();
                    Bench bench = new Bench(suite);
                    // the ≤ 90 s target is for `infra/kassa up` (fast start, class-data archives); this suite runs the
                    // optimising
                    // compiler without archives, so its start-up is reported, not judged
                    bench.row(
                            "suite ready, full JIT without class-data archives (reported)",
                            String.format("%.1f s", suite.secondsToReady()),
                            true);
                    long total = readyMemory.values().stream()
                            .mapToLong(Long::longValue)
                            .sum();
                    bench.row(
                            "resident memory at ready, whole suite (≤ 3072 MB)",
                            total + " MB " + readyMemory,
                            total <= 3072);
                    return bench.run(seconds, step);
                });
    }

    private int run(int seconds, int step) throws Exception {
        // KASSA_BENCH_PARTS=a,b,… runs only those parts of the table (a quicker loop while profiling one of them)
        Set<String> parts = Set.of(System.getenv()
                .getOrDefault("KASSA_BENCH_PARTS", "a,b,c,d,e,f,g,h,r")
                .toLowerCase(Locale.ROOT)
                .split("\\s*,\\s*"));
        boolean tills = parts.contains("a") || parts.contains("b") || parts.contains("c") || parts.contains("e");
        if (tills || parts.contains("d")) {
            setUp();
            warmUp(step);
        }
        if (parts.contains("a")) {
            freshTokens();
            realistic(seconds);
        }
        if (parts.contains("b") || parts.contains("c") || parts.contains("e")) {
            // without (a) before it, (b) would start on the warm-up's backlog and count its delays in (e)
            settle();
            freshTokens();
            Instant saturationStart = Instant.now();
            double peak = saturation(step);
            Instant saturationEnd = Instant.now();
            analyticsDelay(
                    "(e) sale completed → in analytics during (b): p50 / p99 (p99 ≤ 1000 ms)",
                    saturationStart,
                    saturationEnd);
            stockDelay(
                    "(e) sale completed → stock moved in catalog during (b): p50 / p99 (reported)",
                    saturationStart,
                    saturationEnd);
            pgbench(peak, step);
        }
        if (parts.contains("d")) {
            settle();
            freshTokens();
            gatewayOverhead(step);
        }
        if (parts.contains("f")) {
            registration();
        }
        if (parts.contains("h")) {
            memory();
        }
        if (tills) {
            correctness();
        }
        if (parts.contains("r")) {
            reports();
        }
        if (parts.contains("g")) {
            startUpWithManyTenants();
        }
        print();
        return failures.isEmpty() ? 0 : 1;
    }

    // ---------------------------------------------------------------- set-up

    private void setUp() {
        String owner = "bench_owner_" + UUID.randomUUID().toString().substring(0, 8);
        Http.Answer registered = gateway.post(
                "/api/users/auth/register/",
                json(
                        "username",
                        owner,
                        "password",
                        "BenchPass123!",
                        "password_confirm",
                        "BenchPass123!",
                        "first_name",
                        "Bench",
                        "store_name",
                        "Bench Market"));
        require(registered.status() == 201, "registration", registered);
        ownerName = owner;
        ownerToken = registered.text("/data/tokens/access");
        tokensAt = System.nanoTime();
        store = registered.text("/data/store/tenant_key");
        Http owned = gateway.as(ownerToken, store);
        for (int i = 0; i < PRODUCTS; i++) {
            Http.Answer product = owned.post(
                    "/api/products/products/",
                    json(
                            "name",
                            "Bench product " + i,
                            "cost_price",
                            8000,
                            "sale_price",
                            PRICE,
                            "unit",
                            "pcs",
                            "initial_quantity",
                            STOCK));
            require(product.status() == 201, "product", product);
            products.add(product.body().path("id").asLong());
            barcodes.add(product.text("/barcode"));
        }
        System.out.printf("Setting up %d tills (a cashier, a register and an open shift each) …%n", MAX_TILLS);
        for (int i = 0; i < MAX_TILLS; i++) {
            String cashier = "till_" + i + "_" + UUID.randomUUID().toString().substring(0, 6);
            Http.Answer employee = owned.post(
                    "/api/users/employees/",
                    json(
                            "username",
                            cashier,
                            "password",
                            "TillPass123!",
                            "first_name",
                            "Till " + i,
                            "role",
                            "cashier"));
            require(employee.status() == 201, "cashier", employee);
            Http.Answer register = owned.post("/api/sales/cash-registers/", json("name", "Till " + i, "code", "T" + i));
            require(register.ok(), "register", register);
            Http.Answer login =
                    gateway.post("/api/users/auth/login/", json("username", cashier, "password", "TillPass123!"));
            require(login.ok(), "cashier login", login);
            Http till = gateway.as(login.text("/access"), store);
            Http.Answer shift = till.post(
                    "/api/sales/sessions/open/",
                    json(
                            "opening_balance",
                            0,
                            "cash_register",
                            register.body().path("id").asLong()));
            require(shift.ok(), "shift", shift);
            tills.add(new Till(till, shift.body().at("/data/id").asLong(), cashier));
        }
    }

    /**
     * Signs the owner and every till in again when their access tokens are more than five minutes old, as the apps do
     * with theirs: the tokens live 15 minutes, and the warm-up alone may take that long (with the tokens of the set-up,
     * (a) once answered 1,528 scans with 401 and (d) counted the gateway's GETs only until the owner's token lapsed).
     */
    private void freshTokens() {
        if (System.nanoTime() - tokensAt < TimeUnit.MINUTES.toNanos(5)) {
            return;
        }
        Http.Answer owner =
                gateway.post("/api/users/auth/login/", json("username", ownerName, "password", "BenchPass123!"));
        require(owner.ok(), "owner login", owner);
        ownerToken = owner.text("/access");
        for (int i = 0; i < tills.size(); i++) {
            Till till = tills.get(i);
            Http.Answer login = gateway.post(
                    "/api/users/auth/login/", json("username", till.cashier(), "password", "TillPass123!"));
            require(login.ok(), "cashier login", login);
            tills.set(i, new Till(gateway.as(login.text("/access"), store), till.session(), till.cashier()));
        }
        tokensAt = System.nanoTime();
    }

    // ---------------------------------------------------------------- (a) and (b)

    /** One till's sale: three scans (with a pause between them), then a cash checkout. Returns whether it completed. */
    private boolean sell(Till till, Pace pace, Latencies scans, Latencies checkouts) throws InterruptedException {
        Http.Answer last = null;
        for (int i = 0; i < 3; i++) {
            pace.await();
            Http.Answer scan = till.http()
                    .post(
                            "/api/sales/sales/scan-item/",
                            json(
                                    "session",
                                    till.session(),
                                    "barcode",
                                    barcodes.get(ThreadLocalRandom.current().nextInt(PRODUCTS)),
                                    "quantity",
                                    1));
            scans.record(scan);
            if (scan.ok()) {
                last = scan;
            }
            pace.advance();
        }
        if (last == null) {
            return false;
        }
        pace.await();
        String total = last.text("/data/total_amount");
        Http.Answer checkout = till.http()
                .post(
                        "/api/sales/sales/" + last.body().at("/data/id").asLong() + "/checkout/",
                        json(
                                "payments",
                                List.of(json("payment_method", "cash", "amount", total, "received_amount", total))));
        checkouts.record(checkout);
        return checkout.ok();
    }

    /**
     * A till's own pace: a scan every {@code pauseMillis} by its own clock, the checkout a pause after the third scan and the
     * next sale's first scan right after it (a sale every three pauses), without pauses a request right after the answer.
     * <p>
     * The pause used to start when the answer came: then a hiccup anywhere (a collection, a burst of compilation) released
     * every till waiting on it at once, they all slept the same second and came back together, and the burst queued behind
     * itself and re-formed every second for the rest of the run. A cashier's next scan does not wait for the other tills'
     * answers. A till whose answer comes after its next scan was due goes on from the answer, without catching up.
     */
    private static final class Pace {
        private final long pauseNanos;
        private long due;

        Pace(long pauseMillis, long offsetMillis) {
            this.pauseNanos = TimeUnit.MILLISECONDS.toNanos(pauseMillis);
            this.due = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(offsetMillis);
        }

        void await() throws InterruptedException {
            long now = System.nanoTime();
            if (due > now) {
                TimeUnit.NANOSECONDS.sleep(due - now);
            } else {
                due = now;
            }
        }

        void advance() {
            due += pauseNanos;
        }
    }

    /**
     * One load's results. {@code machine} is how busy the whole machine was and how much of it the load generator itself
     * took ({@link MachineTicks}): a machine not fully busy while tills wait says they wait on something other than CPU.
     */
    private record Run(
            Latencies scans,
            Latencies checkouts,
            long completed,
            double seconds,
            Map<String, Long> cpuTicks,
            long compilerTicks,
            MachineTicks machine) {
        /**
         * Milliseconds of CPU the whole suite spent per completed sale (a clock tick is 10 ms), with the share of each
         * process and how much of it the JVMs' JIT compiler threads still took (start-up work, not work per sale).
         */
        String cpuPerSale() {
            Map<String, Long> each = new LinkedHashMap<>();
            cpuTicks.entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                    .forEach(e -> each.put(
                            e.getKey().replace("-service", ""),
                            Math.round(10.0 * e.getValue() / Math.max(1, completed))));
            return String.format(
                    "%.0f ms, of which JIT compilers %.0f ms %s; machine busy %.0f %%, the load generator %.0f %% of it",
                    10.0 * totalTicks() / Math.max(1, completed),
                    10.0 * compilerTicks / Math.max(1, completed),
                    each,
                    100.0 * machine.busy() / Math.max(1, machine.total()),
                    100.0 * machine.generator() / Math.max(1, machine.total()));
        }

        long totalTicks() {
            return cpuTicks.values().stream().mapToLong(Long::longValue).sum();
        }

        /** This run and {@code other} (the same load at another time) as one. */
        Run plus(Run other) {
            Map<String, Long> cpu = new LinkedHashMap<>(cpuTicks);
            other.cpuTicks.forEach((name, ticks) -> cpu.merge(name, ticks, Long::sum));
            return new Run(
                    scans.plus(other.scans),
                    checkouts.plus(other.checkouts),
                    completed + other.completed,
                    seconds + other.seconds,
                    cpu,
                    compilerTicks + other.compilerTicks,
                    machine.plus(other.machine));
        }

        double salesPerSecond() {
            return completed / seconds;
        }

        double p99() {
            return Math.max(scans.percentile(99), checkouts.percentile(99));
        }

        long errors() {
            return scans.errors.get() + checkouts.errors.get();
        }
    }

    private Run drive(int count, long pauseMillis, int seconds) throws InterruptedException {
        Latencies scans = new Latencies();
        Latencies checkouts = new Latencies();
        AtomicLong completed = new AtomicLong();
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(count);
        Map<String, Long> cpuBefore = suite.cpuTicksByProcess();
        long compilerBefore = compilerTicks();
        MachineTicks machineBefore = MachineTicks.now();
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            Till till = tills.get(i);
            // paced tills start spread over one pause, as a shop's cashiers do: started together they stay in step, and
            // each
            // second's 50 scans arrive as one burst that queues behind itself (the last waits for the other 49)
            Pace pace = new Pace(pauseMillis, pauseMillis * i / count);
            pool.submit(() -> {
                try {
                    while (!stop.get()) {
                        if (sell(till, pace, scans, checkouts)) {
                            completed.incrementAndGet();
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
        Thread.sleep(seconds * 1000L);
        stop.set(true);
        pool.shutdown();
        pool.awaitTermination(2, TimeUnit.MINUTES);
        Map<String, Long> cpu = new LinkedHashMap<>();
        suite.cpuTicksByProcess().forEach((name, ticks) -> cpu.put(name, ticks - cpuBefore.getOrDefault(name, 0L)));
        return new Run(
                scans,
                checkouts,
                completed.get(),
                (System.nanoTime() - start) / 1e9,
                cpu,
                compilerTicks() - compilerBefore,
                MachineTicks.now().minus(machineBefore));
    }

    /** The machine's CPU time in clock ticks, all cores ({@code /proc/stat}): busy, in all, and the load generator's own. */
    private record MachineTicks(long busy, long total, long generator) {

        static MachineTicks now() {
            try {
                String[] cpu =
                        Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
                long total = 0;
                for (int i = 1; i < Math.min(cpu.length, 9); i++) {
                    total += Long.parseLong(cpu[i]);
                }
                long idle = Long.parseLong(cpu[4]) + Long.parseLong(cpu[5]);
                return new MachineTicks(
                        total - idle,
                        total,
                        Suite.cpuTicks(ProcessHandle.current().pid()));
            } catch (IOException | RuntimeException e) {
                return new MachineTicks(0, 0, 0);
            }
        }

        MachineTicks minus(MachineTicks before) {
            return new MachineTicks(busy - before.busy, total - before.total, generator - before.generator);
        }

        MachineTicks plus(MachineTicks other) {
            return new MachineTicks(busy + other.busy, total + other.total, generator + other.generator);
        }
    }

    /**
     * Waits (up to a minute) until the suite is idle, under a fifth of one core for two seconds: the consumers catching up
     * after a load and the compiler finishing its queue otherwise share the cores with a measurement one request at a time.
     */
    private void settle() throws InterruptedException {
        settle(60);
    }

    /** {@link #settle()} for up to {@code seconds}; answers how long it waited. */
    private long settle(int seconds) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            long before = suite.cpuTicksByProcess().values().stream()
                    .mapToLong(Long::longValue)
                    .sum();
            Thread.sleep(2000);
            long used = suite.cpuTicksByProcess().values().stream()
                            .mapToLong(Long::longValue)
                            .sum()
                    - before;
            if (used < 40) {
                break;
            }
        }
        return TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
    }

    private long compilerTicks() {
        return suite.compilerTicksByProcess().values().stream()
                .mapToLong(Long::longValue)
                .sum();
    }

    /**
     * Seven JVMs share two cores: each needs minutes of C2 compilation of its hot paths before it runs at its
     * steady-state speed (jstat -compiler showed 170–300 s of compile time per service after a 20 s warm-up; flight
     * recordings of (a) after a fixed 90 s warm-up still showed the compiler threads taking a fifth to a third of each
     * service's CPU). So the warm-up lasts at least {@code KASSA_BENCH_WARMUP_SECONDS} and then goes on in 30 s rounds
     * until the compilers take under 5 % of the suite's CPU, for at most {@code KASSA_BENCH_WARMUP_MAX_SECONDS} (900); the row
     * says how long it took and what the compilers still took in its last round, and each round prints a progress line.
     * The cap was 360 s: the compilers still took 11–13 % of the CPU then, and (a) measured a suite not yet at its
     * steady-state speed. Rounds of 30 s printed by one run (before this cap was raised): the till's speed at 50 tills rose
     * from 16.5 sales/s at 90 s to 43.7 at 360 s and 57.0 at 600 s, when the compilers' share fell under 5 % (CPU per
     * sale 113 → 44 → 33 ms); (a) after it: scan p99 90 ms, checkout p99 72 ms, against 140 and 119 ms after 360 s.
     */
    private void warmUp(int step) throws InterruptedException {
        int seconds = Integer.parseInt(System.getenv().getOrDefault("KASSA_BENCH_WARMUP_SECONDS", "90"));
        int most = Math.max(
                seconds, Integer.parseInt(System.getenv().getOrDefault("KASSA_BENCH_WARMUP_MAX_SECONDS", "900")));
        System.out.printf(
                "Warming up for %d s or more, until the JIT compilers are quiet (at most %d s) …%n", seconds, most);
        Run round = drive(50, 0, seconds);
        int spent = seconds;
        progress("warm-up until " + spent + " s", round);
        while (share(round) >= 0.05 && spent + 30 <= most) {
            freshTokens();
            round = drive(50, 0, 30);
            spent += 30;
            progress("warm-up until " + spent + " s", round);
        }
        row(
                "warm-up at 50 tills: length, JIT compilers' share of the CPU in its last round (reported)",
                String.format("%d s, %.0f %%", spent, 100 * share(round)),
                true);
    }

    /** One line per warm-up round: how the compilers' share and the till's speed settle. */
    private static void progress(String label, Run round) {
        System.out.printf(
                "    %s: %.1f sales/s, p99 %.0f ms, JIT compilers %.0f %% of the CPU, %s%n",
                label, round.salesPerSecond(), round.p99(), 100 * share(round), round.cpuPerSale());
    }

    private static double share(Run run) {
        return (double) run.compilerTicks() / Math.max(1, run.totalTicks());
    }

    private void realistic(int seconds) throws Exception {
        // the saturated warm-up can leave the consumers minutes behind (catalog's stock movements above all); (a)
        // measures 50
        // paced tills, not the warm-up's backlog being worked off beside them
        long settled = settle(600);
        row("(a) suite idle again after the warm-up, consumers caught up (reported)", settled + " s", true);
        // the warm-up saturates the machine, so its compilers' share is small because they are starved, not because
        // they are
        // done; the same load as (a), owner's live feed included, first runs unmeasured for a minute, and the compilers
        // finish with the CPU the paced tills leave (JIT 9 ms of the 56 ms per sale in (a) without this round)
        System.out.println("(a) the same load, not measured, 60 s …");
        try (AutoCloseable warmFeed = liveFeed(new Latencies())) {
            progress("(a) unmeasured minute", drive(50, 1000, 60));
        }
        System.out.printf("(a) 50 tills, three scans a second apart then checkout, %d s …%n", seconds);
        Instant start = Instant.now();
        Latencies live = new Latencies();
        Run run;
        try (AutoCloseable feed = liveFeed(live)) {
            run = drive(50, 1000, seconds);
            // the run's last sales reach the feed up to a fetch wait (a quarter of a second) after it: the feed stays
            // open
            // until all of them have, so the slowest are counted too (at most 10 s)
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (live.count() < run.completed() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
        }
        Instant end = Instant.now();
        row(
                "(a) scan p50 / p95 / p99 (p99 ≤ 50 ms)",
                String.format(
                        "%.1f / %.1f / %.1f ms",
                        run.scans().percentile(50),
                        run.scans().percentile(95),
                        run.scans().percentile(99)),
                run.scans().percentile(99) <= 50);
        row(
                "(a) checkout p50 / p95 / p99 (p99 ≤ 50 ms)",
                String.format(
                        "%.1f / %.1f / %.1f ms",
                        run.checkouts().percentile(50),
                        run.checkouts().percentile(95),
                        run.checkouts().percentile(99)),
                run.checkouts().percentile(99) <= 50);
        row(
                "(a) errors (0); completed sales",
                run.scans().errorSummary() + " scan, " + run.checkouts().errorSummary() + " checkout; "
                        + run.completed(),
                run.errors() == 0);
        row("(a) CPU per completed sale, whole machine (reported)", run.cpuPerSale(), true);
        analyticsDelay("(e) sale completed → in analytics during (a), 50 tills: p50 / p99 (p99 ≤ 1000 ms)", start, end);
        stockDelay("(e) sale completed → stock moved in catalog during (a): p50 / p99 (reported)", start, end);
        row(
                "(e) sale completed → in the owner's live feed during (a): p50 / p99 (p99 ≤ 1000 ms)",
                String.format(
                        "%.0f / %.0f ms over %d of %d sales",
                        live.percentile(50), live.percentile(99), live.count(), run.completed()),
                live.count() > 0 && live.percentile(99) <= 1000);
    }

    /**
     * The owner's live feed, open until the answer is closed: each completed sale's delay from its completion to its
     * line in the feed goes to {@code delays}. Closing closes the connection (cancelling the future alone left the
     * stream open, so the gateway and analytics kept streaming every later sale of the run to the benchmark).
     */
    private AutoCloseable liveFeed(Latencies delays) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(suite.gatewayUrl() + "/api/analytics/live"))
                .header("Authorization", "Bearer " + ownerToken)
                .header("X-Tenant-Key", store)
                .header("Accept", "text/event-stream")
                .build();
        AtomicBoolean closed = new AtomicBoolean();
        AtomicReference<Stream<String>> lines = new AtomicReference<>();
        CompletableFuture<?> feed = HttpClient.newHttpClient()
                .sendAsync(request, HttpResponse.BodyHandlers.ofLines())
                .thenAccept(response -> {
                    lines.set(response.body());
                    if (closed.get()) {
                        response.body().close();
                        return;
                    }
                    response.body().forEach(line -> {
                        int at = line.indexOf("\"at\":\"");
                        if (line.startsWith("data:") && line.contains("receipt_number") && at > 0) {
                            Instant completed = Instant.parse(line.substring(at + 6, line.indexOf('"', at + 6)));
                            delays.add(
                                    Duration.between(completed, Instant.now()).toNanos());
                        }
                    });
                });
        return () -> {
            closed.set(true);
            Stream<String> open = lines.get();
            if (open != null) {
                open.close();
            }
            feed.cancel(true);
        };
    }

    /**
     * Tills without pauses at 10, 25, 50 and 100, each level twice: once in a pass upwards and once in a pass back down
     * (10, 25, 50, 100, 100, 50, 25, 10), each figure from both runs together.
     * <p>
     * The suite's speed drifts over minutes by more than the load changes it: the JIT compilers still finishing, the checkpoints
     * of PostgreSQL. Measured once each, in rising order, the levels compared moments as much as loads: one run fell 74.0,
     * 72.8, 69.4, 61.2 sales/s from 10 to 100 tills, and in another, with the order 100, 10, 25, 50, 100, the same 100 tills
     * made 64.9 sales/s first and 75.3 last, with 64.9 at 10 tills between them (28 ms of CPU per sale at 10 tills as at 100).
     * With each level in both passes a steady drift weighs on every level alike; each row also shows its two runs.
     */
    private double saturation(int step) throws InterruptedException {
        int[] levels = {10, 25, 50, 100};
        Map<Integer, Run> up = new LinkedHashMap<>();
        Map<Integer, Run> down = new LinkedHashMap<>();
        for (int i = 0; i < 2 * levels.length; i++) {
            boolean upward = i < levels.length;
            int count = levels[upward ? i : 2 * levels.length - 1 - i];
            System.out.printf(
                    "(b) %d tills without pauses, %d s (%s pass, from %s) …%n",
                    count, step, upward ? "upward" : "downward", CLOCK.format(Instant.now()));
            Run run = drive(count, 0, step);
            progress(String.format("(b) %d tills", count), run);
            (upward ? up : down).put(count, run);
        }
        double peak = 0;
        int peakTills = 0;
        double last = 0;
        for (int count : levels) {
            Run run = up.get(count).plus(down.get(count));
            row(
                    String.format("(b) %3d tills: sales/s (upward, downward), p99, errors", count),
                    String.format(
                            "%.1f/s (%.1f, %.1f), %.0f ms, %s",
                            run.salesPerSecond(),
                            up.get(count).salesPerSecond(),
                            down.get(count).salesPerSecond(),
                            run.p99(),
                            run.errors() == 0
                                    ? "0"
                                    : run.scans().errorSummary() + " scan / "
                                            + run.checkouts().errorSummary() + " checkout"),
                    run.errors() == 0);
            // more CPU per sale at more tills says overhead (threads, collections), the same says waiting (locks,
            // pools)
            row(String.format("(b) %3d tills: CPU per completed sale (reported)", count), run.cpuPerSale(), true);
            if (run.salesPerSecond() > peak) {
                peak = run.salesPerSecond();
                peakTills = count;
            }
            last = run.salesPerSecond();
        }
        row(
                "(b) 100 tills vs the peak (≥ 90 %, no collapse)",
                String.format("%.0f %% of %.1f/s (peak at %d tills)", 100 * last / peak, peak, peakTills),
                last >= 0.9 * peak);
        return peak;
    }

    // ---------------------------------------------------------------- (c) pgbench

    private void pgbench(double peak, int step) throws Exception {
        String pgbench = findPgbench();
        if (pgbench == null) {
            row("(c) pgbench", "not installed (apt-get install postgresql-client); ratio not measured", false);
            return;
        }
        String url = suite.jdbcBase();
        try (Connection c = DriverManager.getConnection(url + "/postgres", "postgres", "postgres");
                Statement s = c.createStatement()) {
            s.execute("drop database if exists bench_pg");
            s.execute("create database bench_pg");
        }
        try (Connection c = DriverManager.getConnection(url + "/bench_pg", "postgres", "postgres");
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
        Matcher tps = Pattern.compile("tps = ([0-9.]+)").matcher(output);
        if (!tps.find()) {
            row("(c) pgbench", "failed: " + output.replaceAll("\\s+", " "), false);
            return;
        }
        double rate = Double.parseDouble(tps.group(1));
        row("(c) pgbench, the same writes (16 clients)", String.format("%.0f sales/s", rate), true);
        row("(c) Kassa's peak / pgbench (≥ 25 %)", String.format("%.1f %%", 100 * peak / rate), peak / rate >= 0.25);
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

    // ---------------------------------------------------------------- (d) gateway overhead

    private void gatewayOverhead(int step) throws InterruptedException {
        Http viaGateway = gateway.as(ownerToken, store);
        Http direct = new Http("http://127.0.0.1:" + (PORT_BASE + 2), ownerToken, store);
        String path = "/api/products/products/" + products.get(0) + "/";
        System.out.println("(d) product GET through the gateway and straight to catalog …");
        hammer(direct, path, 16, 5);
        hammer(viaGateway, path, 16, 5);
        Hammered directRun = hammer(direct, path, 32, step);
        Hammered gatewayRun = hammer(viaGateway, path, 32, step);
        double directRate = directRun.rate();
        double gatewayRate = gatewayRun.rate();
        Latencies directOne = hammer(direct, path, 1, 5).latencies();
        Latencies gatewayOne = hammer(viaGateway, path, 1, 5).latencies();
        double directP50 = directOne.percentile(50);
        double gatewayP50 = gatewayOne.percentile(50);
        // the rates count answered GETs only: a refused one (an expired token, a 503) is an error here, not a slower
        // run
        long errors = directRun.latencies().errors.get()
                + gatewayRun.latencies().errors.get()
                + directOne.errors.get()
                + gatewayOne.errors.get();
        row(
                "(d) GET throughput, gateway / direct at 32 connections (≥ 50 %, no errors)",
                String.format(
                        "%.0f / %.0f per s = %.0f %%, errors %s / %s",
                        gatewayRate,
                        directRate,
                        100 * gatewayRate / directRate,
                        gatewayRun.latencies().errorSummary(),
                        directRun.latencies().errorSummary()),
                gatewayRate >= 0.5 * directRate && errors == 0);
        row(
                "(d) GET p50 one at a time, gateway − direct (≤ 1.5 ms)",
                String.format("%.2f − %.2f = %.2f ms", gatewayP50, directP50, gatewayP50 - directP50),
                gatewayP50 - directP50 <= 1.5 && errors == 0);
    }

    private record Hammered(double rate, Latencies latencies) {}

    private Hammered hammer(Http http, String path, int connections, int seconds) throws InterruptedException {
        Latencies latencies = new Latencies();
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        long start = System.nanoTime();
        for (int i = 0; i < connections; i++) {
            pool.submit(() -> {
                while (!stop.get()) {
                    latencies.record(http.get(path));
                }
            });
        }
        Thread.sleep(seconds * 1000L);
        stop.set(true);
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.MINUTES);
        return new Hammered(latencies.count() / ((System.nanoTime() - start) / 1e9), latencies);
    }

    // ---------------------------------------------------------------- (e) analytics

    private void analyticsDelay(String label, Instant since, Instant until) throws SQLException, InterruptedException {
        Thread.sleep(3000); // the last sales of the run reach analytics
        try (Connection c =
                DriverManager.getConnection(suite.jdbcBase() + "/kassa_analytics", "postgres", "postgres")) {
            String schema = schemaOf(c, store);
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
                // when the slowest sale was completed, against the (b) steps' start times printed above: a stall's
                // moment
                Timestamp worst = rs.getTimestamp(5);
                row(
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
    private void stockDelay(String label, Instant since, Instant until) throws SQLException {
        Map<String, Instant> completed = new HashMap<>();
        try (Connection c = DriverManager.getConnection(suite.jdbcBase() + "/kassa_sales", "postgres", "postgres");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        """
                     select id, completed_at from %s.sales where status = 'completed' and completed_at >= '%s' and completed_at < '%s'
                     """
                                .formatted(schemaOf(c, store), since, until))) {
            while (rs.next()) {
                completed.put(String.valueOf(rs.getLong(1)), rs.getTimestamp(2).toInstant());
            }
        }
        Latencies delays = new Latencies();
        try (Connection c = DriverManager.getConnection(suite.jdbcBase() + "/kassa_catalog", "postgres", "postgres");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        """
                     select sale_ref, max(updated_at) from %s.reservations where status = 'completed' and updated_at >= '%s' group by sale_ref
                     """
                                .formatted(schemaOf(c, store), since))) {
            while (rs.next()) {
                Instant sold = completed.get(rs.getString(1));
                if (sold != null) {
                    delays.add(Duration.between(sold, rs.getTimestamp(2).toInstant())
                            .toNanos());
                }
            }
        }
        long waiting = completed.size() - delays.count();
        row(
                label,
                String.format(
                        "%.0f / %.0f ms over %d sales, %d not moved yet",
                        delays.percentile(50), delays.percentile(99), delays.count(), waiting),
                true);
    }

    static String schemaOf(Connection c, String tenantKey) throws SQLException {
        try (var ps = c.prepareStatement("select schema_name from public.kassa_tenant where tenant_key = ?")) {
            ps.setString(1, tenantKey);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("no schema for " + tenantKey);
                }
                return "\"" + rs.getString(1) + "\"";
            }
        }
    }

    // ---------------------------------------------------------------- (r) analytics reports at a year of sales

    /**
     * A store with a year of history (issue 10): 2,000 products, 100,000 completed sales of three lines over 365 days,
     * 5,000 customers and a daily stock snapshot per product, written straight into the store's analytics schema (a year
     * of events through Kafka would take hours), the reports rebuilt from those facts by analytics itself, then every
     * report endpoint read one call at a time through the gateway: p95 ≤ 100 ms each.
     */
    private void reports() throws Exception {
        System.out.println("(r) a year of a store's sales in analytics, every report read through the gateway …");
        Http.Answer registered = gateway.post(
                "/api/users/auth/register/",
                json(
                        "username",
                        "rep_" + UUID.randomUUID().toString().substring(0, 8),
                        "password",
                        "BenchPass123!",
                        "password_confirm",
                        "BenchPass123!",
                        "first_name",
                        "Report",
                        "store_name",
                        "Годовой магазин"));
        require(registered.status() == 201, "registration", registered);
        Http owner = gateway.as(registered.text("/data/tokens/access"), registered.text("/data/store/tenant_key"));
        require(
                owner.get("/api/analytics/daily-sales/today/").ok(),
                "analytics",
                owner.get("/api/analytics/daily-sales/today/"));
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Tashkent"));
        long seeding = System.nanoTime();
        try (Connection c = DriverManager.getConnection(suite.jdbcBase() + "/kassa_analytics", "postgres", "postgres");
                Statement s = c.createStatement()) {
            String schema = schemaOf(c, registered.text("/data/store/tenant_key"));
            s.execute("set search_path to " + schema);
            s.execute("select setseed(0.42)");
            s.execute(
                    """
                    insert into products (product_id, name, sku, barcode, sale_price, cost_price, min_quantity, max_quantity)
                    select g, 'Товар ' || g, 'SKU-' || g, '478' || lpad(g::text, 10, '0'), 1000 + (g % 50) * 1000, 700 + (g % 50) * 700, 5, 200
                      from generate_series(1, 2000) g""");
            s.execute(
                    """
                    insert into customers (customer_id, full_name, phone, customer_type)
                    select g, 'Покупатель ' || g, '+998' || lpad(g::text, 9, '0'), 'individual' from generate_series(1, 5000) g""");
            s.execute(
                    """
                    insert into sale_facts (sale_id, receipt_number, business_date, completed_at, customer_id, total, discount, tax, items_quantity,
                                            cash, card, kind, recorded_at)
                    select g::text, 'MAIN-' || g, d, d + time '09:00' + (g % 600) * interval '1 minute', case when g % 3 = 0 then 1 + g % 5000 end,
                           0, 0, 0, 3, 0, 0, 'sale', now()
                      from generate_series(1, 100000) g, lateral (select current_date - (g % 365) as d) x""");
            s.execute(
                    """
                    insert into sale_fact_lines (sale_id, product_id, product_name, quantity, unit_price, discount, line_total, unit_cost, business_date)
                    select f.sale_id, p.id, 'Товар ' || p.id, 1, 1000 + (p.id % 50) * 1000, 0, 1000 + (p.id % 50) * 1000, 700 + (p.id % 50) * 700,
                           f.business_date
                      from sale_facts f, lateral (select 1 + (abs(hashtext(f.sale_id || '/' || n)) % 2000) as id from generate_series(1, 3) n) p""");
            s.execute(
                    """
                    update sale_facts f set total = l.total, card = l.total
                      from (select sale_id, sum(line_total) total from sale_fact_lines group by sale_id) l where l.sale_id = f.sale_id""");
            s.execute(
                    """
                    insert into inventory_snapshots (product_id, date, quantity_on_hand, reserved_quantity, available_quantity, total_cost, total_value,
                                                     turnover_rate, days_of_stock, is_out_of_stock, is_low_stock, is_overstock, is_latest)
                    select p, current_date - d, q, 0, q, q * 700, q * 1000, 1.5, 30, q = 0, q between 1 and 5, q > 200, d = 0
                      from generate_series(1, 2000) p, generate_series(0, 364) d, lateral (select (abs(hashtext(p || '/' || d)) % 250) as q) x""");
            s.execute("analyze");
        }
        double seeded = (System.nanoTime() - seeding) / 1e9;
        long rebuilding = System.nanoTime();
        for (LocalDate from = today.minusDays(364); !from.isAfter(today); from = from.plusDays(10)) {
            LocalDate to = from.plusDays(9).isAfter(today) ? today : from.plusDays(9);
            Http.Answer rebuilt = owner.post(
                    "/api/analytics/rebuild/", json("start_date", from.toString(), "end_date", to.toString()));
            require(rebuilt.ok(), "rebuild " + from, rebuilt);
        }
        double rebuilt = (System.nanoTime() - rebuilding) / 1e9;
        // a year written in half a minute leaves PostgreSQL's autovacuum a year of pages to visit, which it does while
        // the
        // reports are read below (two cores): done here first, as it would long be done in a store that grew for a year
        long vacuuming = System.nanoTime();
        try (Connection c = DriverManager.getConnection(suite.jdbcBase() + "/kassa_analytics", "postgres", "postgres");
                Statement s = c.createStatement()) {
            String schema = schemaOf(c, registered.text("/data/store/tenant_key"));
            for (String table : List.of(
                    "sale_facts",
                    "sale_fact_lines",
                    "daily_sales",
                    "product_performance",
                    "product_performance_monthly",
                    "inventory_snapshots",
                    "customers",
                    "customer_analytics",
                    "products")) {
                s.execute("vacuum analyze " + schema + "." + table);
            }
        }
        row(
                "(r) a year: 100,000 sales, 2,000 products, 5,000 customers (reported)",
                String.format(
                        "seeded in %.0f s, rebuilt by analytics in %.0f s, vacuumed in %.0f s",
                        seeded, rebuilt, (System.nanoTime() - vacuuming) / 1e9),
                true);
        long someDay = owner.get("/api/analytics/daily-sales/?ordering=-date")
                .body()
                .at("/results/0/id")
                .asLong();
        long someRow = owner.get("/api/analytics/product-performance/")
                .body()
                .at("/results/0/id")
                .asLong();
        long someCustomer = owner.get("/api/analytics/customer-analytics/")
                .body()
                .at("/results/0/id")
                .asLong();
        long someSnapshot = owner.get("/api/analytics/inventory-snapshots/")
                .body()
                .at("/results/0/id")
                .asLong();
        Map<String, String> endpoints = new LinkedHashMap<>();
        endpoints.put("daily-sales", "/api/analytics/daily-sales/");
        endpoints.put("daily-sales/{id}", "/api/analytics/daily-sales/" + someDay + "/");
        endpoints.put("today", "/api/analytics/daily-sales/today/");
        endpoints.put(
                "period (year)",
                "/api/analytics/daily-sales/period/?start_date=" + today.minusDays(364) + "&end_date=" + today);
        endpoints.put("trends (30 days)", "/api/analytics/daily-sales/trends/?days=30");
        endpoints.put("product-performance", "/api/analytics/product-performance/");
        endpoints.put("product-performance/{id}", "/api/analytics/product-performance/" + someRow + "/");
        endpoints.put(
                "top-products (year)",
                "/api/analytics/product-performance/top-products/?start_date=" + today.minusDays(364) + "&end_date="
                        + today + "&limit=20&order_by=profit");
        endpoints.put("slow-movers (90 days)", "/api/analytics/product-performance/slow-movers/?days=90");
        endpoints.put("customer-analytics", "/api/analytics/customer-analytics/?ordering=-monetary");
        endpoints.put("customer-analytics/{id}", "/api/analytics/customer-analytics/" + someCustomer + "/");
        endpoints.put("segments", "/api/analytics/customer-analytics/segments/");
        endpoints.put("at-risk", "/api/analytics/customer-analytics/at-risk/");
        endpoints.put("inventory-snapshots", "/api/analytics/inventory-snapshots/?is_low_stock=true");
        endpoints.put("inventory-snapshots/{id}", "/api/analytics/inventory-snapshots/" + someSnapshot + "/");
        endpoints.put("latest", "/api/analytics/inventory-snapshots/latest/");
        endpoints.put("low-stock-alerts", "/api/analytics/inventory-snapshots/low-stock-alerts/");
        endpoints.put("out-of-stock", "/api/analytics/inventory-snapshots/out-of-stock/");
        endpoints.put("dashboard", "/api/analytics/dashboard/");
        endpoints.put("multi-store (month)", "/api/users/stores/multi-store-analytics/?period=month");
        Map<String, Double> p95 = new LinkedHashMap<>();
        long errors = 0;
        for (Map.Entry<String, String> e : endpoints.entrySet()) {
            Latencies latencies = new Latencies();
            for (int i = 0; i < 45; i++) {
                Http.Answer answer = owner.get(e.getValue());
                if (i >= 5) {
                    latencies.record(answer);
                }
            }
            errors += latencies.errors.get();
            p95.put(e.getKey(), latencies.percentile(95));
        }
        Map.Entry<String, Double> worst =
                p95.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow();
        StringBuilder all = new StringBuilder();
        p95.forEach((k, v) ->
                all.append(all.isEmpty() ? "" : ", ").append(k).append(' ').append(String.format("%.0f", v)));
        row(
                "(r) every report through the gateway, p95 of 40 calls each (≤ 100 ms)",
                String.format("worst %.0f ms (%s), errors %d {%s}", worst.getValue(), worst.getKey(), errors, all),
                worst.getValue() <= 100 && errors == 0);
    }

    // ---------------------------------------------------------------- (f) registration

    /** Registrations measured one after another, each once the one before it answers in every service. */
    private static final int REGISTRATIONS = 60;

    private void registration() throws InterruptedException {
        System.out.println("(f) registrations and new stores answering everywhere …");
        Latencies registrations = new Latencies();
        Latencies usable = new Latencies();
        List<String> probes = List.of(
                "/api/products/categories/",
                "/api/sales/cash-registers/",
                "/api/analytics/daily-sales/",
                "/api/customers/customers/",
                "/api/tasks/tasks/");
        for (int i = 0; i < REGISTRATIONS; i++) {
            long start = System.nanoTime();
            Http.Answer r = gateway.post(
                    "/api/users/auth/register/",
                    json(
                            "username",
                            "reg_" + UUID.randomUUID().toString().substring(0, 10),
                            "password",
                            "BenchPass123!",
                            "password_confirm",
                            "BenchPass123!",
                            "first_name",
                            "Reg",
                            "store_name",
                            "Магазин " + i));
            registrations.record(r);
            if (r.status() != 201) {
                continue;
            }
            Http owner = gateway.as(r.text("/data/tokens/access"), r.text("/data/store/tenant_key"));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            boolean ready = false;
            while (!ready && System.nanoTime() < deadline) {
                ready = probes.stream().allMatch(p -> owner.get(p).ok());
                if (!ready) {
                    Thread.sleep(20);
                }
            }
            if (ready) {
                usable.add(System.nanoTime() - start);
            } else {
                usable.errors.incrementAndGet();
            }
        }
        // p50 and the slowest beside the p95: each registration waits for the one before it to answer in every service,
        // so
        // they are few, and one slow moment moves the p95 of a small sample (of 30 it was the second slowest)
        row(
                "(f) registration p95 of " + REGISTRATIONS + " (≤ 300 ms)",
                String.format(
                        "%.0f ms (p50 %.0f, slowest %.0f), errors %s",
                        registrations.percentile(95),
                        registrations.percentile(50),
                        registrations.percentile(100),
                        registrations.errorSummary()),
                registrations.percentile(95) <= 300 && registrations.errors.get() == 0);
        row(
                "(f) new store answering in every service, p95 (≤ 2000 ms)",
                String.format("%.0f ms, never %d", usable.percentile(95), usable.errors.get()),
                usable.percentile(95) <= 2000 && usable.errors.get() == 0);
    }

    // ---------------------------------------------------------------- (h) memory

    private void memory() {
        Map<String, Long> rss = suite.residentMegabytesByProcess();
        long total = rss.values().stream().mapToLong(Long::longValue).sum();
        row("(h) resident memory after the load (≤ 3072 MB)", total + " MB " + rss, total <= 3072);
    }

    // ---------------------------------------------------------------- correctness

    private void correctness() throws Exception {
        Thread.sleep(3000);
        try (Connection sales = DriverManager.getConnection(suite.jdbcBase() + "/kassa_sales", "postgres", "postgres");
                Connection analytics =
                        DriverManager.getConnection(suite.jdbcBase() + "/kassa_analytics", "postgres", "postgres");
                Connection catalog =
                        DriverManager.getConnection(suite.jdbcBase() + "/kassa_catalog", "postgres", "postgres")) {
            long sold = single(
                    sales, "select count(*) from " + schemaOf(sales, store) + ".sales where status = 'completed'");
            long seen = single(
                    analytics,
                    "select count(*) from " + schemaOf(analytics, store) + ".sale_facts where kind = 'sale'");
            long units = single(
                    sales,
                    "select coalesce(sum(i.quantity), 0)::bigint from " + schemaOf(sales, store) + ".sale_items i join "
                            + schemaOf(sales, store) + ".sales s on s.id = i.sale_id where s.status = 'completed'");
            String cat = schemaOf(catalog, store);
            long fell = single(
                    catalog,
                    "select (" + PRODUCTS + " * " + STOCK + " - coalesce(sum(quantity), 0))::bigint from " + cat
                            + ".batches");
            long holds = single(
                    catalog,
                    "select count(*) from " + cat
                            + ".reservations r where r.status = 'active' and not exists (select 1 from " + cat
                            + ".reservations x where x.request_ref = r.request_ref and x.status = 'completed')");
            // an open draft (status pending) keeps a hold per line until it is checked out or voided
            long drafts =
                    single(sales, "select count(*) from " + schemaOf(sales, store) + ".sales where status = 'pending'");
            long lines = single(
                    sales,
                    "select count(*) from " + schemaOf(sales, store) + ".sale_items i join " + schemaOf(sales, store)
                            + ".sales s on s.id = i.sale_id where s.status = 'pending'");
            row("after the runs: sales in the sales list = in analytics", sold + " = " + seen, sold == seen);
            row("after the runs: stock fell by exactly what was sold", fell + " = " + units + " units", fell == units);
            row(
                    "after the runs: active holds = lines of the tills' open drafts",
                    holds + " holds, " + lines + " lines of " + drafts + " open drafts",
                    holds == lines);
        }
    }

    static long single(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    // ---------------------------------------------------------------- (g) start-up with many tenants

    private void startUpWithManyTenants() throws Exception {
        System.out.println("(g) catalog's start-up with 10 and with 10,000 stores in its registry …");
        // each measured twice, alternately, and the quicker start kept: the first start on a busy machine is the
        // noisiest
        double few =
                suite.startExtraInstance("catalog-service", PORT_BASE + 10, "kassa_bench_few", db -> tenants(db, 10));
        double many = suite.startExtraInstance(
                "catalog-service", PORT_BASE + 11, "kassa_bench_many", db -> tenants(db, 10_000));
        few = Math.min(
                few,
                suite.startExtraInstance("catalog-service", PORT_BASE + 10, "kassa_bench_few", db -> tenants(db, 10)));
        many = Math.min(
                many,
                suite.startExtraInstance(
                        "catalog-service", PORT_BASE + 11, "kassa_bench_many", db -> tenants(db, 10_000)));
        row(
                "(g) catalog start-up, 10,000 stores vs 10 (within ±20 %)",
                String.format("%.1f s vs %.1f s = %+.0f %%", many, few, 100 * (many - few) / few),
                Math.abs(many - few) <= 0.2 * few);
    }

    /**
     * Registers {@code n} up-to-date stores in a fresh service database, as 10,000 provisioned stores look to a starting
     * service: one registry row and one schema each (the schemas are empty: start-up must not look inside them).
     */
    private static void tenants(String jdbcUrl, int n) {
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
                Statement s = c.createStatement()) {
            s.execute(
                    """
                    create table if not exists kassa_tenant (tenant_key varchar(80) primary key, schema_name varchar(63) not null unique,
                        time_zone varchar(64) not null, schema_version integer not null, status varchar(20) not null default 'active',
                        created_at timestamptz not null default now(), updated_at timestamptz not null default now())
                    """);
            s.execute(
                    """
                    do $$ begin for i in 1..%d loop
                        execute format('create schema if not exists %%I', 'tenant_bench_' || i);
                        insert into kassa_tenant (tenant_key, schema_name, time_zone, schema_version)
                        values ('bench_' || i || '_' || lpad(to_hex(i), 8, '0'), 'tenant_bench_' || i, 'Asia/Tashkent', 2147483647)
                        on conflict do nothing;
                    end loop; end $$
                    """
                            .formatted(n));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---------------------------------------------------------------- output

    private void row(String what, String value, boolean met) {
        table.put(what, value + (met ? "" : "   ← MISSED"));
        if (!met) {
            failures.add(what);
        }
        System.out.println("  " + what + ": " + value + (met ? "" : "   ← MISSED"));
    }

    private void print() {
        int width = table.keySet().stream().mapToInt(String::length).max().orElse(10);
        System.out.println();
        System.out.println("Kassa benchmark (" + Runtime.getRuntime().availableProcessors()
                + " cores, everything on one machine)");
        System.out.println("-".repeat(width + 40));
        table.forEach((k, v) -> System.out.printf("%-" + width + "s  %s%n", k, v));
        System.out.println("-".repeat(width + 40));
        System.out.println(failures.isEmpty() ? "Every target met." : failures.size() + " target(s) missed.");
    }

    static void require(boolean ok, String what, Http.Answer answer) {
        if (!ok) {
            throw new IllegalStateException("benchmark set-up failed at " + what + ": " + answer);
        }
    }
}
