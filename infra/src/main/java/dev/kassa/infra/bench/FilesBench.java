package dev.kassa.infra.bench;

import dev.kassa.infra.Suite;
import dev.kassa.infra.SuiteConfig;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static dev.kassa.infra.bench.Http.json;

/**
 * {@code infra/kassa files}: the files a shop moves in and out (issue 62), timed through the gateway on a suite of its
 * own (one instance of each service, full JIT): 10 000 products imported from a CSV (a dry run, the import, the same file
 * again) while an owner keeps reading the product list, 1 000 shelf labels as one PDF, a receipt as a web page and as a
 * PDF, 100 000 sales leaving as CSV and XLSX with sales-service's heap watched, and a stock-take of 5 000 products
 * applied while a till sells ({@link CountTakes}). One table, each figure against its
 * target; exit status 1 when one is missed. The figures are taken once the JIT compilers are quiet, as the other
 * benchmark's are: for minutes after start-up every service's compilers take most of the two cores.
 */
public final class FilesBench {

    static final int PORT_BASE = 21080;
    static final int PRODUCTS = 10_000;
    static final int SALES = 100_000;
    static final int RECEIPTS = 300;
    /** Calls of each format, at least, before receipts are measured: the optimising compiler's turn. */
    static final int WARM_UP = 500;
    /** How long receipts are asked for, at least, before they are measured (as the other benchmark warms up). */
    static final int WARM_UP_SECONDS = 90;

    private final Suite suite;
    private final Results results = new Results();
    private Http owner;
    private String store;

    private FilesBench(Suite suite) {
        this.suite = suite;
    }

    public static void main(String[] args) throws Exception {
        SuiteRun.exitWith(
                "files",
                "Starting the suite (one instance of each service, full JIT)",
                data -> SuiteConfig.local(
                        SuiteRun.root(), data, new SuiteConfig.Ports(PORT_BASE, 21761, 21432, 21192), true, 1),
                Duration.ofSeconds(600),
                suite -> new FilesBench(suite).run());
    }

    private int run() throws Exception {
        // KASSA_FILES_PARTS: which rows (labels, moves, receipts, exports, import, counts, chain, planning; all)
        List<String> parts = List.of(System.getenv()
                .getOrDefault("KASSA_FILES_PARTS", "labels,moves,receipts,exports,import,counts,chain,planning")
                .split(","));
        // for minutes after start-up every service's JIT compilers take most of the two cores: wait (up to five
        // minutes) until they are quiet, as the other benchmark's warm-up does, then sign up (tokens last 15 minutes)
        long waited = suite.meter().compilersQuiet(300);
        System.out.printf("  (the JIT compilers were quiet after %d s)%n", waited);
        setUp();
        // a hundred products to label and sell first, so the timed import's rows are new
        timedImport(productsCsv("LBL", 100), "", "created", 100);
        if (parts.contains("labels")) {
            labels();
        }
        if (parts.contains("moves")) {
            moves();
        }
        if (parts.contains("receipts") || parts.contains("exports")) {
            long sale = receipts();
            if (parts.contains("exports")) {
                exports(sale);
            }
        }
        if (parts.contains("import")) {
            imports();
        }
        if (parts.contains("counts")) {
            // over the imported products (the first 5 000 of them, with the labelled hundred)
            new CountTakes(suite, owner, store, results).run();
        }
        if (parts.contains("chain")) {
            // the imported products (and the labelled hundred) shared with five more stores of the owner's
            new ChainShares(suite, owner, store, results).run(PRODUCTS + 100);
        }
        if (parts.contains("planning")) {
            new PlanningRun(owner, results).run();
        }
        results.print();
        return results.exitStatus();
    }

    private void setUp() {
        String name = "files_owner_" + UUID.randomUUID().toString().substring(0, 8);
        Http gateway = new Http(suite.gatewayUrl(), null, null);
        Http.Answer registered = gateway.post(
                "/api/users/auth/register/",
                json(
                        "username", name,
                        "password", "FilesPass123!",
                        "password_confirm", "FilesPass123!",
                        "first_name", "Files",
                        "store_name", "Магазин файлов"));
        Http.require(registered.status() == 201, "registration", registered);
        store = registered.text("/data/store/tenant_key");
        owner = gateway.as(registered.text("/data/tokens/access"), store);
    }

    // ---------------------------------------------------------------- import

    private void imports() throws InterruptedException {
        byte[] file = productsCsv("IMP", PRODUCTS);
        double dry = timedImport(file, "?dry_run=true", "created", PRODUCTS);
        results.row("import of 10 000 products: dry run (s)", String.format("%.1f (≤ 5)", dry), dry <= 5);

        Latencies reads = new Latencies();
        AtomicBoolean importing = new AtomicBoolean(true);
        Thread reader = Threads.daemon("product-reader", () -> {
            while (importing.get()) {
                reads.record(owner.get("/api/products/products/?page_size=20"));
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        double real;
        try {
            real = timedImport(file, "", "created", PRODUCTS);
        } finally {
            importing.set(false);
            reader.join();
        }
        results.row("import of 10 000 products (s)", String.format("%.1f (≤ 15)", real), real <= 15);
        results.row(
                "product list read meanwhile: p95 (ms), errors",
                String.format("%.0f, %s", reads.percentile(95), reads.errorSummary()),
                reads.errors.get() == 0);
        double again = timedImport(file, "", "unchanged", PRODUCTS);
        results.row("the same file again, nothing changed (s)", String.format("%.1f", again), true);
        valuation();
        requirements();
    }

    /** Issue 64's requirements (what to reorder) over the store's 10 000 imported products: every product computed. */
    private void requirements() {
        Latencies took = new Latencies();
        for (int i = 0; i < 60; i++) {
            Http.Answer answer = owner.get("/api/products/requirements/?needed=false&page_size=100");
            Http.require(answer.ok(), "requirements", answer);
            if (i >= 20) {
                took.record(answer);
            }
        }
        double p95 = took.percentile(95);
        results.row(
                "what to reorder over 10 100 products: p50, p95 (ms)",
                String.format("%.0f, %.0f (≤ 1000)", took.percentile(50), p95),
                p95 <= 1000);
    }

    /** Issue 63's stock valuation over the store's 10 000 imported products and their batches, now and as of today. */
    private void valuation() {
        // a store registers in Tashkent time unless it says otherwise
        for (String query : List.of("", "?as_of=" + LocalDate.now(ZoneId.of("Asia/Tashkent")))) {
            Latencies took = new Latencies();
            for (int i = 0; i < 60; i++) {
                Http.Answer answer = owner.get("/api/products/valuation/" + query);
                Http.require(answer.ok(), "valuation", answer);
                if (i >= 20) {
                    took.record(answer);
                }
            }
            double p95 = took.percentile(95);
            results.row(
                    "stock valuation of 10 100 products" + (query.isEmpty() ? "" : ", as of today from the ledger")
                            + ": p50, p95 (ms)",
                    String.format("%.0f, %.0f (≤ 500)", took.percentile(50), p95),
                    p95 <= 500);
        }
    }

    /** Seconds from the upload to the job's end; the job must have {@code rows} rows counted as {@code counted}. */
    private double timedImport(byte[] file, String query, String counted, int rows) throws InterruptedException {
        long start = System.nanoTime();
        Http.Answer accepted = owner.upload("/api/products/imports/" + query, "file", "products.csv", file);
        Http.require(accepted.status() == 202, "import upload", accepted);
        String job = "/api/products/imports/" + accepted.text("/id") + "/";
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        Http.Answer state;
        do {
            Thread.sleep(100);
            state = owner.get(job);
        } while (!List.of("done", "failed").contains(state.text("/status")) && System.nanoTime() < deadline);
        double seconds = (System.nanoTime() - start) / 1e9;
        Http.require(
                "done".equals(state.text("/status"))
                        && state.body().at("/counts/" + counted).asInt() == rows,
                "import job " + query,
                state);
        return seconds;
    }

    /** Products as a shop's spreadsheet saves them: {@code ;}, decimal commas, 20 categories, valid EAN-13s. */
    private static byte[] productsCsv(String prefix, int count) {
        StringBuilder csv = new StringBuilder("sku;barcode;name;category;unit;sale_price;cost_price;quantity\n");
        for (int i = 1; i <= count; i++) {
            String twelve = String.format("%s%09d", "IMP".equals(prefix) ? "478" : "479", i);
            csv.append(prefix)
                    .append('-')
                    .append(i)
                    .append(';')
                    .append(twelve)
                    .append(checkDigit(twelve))
                    .append(";Товар ")
                    .append(prefix)
                    .append(' ')
                    .append(i)
                    .append(";Категория ")
                    .append(i % 20)
                    .append(";шт;")
                    .append(10_000 + i % 500)
                    .append(",00;")
                    .append(7_000 + i % 500)
                    .append(",50;")
                    .append(5 + i % 50)
                    .append('\n');
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static int checkDigit(String twelve) {
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += (twelve.charAt(i) - '0') * (i % 2 == 0 ? 1 : 3);
        }
        return (10 - sum % 10) % 10;
    }

    // ---------------------------------------------------------------- moves

    /**
     * Issue 86's move of 100 lines between two locations of a store (one unit of each of the hundred labelled products,
     * named by product and the location it comes from), there and back again, through the gateway.
     */
    private void moves() {
        long floor =
                owner.get("/api/products/locations/").body().at("/results/0/id").asLong();
        Http.Answer made =
                owner.post("/api/products/locations/", json("code", "BACK", "name", "Подсобка", "type", "back_room"));
        Http.require(made.status() == 201, "a back room", made);
        long room = made.body().path("id").asLong();
        Http.Answer page = owner.get("/api/products/products/?page_size=100");
        Http.require(page.ok(), "product list", page);
        List<Long> products = new ArrayList<>();
        page.body().path("results").forEach(p -> products.add(p.path("id").asLong()));
        Latencies took = new Latencies();
        for (int i = 0; i < 40; i++) {
            long from = i % 2 == 0 ? floor : room;
            long to = i % 2 == 0 ? room : floor;
            List<Map<String, Object>> lines = new ArrayList<>();
            products.forEach(p -> lines.add(json("product", p, "from", from, "quantity", 1, "to", to)));
            Http.Answer moved = owner.post("/api/products/stock-moves/", json("lines", lines));
            Http.require(moved.ok(), "a move of 100 lines", moved);
            if (i >= 10) {
                took.record(moved);
            }
        }
        double p95 = took.percentile(95);
        results.row(
                "a move of 100 lines between locations: p50, p95 (ms)",
                String.format("%.0f, %.0f (≤ 200)", took.percentile(50), p95),
                p95 <= 200);
    }

    // ---------------------------------------------------------------- labels

    private void labels() {
        Http.Answer page = owner.get("/api/products/products/?page_size=100");
        Http.require(page.ok(), "product list", page);
        List<Map<String, Object>> items = new ArrayList<>();
        page.body()
                .path("results")
                .forEach(p -> items.add(json("product", p.path("id").asLong(), "copies", 10)));
        Http.require(items.size() == 100, "100 products to label", page);
        Latencies sheets = new Latencies();
        for (int i = 0; i < 5; i++) {
            Http.Answer pdf = owner.file("POST", "/api/products/labels/", json("items", items, "template", "a4-40"));
            Http.require(pdf.ok(), "labels", pdf);
            if (i >= 2) {
                sheets.record(pdf);
            }
        }
        double seconds = sheets.percentile(50) / 1000;
        results.row("1 000 labels as one PDF (s, median of 3)", String.format("%.2f (≤ 5)", seconds), seconds <= 5);
    }

    // ---------------------------------------------------------------- receipts

    private long receipts() throws InterruptedException {
        Http.Answer shift = owner.post("/api/sales/sessions/open/", json("opening_balance", 0));
        Http.require(shift.status() == 201, "open shift", shift);
        Http.Answer products = owner.get("/api/products/products/?page_size=3");
        List<Map<String, Object>> lines = new ArrayList<>();
        products.body()
                .path("results")
                .forEach(p -> lines.add(json("product", p.path("id").asLong(), "quantity", 1)));
        Http.Answer sale = owner.post(
                "/api/sales/sales/",
                json(
                        "client_id", UUID.randomUUID().toString(),
                        "session", shift.body().at("/data/id").asLong(),
                        "sold_at", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
                        "items", lines,
                        "payments",
                                List.of(json("payment_method", "cash", "amount", 40_000, "received_amount", 50_000))));
        Http.require(sale.status() == 201, "a sale to print", sale);
        long id = sale.body().at("/data/id").asLong();
        // the JSON receipt (the same sale read, nothing drawn) beside, for what the drawing costs
        List<String> formats = List.of("json", "html", "pdf");
        // warmed up as the other benchmark warms the tills (90 s; at least 500 calls of each format), the formats in
        // turn, then measured once the compilers have compiled what the warm-up asked for: a suite that has served a
        // few thousand calls is still compiling the gateway's and the services' deeper paths, and the first format
        // measured paid for it (JSON, which draws nothing, measured slowest of the three after 500 calls of each)
        long warmUpStart = System.nanoTime();
        int warmUpCalls = 0;
        while (warmUpCalls < WARM_UP * formats.size()
                || System.nanoTime() - warmUpStart < TimeUnit.SECONDS.toNanos(WARM_UP_SECONDS)) {
            String format = formats.get(warmUpCalls++ % formats.size());
            Http.Answer answer = owner.file("GET", "/api/sales/sales/" + id + "/receipt/?format=" + format, null);
            Http.require(answer.ok(), "receipt " + format, answer);
        }
        long compiling = suite.meter().compilersQuiet(60);
        System.out.printf(
                "  (receipts warmed up: %d calls in %d s; the compilers quiet %d s after)%n",
                warmUpCalls, TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - warmUpStart) - compiling, compiling);
        for (String format : formats) {
            String path = "/api/sales/sales/" + id + "/receipt/?format=" + format;
            Latencies printed = new Latencies();
            for (int i = 0; i < RECEIPTS; i++) {
                Http.Answer answer = owner.file("GET", path, null);
                Http.require(answer.ok(), "receipt " + format, answer);
                printed.record(answer);
            }
            double p95 = printed.percentile(95);
            int target = "html".equals(format) ? 20 : "pdf".equals(format) ? 100 : 0;
            results.row(
                    "receipt as " + format.toUpperCase() + ": p50, p95 (ms)",
                    String.format("%.1f, %.1f%s", printed.percentile(50), p95, target > 0 ? " (≤ " + target + ")" : ""),
                    target == 0 || p95 <= target);
        }
        return id;
    }

    // ---------------------------------------------------------------- exports

    private void exports(long template) throws Exception {
        int sales = seedSales(template);
        SuiteConfig.Service service = suite.instances("sales-service").get(0);
        for (String format : List.of("csv", "xlsx")) {
            HeapWatch heap = HeapWatch.start(service.port());
            long start = System.nanoTime();
            Http.Answer file = owner.file("GET", "/api/sales/sales/export?format=" + format, null);
            double seconds = (System.nanoTime() - start) / 1e9;
            HeapWatch.Growth growth = heap.stop();
            Http.require(file.ok(), "export " + format, file);
            results.row(
                    String.format("export of %d sales as %s (s)", sales, format.toUpperCase()),
                    String.format("%.1f (≤ 10)", seconds),
                    seconds <= 10);
            results.row(
                    "  sales-service heap meanwhile (" + format + "): old generation's growth, peak used growth (MB)",
                    String.format("%d (≤ 64), %d", growth.tenuredMegabytes(), growth.usedMegabytes()),
                    growth.tenuredMegabytes() <= 64);
        }
    }

    /** Copies the sale {@code template} (its lines and payments) until the store has {@code SALES} sales. */
    private int seedSales(long template) throws Exception {
        var config = suite.config();
        try (Connection c =
                DriverManager.getConnection(suite.jdbcBase() + "/kassa_sales", config.dbUser(), config.dbPassword())) {
            String schema = Sql.schemaOf(c, store);
            SaleCopies.copy(c, schema, template, SALES - 1);
            return (int) Sql.single(c, "select count(*) from " + schema + ".sales");
        }
    }
}
