package dev.kassa.infra.bench;

import dev.kassa.infra.Suite;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import static dev.kassa.infra.bench.Http.json;

/**
 * Transfers between two of the owner's stores all through {@link Failover}'s faults (issue 64 point 6): one after another,
 * each drafted and shipped at a depot, awaited at a shop (the hand-over through the outbox, Kafka and catalog's
 * consumer) and received there, every call retried as an app retries it. After each fault: every transfer shipped is at
 * the shop once, the depot's ledger gave exactly what it shipped, the shop's took in exactly what it received, and the
 * depot knows what the shop received; how long a shipped transfer took to be visible at the shop, p95 ≤ 2 s while both
 * instances of every service are alive. Before each transfer a new product is made at the depot and shared with the shop
 * (issue 86 point 2): after each fault every product shared is at the shop once, the copy of the depot's by its key.
 */
final class TransferHandover {

    private static final String SKU = "FO-TRANSFER";

    /** The SKUs of the products shared with the shop start with this. */
    private static final String SHARED = "FO-SHARED-";

    private final Suite suite;
    private final Http gateway;
    private final Results results;
    private final Supplier<String> ownerToken;
    private final String depot;
    private final String shop;
    private final long product;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean busy = new AtomicBoolean();
    private final AtomicLong shipped = new AtomicLong();
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong sharedOk = new AtomicLong();
    private final java.util.concurrent.atomic.AtomicInteger sequence = new java.util.concurrent.atomic.AtomicInteger();
    private volatile Latencies visible = new Latencies();

    private TransferHandover(
            Suite suite,
            Http gateway,
            Results results,
            Supplier<String> ownerToken,
            String depot,
            String shop,
            long product) {
        this.suite = suite;
        this.gateway = gateway;
        this.results = results;
        this.ownerToken = ownerToken;
        this.depot = depot;
        this.shop = shop;
        this.product = product;
    }

    /** Opens a depot and a shop for the owner, the same product in both (stock at the depot only). */
    static TransferHandover setUp(
            Suite suite, Http gateway, Results results, String token, Supplier<String> ownerToken) {
        Http.Answer first = open(gateway, token, "Failover Depot");
        // each store opened answers fresh tokens that name it (and the owner's sign-ins from now on name both)
        Http.Answer second = open(gateway, first.text("/data/tokens/access"), "Failover Shop");
        String both = second.text("/data/tokens/access");
        String depot = first.text("/data/store/tenant_key");
        String shop = second.text("/data/store/tenant_key");
        Map<String, Object> item =
                json("name", "Failover transfer", "sku", SKU, "cost_price", 8000, "sale_price", 12000, "unit", "pcs");
        Map<String, Object> stocked = new java.util.HashMap<>(item);
        stocked.put("initial_quantity", Failover.STOCK);
        Http.Answer there = gateway.as(both, depot).post("/api/products/products/", stocked);
        Http.require(there.status() == 201, "depot product", there);
        Http.Answer here = gateway.as(both, shop).post("/api/products/products/", item);
        Http.require(here.status() == 201, "shop product", here);
        return new TransferHandover(
                suite,
                gateway,
                results,
                ownerToken,
                depot,
                shop,
                there.body().path("id").asLong());
    }

    private static Http.Answer open(Http gateway, String token, String name) {
        Http.Answer opened = gateway.as(token, null).post("/api/users/stores/", json("name", name));
        Http.require(opened.status() == 201, "store " + name, opened);
        return opened;
    }

    Thread start(AtomicBoolean stopped) {
        running.set(true);
        return Threads.daemon("transfers", () -> {
            while (!stopped.get()) {
                if (!running.get()) {
                    sleep(50);
                    continue;
                }
                busy.set(true);
                try {
                    once();
                } finally {
                    busy.set(false);
                }
                sleep(200);
            }
        });
    }

    /** A product made at the depot and shared with the shop, as an owner shares a new line of goods with the chain. */
    private void share() {
        int n = sequence.incrementAndGet();
        Http.Answer made = call(
                depot,
                "POST",
                "/api/products/products/",
                json("name", "Failover shared " + n, "sku", SHARED + n, "cost_price", 100, "sale_price", 150));
        if (!made.ok()) {
            return;
        }
        Http.Answer shared = call(
                depot,
                "POST",
                "/api/products/shares/",
                json("products", List.of(made.body().path("id").asLong()), "stores", List.of(shop)));
        if (shared.ok()) {
            sharedOk.incrementAndGet();
        }
    }

    /** One transfer of one unit: drafted and shipped at the depot, seen at the shop, received there. */
    private void once() {
        share();
        Http.Answer draft = call(
                depot,
                "POST",
                "/api/products/transfers/",
                json("to_store", shop, "lines", List.of(json("product", product, "quantity", 1))));
        if (!draft.ok()) {
            return;
        }
        long id = draft.body().path("id").asLong();
        String number = draft.text("/number");
        Http.Answer ship = call(depot, "POST", "/api/products/transfers/" + id + "/ship", null);
        if (!ship.ok()) {
            return;
        }
        shipped.incrementAndGet();
        long at = System.nanoTime();
        long arrived = -1;
        long deadline = System.currentTimeMillis() + 120_000;
        while (arrived < 0 && System.currentTimeMillis() < deadline) {
            Http.Answer list =
                    gateway.as(ownerToken.get(), shop).get("/api/products/transfers/?direction=in&page_size=5");
            for (var t : list.body().path("results")) {
                if (number.equals(t.path("number").asText())
                        && depot.equals(t.path("from_store").asText())) {
                    arrived = t.path("id").asLong();
                }
            }
            if (arrived < 0) {
                sleep(25);
            }
        }
        if (arrived < 0) {
            return;
        }
        visible.add(System.nanoTime() - at);
        if (call(shop, "POST", "/api/products/transfers/" + arrived + "/receive", null)
                .ok()) {
            received.incrementAndGet();
        }
    }

    /** A call as an app makes it: with an Idempotency-Key, again with the same key while it fails, for up to 30 s. */
    private Http.Answer call(String store, String method, String path, Map<String, Object> body) {
        String key = UUID.randomUUID().toString();
        long deadline = System.currentTimeMillis() + 30_000;
        while (true) {
            Http.Answer answer = gateway.as(ownerToken.get(), store).send(method, path, body, key);
            boolean retry =
                    answer.status() < 0 || answer.status() >= 500 || answer.status() == 409 || answer.status() == 429;
            if (!retry || System.currentTimeMillis() > deadline) {
                return answer;
            }
            sleep(250);
        }
    }

    /**
     * Stops shipping, waits (up to 2 minutes) until both stores agree, and adds the phase's rows; then ships again with
     * a fresh visibility record.
     */
    void check(String phase, boolean judgeVisibility) throws SQLException {
        running.set(false);
        long idleBy = System.currentTimeMillis() + 150_000;
        while (busy.get() && System.currentTimeMillis() < idleBy) {
            sleep(100);
        }
        long deadline = System.currentTimeMillis() + 120_000;
        Figures f = figures();
        while (!f.settled() && System.currentTimeMillis() < deadline) {
            sleep(1000);
            f = figures();
        }
        results.row(
                phase + ": transfers shipped = at the shop, once = answered 200 to ship",
                f.shippedAtDepot + " = " + f.atShop + " = " + shipped.get(),
                f.shippedAtDepot == f.atShop && f.atShop == shipped.get() && f.doubled == 0);
        results.row(
                phase + ": depot's ledger gave = shipped; shop's took = received = answered 200 to receive",
                f.gave + " = " + f.shippedUnits + "; " + f.took + " = " + f.receivedUnits + " = " + received.get(),
                f.gave == f.shippedUnits && f.took == f.receivedUnits && f.receivedUnits == received.get());
        results.row(
                phase + ": products shared = at the shop, once, the depot's by key (≥ answered 200 to share)",
                f.sharedAtDepot + " = " + f.sharedAtShop + ", doubled " + f.sharedDoubled + ", unlinked "
                        + f.sharedUnlinked + " (" + sharedOk.get() + ")",
                f.sharedAtDepot == f.sharedAtShop
                        && f.sharedDoubled == 0
                        && f.sharedUnlinked == 0
                        && f.sharedAtDepot >= sharedOk.get());
        results.row(
                phase + ": depot told of every receipt (received there = at the shop)",
                f.receivedAtDepot + " = " + f.receivedUnits,
                f.receivedAtDepot == f.receivedUnits);
        Latencies seen = visible;
        results.row(
                phase + ": shipped → visible at the shop, p95" + (judgeVisibility ? " (≤ 2 s)" : ""),
                String.format(
                        "%.0f ms (max %.0f, %d transfers)", seen.percentile(95), seen.percentile(100), seen.count()),
                !judgeVisibility || (seen.count() > 0 && seen.percentile(95) <= 2_000));
        visible = new Latencies();
        running.set(true);
    }

    private record Figures(
            long shippedAtDepot,
            long atShop,
            long doubled,
            long gave,
            long shippedUnits,
            long took,
            long receivedUnits,
            long receivedAtDepot,
            long sharedAtDepot,
            long sharedAtShop,
            long sharedDoubled,
            long sharedUnlinked) {
        boolean settled() {
            return shippedAtDepot == atShop
                    && sharedAtDepot == sharedAtShop
                    && receivedAtDepot == receivedUnits
                    && gave == shippedUnits
                    && took == receivedUnits;
        }
    }

    private Figures figures() throws SQLException {
        try (Connection catalog =
                DriverManager.getConnection(suite.jdbcBase() + "/kassa_catalog", "postgres", "postgres")) {
            String d = Sql.schemaOf(catalog, depot);
            String s = Sql.schemaOf(catalog, shop);
            return new Figures(
                    Sql.single(
                            catalog,
                            "select count(*) from " + d
                                    + ".transfers where direction = 'out' and status <> 'draft' and status <> 'cancelled'"),
                    Sql.single(catalog, "select count(*) from " + s + ".transfers where direction = 'in'"),
                    Sql.single(
                            catalog,
                            "select count(*) - count(distinct source_id) from " + s
                                    + ".transfers where direction = 'in'"),
                    -Sql.single(
                            catalog,
                            "select coalesce(sum(quantity), 0)::bigint from " + d
                                    + ".stock_movements where reason = 'transfer'"),
                    Sql.single(
                            catalog, "select coalesce(sum(shipped_quantity), 0)::bigint from " + d + ".transfer_lines"),
                    Sql.single(
                            catalog,
                            "select coalesce(sum(quantity), 0)::bigint from " + s
                                    + ".stock_movements where reason = 'transfer'"),
                    Sql.single(
                            catalog,
                            "select coalesce(sum(received_quantity), 0)::bigint from " + s + ".transfer_lines"),
                    Sql.single(
                            catalog,
                            "select coalesce(sum(received_quantity), 0)::bigint from " + d + ".transfer_lines"),
                    Sql.single(
                            catalog,
                            "select count(*) from " + d + ".product_shares x join " + d
                                    + ".products p on p.id = x.product_id where p.sku like '" + SHARED + "%'"),
                    Sql.single(
                            catalog,
                            "select count(distinct sku) from " + s + ".products where sku like '" + SHARED + "%'"),
                    Sql.single(
                            catalog,
                            "select count(*) - count(distinct sku) from " + s + ".products where sku like '" + SHARED
                                    + "%'"),
                    Sql.single(
                            catalog,
                            "select count(*) from " + s + ".products c where c.sku like '" + SHARED
                                    + "%' and not exists"
                                    + " (select 1 from " + d + ".products p where p.chain_key = c.chain_key"
                                    + " and p.sku = c.sku)"));
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
