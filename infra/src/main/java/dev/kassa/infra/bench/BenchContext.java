package dev.kassa.infra.bench;

import dev.kassa.infra.Suite;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import static dev.kassa.infra.bench.Http.json;
import static dev.kassa.infra.bench.Http.require;

/**
 * What the benchmark's scenarios share: the suite, its gateway, the table of results, and the store its tills sell in
 * (the owner, the products and their barcodes, the tills), set up once and signed in again as the tokens age.
 */
final class BenchContext {

    static final int PRODUCTS = 20;
    static final int STOCK = 500_000;
    static final int PORT_BASE = 18080;
    static final DateTimeFormatter CLOCK =
            DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneOffset.UTC);
    /** Every product's sale price. */
    static final BigDecimal PRICE = new BigDecimal("12000");

    private static final int MAX_TILLS = 100;

    /** One till: a client signed in as its cashier, and the till's open shift. */
    record Till(Http http, long session, String cashier) {}

    private final Suite suite;
    private final Http gateway;
    private final Results results;
    private final List<String> barcodes = new ArrayList<>();
    private final List<Long> products = new ArrayList<>();
    private final List<Till> tills = new ArrayList<>();
    private String store;
    private String ownerName;
    private String ownerToken;
    private long tokensAt;

    BenchContext(Suite suite, Results results) {
        this.suite = suite;
        this.gateway = new Http(suite.gatewayUrl(), null, null);
        this.results = results;
    }

    Suite suite() {
        return suite;
    }

    /** The gateway, signed in as nobody. */
    Http gateway() {
        return gateway;
    }

    Results results() {
        return results;
    }

    /** The tenant key of the store the tills sell in. */
    String store() {
        return store;
    }

    /** The store owner's current access token. */
    String ownerToken() {
        return ownerToken;
    }

    /** The tills, each with its current token. */
    List<Till> tills() {
        return Collections.unmodifiableList(tills);
    }

    /** The store's products' ids, in the order they were created. */
    List<Long> products() {
        return Collections.unmodifiableList(products);
    }

    /** One of the store's products' barcodes, at random. */
    String randomBarcode() {
        return barcodes.get(ThreadLocalRandom.current().nextInt(PRODUCTS));
    }

    /** One of the store's products' ids, at random. */
    long randomProduct() {
        return products.get(ThreadLocalRandom.current().nextInt(PRODUCTS));
    }

    /** A connection to one of the suite's databases ({@code kassa_sales}, …) as its superuser. */
    Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(suite.jdbcBase() + "/" + database, "postgres", "postgres");
    }

    /** Registers a new owner with a new store through the gateway. */
    Http.Answer register(String username, String firstName, String storeName) {
        return gateway.post(
                "/api/users/auth/register/",
                json(
                        "username",
                        username,
                        "password",
                        "BenchPass123!",
                        "password_confirm",
                        "BenchPass123!",
                        "first_name",
                        firstName,
                        "store_name",
                        storeName));
    }

    private Http.Answer logIn(String username, String password) {
        return gateway.post("/api/users/auth/login/", json("username", username, "password", password));
    }

    /** Registers the store, creates its products, and gives each till a cashier, a register and an open shift. */
    void setUp() {
        String owner = "bench_owner_" + UUID.randomUUID().toString().substring(0, 8);
        Http.Answer registered = register(owner, "Bench", "Bench Market");
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
            OpenTill till = OpenTill.open(gateway, owned, store, "till_", "T", i);
            tills.add(new Till(till.http(), till.session(), till.cashier()));
        }
    }

    /**
     * Signs the owner and every till in again when their access tokens are more than five minutes old, as the apps do
     * with theirs: the tokens live 15 minutes, and the warm-up alone may take that long (with the tokens of the set-up,
     * (a) once answered 1,528 scans with 401 and (d) counted the gateway's GETs only until the owner's token lapsed).
     */
    void freshTokens() {
        if (System.nanoTime() - tokensAt < TimeUnit.MINUTES.toNanos(5)) {
            return;
        }
        Http.Answer owner = logIn(ownerName, "BenchPass123!");
        require(owner.ok(), "owner login", owner);
        ownerToken = owner.text("/access");
        for (int i = 0; i < tills.size(); i++) {
            Till till = tills.get(i);
            Http.Answer login = logIn(till.cashier(), OpenTill.PASSWORD);
            require(login.ok(), "cashier login", login);
            tills.set(i, new Till(gateway.as(login.text("/access"), store), till.session(), till.cashier()));
        }
        tokensAt = System.nanoTime();
    }
}
