package dev.kassa.infra.bench;

import dev.kassa.infra.Suite;
import dev.kassa.infra.SuiteConfig;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;

import static dev.kassa.infra.bench.Http.json;

/**
 * {@code infra/kassa failover}: two instances of every service (one gateway, one registry) and 20 tills selling without
 * pause, each on its own shift: three scans, then a cash checkout (a buyer named on every fourth), every call with an
 * Idempotency-Key and retried with it for up to 15 s as a till app does, but for the scans of every second till, which
 * scan once without a key as a web till does (their holds go through the intents sales records ahead), plus an owner
 * signing in twice a second. It kills
 * with SIGKILL, in turn, the second instance of sales, catalog, customer-service, analytics and auth (a pod lost with its
 * node), stops the Kafka broker for 20 s and restarts PostgreSQL; after each fault it stops the tills, voids their open
 * drafts and checks that nothing was lost, doubled or left behind, nor in the owner's transfers from a depot to a shop
 * meanwhile ({@link TransferHandover}). One table, every figure against its target (issue 36); exit status 1 when one is
 * missed.
 */
public final class Failover {

    static final int PORT_BASE = 20080;
    static final int TILLS = 20;
    static final int PRODUCTS = 3;
    static final int STOCK = 100_000;
    static final long RETRY_FOR_MS = 15_000;
    static final long ROUTE_TIMEOUT_MS = 10_000;
    static final List<String> KILLED =
            List.of("sales-service", "catalog-service", "customer-service", "analytics-service", "auth-service");

    private final Suite suite;
    private final Http gateway;
    private String store;
    private String ownerName;
    private volatile String ownerToken;
    private final List<String> barcodes = new ArrayList<>();
    private long customer;
    private final List<FailoverTill> tills = new ArrayList<>();

    private final AtomicBoolean selling = new AtomicBoolean();
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final Results results = new Results();
    private FailoverChecks checks;
    private TransferHandover handover;

    /** How long a killed instance may take to be ready again before the run gives up. */
    private static final Duration RESTART_DEADLINE = Duration.ofSeconds(480);

    private Failover(Suite suite) {
        this.suite = suite;
        this.gateway = new Http(suite.gatewayUrl(), null, null);
    }

    public static void main(String[] args) throws Exception {
        SuiteRun.exitWith(
                "failover",
                "Starting the suite with two instances of each service",
                data -> SuiteConfig.local(
                        SuiteRun.root(), data, new SuiteConfig.Ports(PORT_BASE, 20761, 20432, 20192), false, 2),
                Duration.ofSeconds(600),
                suite -> {
                    System.out.printf(
                            "Suite ready in %.1f s (resident memory %d MB)%n",
                            suite.secondsToReady(), suite.meter().residentMegabytes());
                    return new Failover(suite).run();
                });
    }

    private int run() throws Exception {
        setUp();
        List<Thread> threads = new ArrayList<>();
        for (FailoverTill till : tills) {
            threads.add(Threads.daemon("till-" + till.cashier, () -> sellUntilStopped(till)));
        }
        threads.add(Threads.daemon("owner-logins", this::logInUntilStopped));
        threads.add(handover.start(stopped));
        selling.set(true);
        System.out.println("Both instances of each service alive, 30 s …");
        long start = System.currentTimeMillis();
        Thread.sleep(30_000);
        checks.allAlive("both alive", start, System.currentTimeMillis());
        check("both alive");
        if ("both-alive".equals(System.getenv("KASSA_FAILOVER_PHASES"))) {
            return finish(threads);
        }

        for (String module : KILLED) {
            String victim = suite.instances(module).get(1).name();
            selling.set(true);
            long from = System.currentTimeMillis();
            Thread.sleep(10_000);
            long kill = System.currentTimeMillis();
            System.out.println("SIGKILL " + victim + " …");
            suite.kill(victim);
            Thread.sleep(20_000);
            checks.window(victim + " lost", from, System.currentTimeMillis(), kill);
            check(victim + " lost");
            // how long the killed instance may take to come back is the harness's patience, not a target: on a
            // 2-core machine under the tills' load, with the survivors serving, a JVM restart has taken 243 s
            suite.restart(victim, RESTART_DEADLINE);
            // registered again and chosen by the load balancer (leases and caches of seconds)
            Thread.sleep(8_000);
        }

        outage("Kafka away 20 s", "Stopping the Kafka broker for 20 s …", () -> {
            suite.stopKafka();
            Thread.sleep(20_000);
            suite.startKafka();
        });
        outage("PostgreSQL restarted", "Restarting PostgreSQL …", suite::restartPostgres);
        return finish(threads);
    }

    /** What a phase does to the suite: stops the broker for a while, restarts the database. */
    private interface Fault {
        void cause() throws Exception;
    }

    /** The tills sell 10 s, then the fault, then 20 s more; then the figures of the outage and the checks. */
    private void outage(String name, String announced, Fault fault) throws Exception {
        selling.set(true);
        long from = System.currentTimeMillis();
        Thread.sleep(10_000);
        long away = System.currentTimeMillis();
        System.out.println(announced);
        fault.cause();
        long back = System.currentTimeMillis();
        Thread.sleep(20_000);
        checks.outage(name, from, System.currentTimeMillis(), away, back);
        check(name);
    }

    private int finish(List<Thread> threads) throws InterruptedException {
        stopped.set(true);
        selling.set(false);
        for (Thread t : threads) {
            t.join(30_000);
        }
        results.printUnder("Failover (issue 36), one run:");
        return results.exitStatus();
    }

    // ---------------------------------------------------------------- set-up and the tills

    private void setUp() {
        ownerName = "failover_owner_" + UUID.randomUUID().toString().substring(0, 8);
        Http.Answer registered = gateway.post(
                "/api/users/auth/register/",
                json(
                        "username",
                        ownerName,
                        "password",
                        "FailPass123!",
                        "password_confirm",
                        "FailPass123!",
                        "first_name",
                        "Failover",
                        "store_name",
                        "Failover Market"));
        Http.require(registered.status() == 201, "registration", registered);
        ownerToken = registered.text("/data/tokens/access");
        store = registered.text("/data/store/tenant_key");
        checks = new FailoverChecks(suite, store, results);
        Http owner = owner();
        for (int i = 0; i < PRODUCTS; i++) {
            Http.Answer product = owner.post(
                    "/api/products/products/",
                    json(
                            "name",
                            "Failover product " + i,
                            "cost_price",
                            8000,
                            "sale_price",
                            12000,
                            "unit",
                            "pcs",
                            "initial_quantity",
                            STOCK));
            Http.require(product.status() == 201, "product", product);
            barcodes.add(product.text("/barcode"));
        }
        Http.Answer buyer =
                owner.post("/api/customers/customers/", json("first_name", "Dilnoza", "phone", "+998901112233"));
        Http.require(buyer.status() == 201, "customer", buyer);
        customer = buyer.body().path("id").asLong(buyer.body().at("/data/id").asLong());
        handover = TransferHandover.setUp(suite, gateway, results, ownerToken, () -> ownerToken);
        refreshOwner();
        System.out.printf("Setting up %d tills …%n", TILLS);
        for (int i = 0; i < TILLS; i++) {
            OpenTill till = OpenTill.open(gateway, owner, store, "fo_till_", "F", i);
            tills.add(new FailoverTill(till.http(), till.session(), till.cashier(), i % 2 == 0));
        }
    }

    private Http owner() {
        return gateway.as(ownerToken, store);
    }

    private void sellUntilStopped(FailoverTill till) {
        while (!stopped.get()) {
            if (!selling.get()) {
                sleep(50);
                continue;
            }
            till.busy.set(true);
            try {
                sell(till);
            } finally {
                till.busy.set(false);
            }
        }
    }

    /** Three scans, then the checkout of the draft they went into. */
    private void sell(FailoverTill till) {
        Long sale = null;
        for (int i = 0; i < 3; i++) {
            Http.Answer scan = call(
                    till.http,
                    till.keyed ? "scan" : "scan without a key",
                    "POST",
                    "/api/sales/sales/scan-item/",
                    till.keyed,
                    json(
                            "session",
                            till.session,
                            "barcode",
                            barcodes.get(ThreadLocalRandom.current().nextInt(PRODUCTS)),
                            "quantity",
                            1));
            if (scan.ok() && till.keyed) {
                till.scanned.incrementAndGet();
                sale = scan.body().at("/data/id").asLong();
            }
        }
        if (sale == null) {
            return;
        }
        // the draft's total as the last answer gave it (a scan whose answer was lost is in the draft: the checkout's
        // answer shows it)
        Http.Answer draft = call(till.http, "draft", "GET", "/api/sales/sales/" + sale + "/", null);
        if (!draft.ok()) {
            return;
        }
        String total = draft.text("/total_amount");
        Map<String, Object> body =
                json("payments", List.of(json("payment_method", "cash", "amount", total, "received_amount", total)));
        if (++till.sales % 4 == 0) {
            body.put("customer_id", customer);
        }
        Http.Answer checkout = call(till.http, "checkout", "POST", "/api/sales/sales/" + sale + "/checkout/", body);
        if (checkout.ok()) {
            checks.paid(sale);
        }
    }

    private void logInUntilStopped() {
        while (!stopped.get()) {
            if (selling.get()) {
                Http.Answer login = call(
                        gateway,
                        "login",
                        "POST",
                        "/api/users/auth/login/",
                        json("username", ownerName, "password", "FailPass123!"));
                if (login.ok()) {
                    ownerToken = login.text("/access");
                }
            }
            sleep(500);
        }
    }

    /**
     * One call as a till app makes it: with an Idempotency-Key (state-changing calls), and again with the same key while it
     * fails for want of an answer (no answer, 5xx, still in progress) for up to 15 s. Every attempt is recorded.
     */
    private Http.Answer call(Http http, String what, String method, String path, Map<String, Object> body) {
        return call(http, what, method, path, true, body);
    }

    /** {@link #call(Http, String, String, String, Map)}, or when not {@code keyed} one attempt without a key. */
    private Http.Answer call(
            Http http, String what, String method, String path, boolean keyed, Map<String, Object> body) {
        String key = keyed && "POST".equals(method) ? UUID.randomUUID().toString() : null;
        long deadline = System.currentTimeMillis() + RETRY_FOR_MS;
        while (true) {
            long at = System.currentTimeMillis();
            Http.Answer answer = http.send(method, path, body, key);
            // no answer: the exception's class (a timeout, a refused connection)
            String code = answer.status() < 0
                    ? answer.body().asText().replaceFirst(":.*", "").replaceFirst(".*\\.", "")
                    : answer.text("/code");
            FailoverChecks.Attempt attempt =
                    new FailoverChecks.Attempt(at, answer.status(), System.currentTimeMillis() - at, what, code);
            checks.record(attempt);
            if (!keyed || !attempt.failed() || System.currentTimeMillis() > deadline || stopped.get()) {
                return answer;
            }
            sleep(250);
        }
    }

    /**
     * Stops the tills, voids their open drafts and waits (up to 2 minutes) until every read model has caught up, then checks:
     * sales list = analytics = checkouts answered 200; stock fell by what the completed sales sold, product by product; no hold
     * left; every till's sales hold exactly the units its scans were answered 200 for; balances and points equal the ledger.
     */
    private void check(String name) throws Exception {
        selling.set(false);
        long idleBy = System.currentTimeMillis() + 60_000;
        while (tills.stream().anyMatch(t -> t.busy.get()) && System.currentTimeMillis() < idleBy) {
            sleep(100);
        }
        refreshOwner();
        refreshTills();
        Http owner = owner();
        for (long draft : checks.drafts()) {
            Http.Answer voided = owner.post("/api/sales/sales/" + draft + "/cancel/", json());
            Http.require(voided.ok(), "voiding draft " + draft, voided);
        }
        List<Long> keyedShifts =
                tills.stream().filter(t -> t.keyed).map(t -> t.session).toList();
        long deadline = System.currentTimeMillis() + 120_000;
        FailoverChecks.Figures f = checks.figures(keyedShifts, scanned());
        while (!f.settled() && System.currentTimeMillis() < deadline) {
            sleep(1000);
            f = checks.figures(keyedShifts, scanned());
        }
        checks.judge(name, f);
        handover.check(name, name.equals("both alive"));
        selling.set(true);
    }

    /** Units the keyed tills' scans were answered 200 for. */
    private long scanned() {
        return tills.stream().mapToLong(t -> t.scanned.get()).sum();
    }

    private void refreshOwner() {
        Http.Answer login =
                gateway.post("/api/users/auth/login/", json("username", ownerName, "password", "FailPass123!"));
        if (login.ok()) {
            ownerToken = login.text("/access");
        }
    }

    /** Each till signs in again, as a till app does before its token expires (15 min: a run takes longer). */
    private void refreshTills() {
        for (FailoverTill till : tills) {
            Http.Answer login = gateway.post(
                    "/api/users/auth/login/", json("username", till.cashier, "password", OpenTill.PASSWORD));
            if (login.ok()) {
                till.http = gateway.as(login.text("/access"), store);
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
