package dev.kassa.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.kassa.platform.test.Api;
import dev.kassa.platform.test.ApiDocs;
import dev.kassa.platform.test.SeedExamples;
import dev.kassa.platform.test.WebhookReceiver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static dev.kassa.platform.test.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

/**
 * The whole suite as separate processes, two instances of each service, driven only through the gateway, as a shop would use it: the
 * seed documents' request examples for registration, login, products, shifts, the till, analytics,
 * customers and tasks, plus the refusals every client must get in the error body.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EndToEndIT {

    static Suite suite;
    static Api gateway;
    static String ownerA;
    static String keyA;
    static String ownerB;
    static String keyB;
    static long stockedProduct;
    static long customerId;
    static String usernameA = "ivan_owner_" + UUID.randomUUID().toString().substring(0, 6);

    @BeforeAll
    static void startSuite() throws Exception {
        Path root =
                Path.of(System.getProperty("kassa.root", "..")).toAbsolutePath().normalize();
        Path data = Files.createTempDirectory(root.resolve("infra/target"), "e2e-data");
        // ports below the kernel's ephemeral range (32768+), so no outgoing connection can hold one of them; two
        // instances of each
        // service, as a cluster runs them (the gateway and the services balance over both): nothing may rely on being
        // the only one
        suite = Suite.start(
                SuiteConfig.local(root, data, new SuiteConfig.Ports(28080, 28761, 25432, 29192), false, 2),
                Duration.ofSeconds(600));
        System.out.printf(
                "Suite ready in %.1f s, resident memory %d MB%n",
                suite.secondsToReady(), suite.meter().residentMegabytes());
        gateway = new Api(suite.gatewayUrl());
    }

    @AfterAll
    static void stopSuite() {
        if (suite != null) {
            suite.close();
        }
    }

    /** How the published documents are written to files (docs/openapi): indented, so a change reads as a diff. */
    static final ObjectWriter PUBLISHED = new ObjectMapper().writerWithDefaultPrettyPrinter();

    static void assertErrorBody(Api.Response r, int status, String code) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        assertThat(r.text("/status")).isEqualTo("error");
        assertThat(r.text("/code")).isEqualTo(code);
        assertThat(r.text("/message")).isNotBlank();
        assertThat(r.at("/errors").isObject()).isTrue();
        assertThat(r.raw()).doesNotContain("Exception").doesNotContain("<html");
    }

    @Test
    @Order(1)
    void registersStoresWithEverySeedExample() {
        // erp-v2-registration.md: the full form
        Api.Response a = gateway.post("/api/users/auth/register/", SeedExamples.registration(usernameA, "asia_market"));
        assertThat(a.status()).as(a.toString()).isEqualTo(201);
        keyA = a.text("/data/store/tenant_key");
        assertThat(keyA).startsWith("asia_market_");
        // erp-v2-registration.md: the minimal form
        Api.Response b = gateway.post(
                "/api/users/auth/register/",
                json(
                        "first_name",
                        "Иван",
                        "owner_phone",
                        "+998901234567",
                        "username",
                        "ivan_min_" + UUID.randomUUID().toString().substring(0, 6),
                        "password",
                        "SecurePass123!",
                        "password_confirm",
                        "SecurePass123!",
                        "store_name",
                        "Супермаркет Азия",
                        "store_address",
                        "ул. Навои, д. 45",
                        "store_phone",
                        "+998712345678"));
        assertThat(b.status()).as(b.toString()).isEqualTo(201);
        assertThat(b.text("/data/store/slug")).startsWith("supermarket-aziya");
        ownerB = b.text("/data/tokens/access");
        keyB = b.text("/data/store/tenant_key");
        // erp-v2-readme.md: minimal request; erp-v2-api.md 1.1: password2 and phone
        assertThat(gateway.post(
                                "/api/users/auth/register/",
                                json(
                                        "username",
                                        "owner1_" + UUID.randomUUID().toString().substring(0, 6),
                                        "password",
                                        "SecurePass123!",
                                        "password_confirm",
                                        "SecurePass123!",
                                        "first_name",
                                        "Иван",
                                        "store_name",
                                        "Мой Магазин"))
                        .status())
                .isEqualTo(201);
        assertThat(gateway.post(
                                "/api/users/auth/register/",
                                SeedExamples.apiRegistration("testuser_"
                                        + UUID.randomUUID().toString().substring(0, 6)))
                        .status())
                .isEqualTo(201);
    }

    @Test
    @Order(2)
    void logsInRefreshesAndKnowsTheCaller() {
        Api.Response login =
                gateway.post("/api/users/auth/login/", json("username", usernameA, "password", "SecurePass123!"));
        assertThat(login.status()).as(login.toString()).isEqualTo(200);
        assertThat(login.text("/default_store/tenant_key")).isEqualTo(keyA);
        assertThat(login.text("/available_stores/0/role")).isEqualTo("owner");
        Api.Response refreshed =
                gateway.post("/api/users/auth/token/refresh/", json("refresh", login.text("/refresh")));
        assertThat(refreshed.status()).as(refreshed.toString()).isEqualTo(200);
        ownerA = refreshed.text("/access");
        Api.Response me = gateway.as(ownerA).in(keyA).get("/api/users/auth/me/");
        assertThat(me.status()).as(me.toString()).isEqualTo(200);
        assertThat(me.text("/data/store/tenant_key")).isEqualTo(keyA);
        Api.Response profile = gateway.as(ownerA).in(keyA).get("/api/users/profile/");
        assertThat(profile.status()).isEqualTo(200);
        // the web client reads it on every screen: its browser keeps it 5 s for this caller, then a 304 while unchanged
        assertThat(profile.header("Cache-Control")).contains("private").contains("max-age=5");
        assertThat(profile.header("Vary")).contains("Authorization");
        assertThat(gateway.as(ownerA)
                        .in(keyA)
                        .header("If-None-Match", profile.header("ETag"))
                        .get("/api/users/profile/")
                        .status())
                .isEqualTo(304);
        assertThat(gateway.as(ownerA).get("/api/users/auth/my-stores/").text("/data/0/tenant_key"))
                .isEqualTo(keyA);
    }

    @Test
    @Order(3)
    void sellsAsTheApiDocumentDescribesAndSeesItInAnalyticsAndStock() throws Exception {
        Api owner = gateway.as(ownerA).in(keyA);
        // the new store is usable in every service: provisioned on StoreCreated (or on demand)
        assertThat(owner.get("/api/products/categories/").at("/count").asInt()).isEqualTo(16);
        assertThat(owner.post("/api/products/categories/", json("name", "Смартфоны"))
                        .status())
                .isEqualTo(201);
        // erp-v2-api.md 2.2 verbatim
        Api.Response iphone = owner.post("/api/products/products/", SeedExamples.product());
        assertThat(iphone.status()).as(iphone.toString()).isEqualTo(201);
        assertThat(owner.get("/api/products/products/?search=IPHONE&is_active=true&ordering=-created_at")
                        .at("/count")
                        .asInt())
                .isEqualTo(1);
        long product = owner.post(
                        "/api/products/products/",
                        json(
                                "name",
                                "iPhone 14 Pro (склад)",
                                "cost_price",
                                50000,
                                "sale_price",
                                75000,
                                "tax_rate",
                                12,
                                "unit",
                                "pcs",
                                "initial_quantity",
                                10))
                .at("/id")
                .asLong();
        stockedProduct = product;

        // a bookkeeping partner subscribes to the store's sales (issue 38, part 2; docs/integrations.md)
        WebhookReceiver books = new WebhookReceiver();
        Api.Response subscribed = owner.post(
                "/api/webhooks/subscriptions/",
                json(
                        "url",
                        books.url("/kassa"),
                        "event_types",
                        List.of("SaleCompleted", "SaleRefunded", "SessionClosed")));
        assertThat(subscribed.status()).as(subscribed.toString()).isEqualTo(201);
        String secret = subscribed.text("/secret");

        // 3.1 open shift, current shift
        Api.Response shift = owner.post("/api/sales/sessions/open/", json("opening_balance", 100000));
        assertThat(shift.status()).as(shift.toString()).isEqualTo(201);
        long session = shift.at("/data/id").asLong();
        assertThat(owner.get("/api/sales/sessions/current/").at("/data/id").asLong())
                .isEqualTo(session);

        // 3.2 scan (2 × 75000) and the single-cash checkout example, verbatim
        Api.Response scan = owner.post(
                "/api/sales/sales/scan-item/",
                json("session", session, "product", product, "quantity", 2, "batch", null));
        assertThat(scan.status()).as(scan.toString()).isEqualTo(200);
        assertThat(scan.text("/message")).isEqualTo("Товар добавлен");
        assertThat(scan.text("/data/status")).isEqualTo("pending");
        assertThat(scan.text("/data/total_amount")).isEqualTo("150000.00");
        // the till retries the checkout on a flaky network with the same Idempotency-Key: one payment, same answer
        Api till = owner.header("Idempotency-Key", UUID.randomUUID().toString());
        Map<String, Object> payCash =
                json("payments", List.of(json("payment_method", "cash", "amount", 150000, "received_amount", 200000)));
        Api.Response cash = till.post("/api/sales/sales/" + scan.text("/data/id") + "/checkout/", payCash);
        assertThat(cash.status()).as(cash.toString()).isEqualTo(200);
        assertThat(cash.text("/data/change_amount")).isEqualTo("50000.00");
        Api.Response retried = till.post("/api/sales/sales/" + scan.text("/data/id") + "/checkout/", payCash);
        assertThat(retried.status())
                .as(retried + " headers " + retried.headers())
                .isEqualTo(200);
        assertThat(retried.raw()).isEqualTo(cash.raw());
        assertThat(retried.at("/data/payments").size()).isEqualTo(1);

        // a second sale paid with the split-payment example, verbatim
        Api.Response scan2 = owner.post(
                "/api/sales/sales/scan_item/",
                json("session", session, "product", product, "quantity", 2, "batch", null));
        assertThat(scan2.text("/data/receipt_number")).isNotEqualTo(scan.text("/data/receipt_number"));
        Api.Response split = owner.post(
                "/api/sales/sales/" + scan2.text("/data/id") + "/checkout/",
                json(
                        "payments",
                        List.of(
                                json("payment_method", "cash", "amount", 100000, "received_amount", 100000),
                                json(
                                        "payment_method",
                                        "card",
                                        "amount",
                                        50000,
                                        "card_last4",
                                        "4242",
                                        "transaction_id",
                                        "TXN123456"))));
        assertThat(split.status()).as(split.toString()).isEqualTo(200);

        // 4.1 the sales show up in today's report within seconds; stock left the shelf
        await().atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> {
                    Api.Response today = owner.get("/api/analytics/daily-sales/today/");
                    assertThat(today.text("/total_sales_count")).isEqualTo("2");
                    assertThat(today.text("/total_sales")).isEqualTo("300000.00");
                    assertThat(today.text("/cash_sales")).isEqualTo("250000.00");
                    assertThat(today.text("/card_sales")).isEqualTo("50000.00");
                });
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(
                        owner.get("/api/products/products/" + product + "/").text("/quantity"))
                .isEqualTo("6.000"));

        // scanning beyond the stock is refused with the numbers
        Api.Response tooMany =
                owner.post("/api/sales/sales/scan-item/", json("session", session, "product", product, "quantity", 7));
        assertErrorBody(tooMany, 400, "insufficient_stock");
        assertThat(tooMany.text("/available")).isEqualTo("6.000");

        // 3.2 refund (the owner may): the first sale comes back, stock returns, the report shows net sales
        Api.Response refund = owner.post("/api/sales/sales/" + scan.text("/data/id") + "/refund/", null);
        assertThat(refund.status()).as(refund.toString()).isEqualTo(200);
        assertThat(refund.text("/data/status")).isEqualTo("refunded");
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            assertThat(owner.get("/api/products/products/" + product + "/").text("/quantity"))
                    .isEqualTo("8.000");
            Api.Response net = owner.get("/api/analytics/daily-sales/today/");
            assertThat(net.text("/total_sales")).isEqualTo("150000.00");
            assertThat(net.text("/total_refunds")).isEqualTo("150000.00");
        });

        // issue 10 through the gateway: the product's day, the dashboard, the owner's view of their stores (no tenant
        // key)
        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> assertThat(owner.get("/api/analytics/product-performance/?product=" + product)
                                .text("/results/0/quantity_sold"))
                        .isEqualTo("2.000"));
        Api.Response dashboard = owner.get("/api/analytics/dashboard/");
        assertThat(dashboard.status()).as(dashboard.toString()).isEqualTo(200);
        assertThat(dashboard.text("/today/total_sales")).isEqualTo("150000.00");
        assertThat(dashboard.at("/open_shifts/count").asInt()).isEqualTo(1);
        Api.Response stores = owner.in(null).get("/api/users/stores/multi-store-analytics/?period=today");
        assertThat(stores.status()).as(stores.toString()).isEqualTo(200);
        assertThat(stores.text("/data/by_store/0/tenant_key")).isEqualTo(keyA);
        assertThat(stores.text("/data/aggregated/total_sales")).isEqualTo("150000.00");
        // the live feed streams through the gateway (no time limit on that route)
        HttpResponse<Stream<String>> live = HttpClient.newHttpClient()
                .sendAsync(
                        HttpRequest.newBuilder(URI.create(suite.gatewayUrl() + "/api/analytics/live"))
                                .header("Authorization", "Bearer " + ownerA)
                                .header("X-Tenant-Key", keyA)
                                .build(),
                        HttpResponse.BodyHandlers.ofLines())
                .get(15, TimeUnit.SECONDS);
        assertThat(live.statusCode()).isEqualTo(200);
        assertThat(live.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        try (Stream<String> events = live.body()) {
            assertThat(events.filter(l -> l.startsWith("event:")).findFirst()).contains("event:ready");
        }

        // 3.1 close the shift: 100000 opening + 250000 cash kept − 150000 refunded in cash = 200000 expected
        Api.Response report = owner.get("/api/sales/sessions/" + session + "/report/");
        assertThat(report.text("/expected_cash")).isEqualTo("200000.00");
        Api.Response closed = owner.post("/api/sales/sessions/" + session + "/close/", json("actual_cash", 250000));
        assertThat(closed.status()).as(closed.toString()).isEqualTo(200);
        assertThat(closed.text("/data/cash_difference")).isEqualTo("50000.00");

        // the partner got each of those events once, signed with its secret, whichever instance sent it
        try (books) {
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> books.at("/kassa").size() >= 4);
            Map<String, Long> types = new TreeMap<>();
            for (WebhookReceiver.Received r : books.at("/kassa")) {
                assertThat(r.signedWith(secret)).as(r.body()).isTrue();
                JsonNode event = new ObjectMapper().readTree(r.body());
                assertThat(event.path("store").asText()).isEqualTo(keyA);
                types.merge(event.path("type").asText(), 1L, Long::sum);
                if (event.path("type").asText().equals("SaleCompleted")) {
                    assertThat(event.at("/data/total").asText()).isEqualTo("150000.00");
                }
            }
            assertThat(types).isEqualTo(Map.of("SaleCompleted", 2L, "SaleRefunded", 1L, "SessionClosed", 1L));
            assertThat(owner.get("/api/webhooks/subscriptions/" + subscribed.text("/id") + "/deliveries/")
                            .at("/count")
                            .asInt())
                    .isEqualTo(4);
        }
    }

    @Test
    @Order(4)
    void customersAndTasksFromTheApiDocument() {
        Api owner = gateway.as(ownerA).in(keyA);
        Api.Response customer = owner.post("/api/customers/customers/", SeedExamples.customer());
        assertThat(customer.status()).as(customer.toString()).isEqualTo(201);
        customerId = customer.at("/id").asLong();
        assertThat(owner.get("/api/customers/customers/").at("/count").asInt()).isEqualTo(1);
        // assigned to the owner's own employee id in store A, at once: the services learn the store's employees from
        // auth's
        // events and read through to auth for one they have not heard of yet
        long ownerEmployee =
                owner.get("/api/users/auth/me/").at("/data/employee/id").asLong();
        Api.Response task = owner.post(
                "/api/tasks/tasks/",
                SeedExamples.task(
                        ownerEmployee,
                        OffsetDateTime.now().plusDays(2).withNano(0).toString()));
        assertThat(task.status()).as(task.toString()).isEqualTo(201);
        long taskId = task.at("/id").asLong();
        assertThat(owner.post("/api/tasks/tasks/" + taskId + "/start/", null).text("/status"))
                .isEqualTo("in_progress");
        assertThat(owner.get("/api/tasks/tasks/").at("/count").asInt()).isEqualTo(1);
        // the original web client's task page: /api/tasks/ and /api/tasks//{id}/… (its TASKS_URL is "/tasks/")
        assertThat(owner.get("/api/tasks/").at("/count").asInt()).isEqualTo(1);
        assertThat(owner.get("/api/tasks//" + taskId + "/").text("/title")).isEqualTo("Проверить остатки товара");
        assertThat(owner.post("/api/tasks//" + taskId + "/add_comment/", json("text", "Склад 2 посчитан"))
                        .status())
                .isEqualTo(201);
        assertThat(owner.get("/api/tasks//" + taskId + "/comments/")
                        .at("/0/text")
                        .asText())
                .isEqualTo("Склад 2 посчитан");
        assertThat(owner.get("/api/tasks//my_tasks/").status()).isEqualTo(200);
        assertErrorBody(owner.get("/api/products//" + taskId + "/"), 400, "invalid_path");
        // the report with its photo proof, through the gateway; the photo comes back from the gateway's address
        Api.Response report = owner.multipart(
                "POST",
                "/api/tasks/reports/",
                new Api.Form()
                        .field("task", taskId)
                        .field("description", "Остатки сверены")
                        .field("actual_hours", "2")
                        .file("photos", "sklad.png", "image/png", Api.Images.png())
                        .field("photo_captions", "Склад, стеллаж 1"));
        assertThat(report.status()).as(report.toString()).isEqualTo(201);
        assertThat(report.text("/photos/0/photo_url")).startsWith(suite.gatewayUrl() + "/api/tasks/files/");
        Api.Response photo = owner.get(report.text("/photos/0/photo"));
        assertThat(photo.header("Content-Type")).isEqualTo("image/png");
        assertThat(photo.bytes()).isEqualTo(Api.Images.png());
        assertThat(owner.post("/api/tasks/tasks/" + taskId + "/approve/", null).text("/status"))
                .isEqualTo("completed");
        // a product shows its image
        Api.Response image = owner.multipart(
                "POST",
                "/api/products/products/" + stockedProduct + "/add_image/",
                new Api.Form()
                        .file("image", "cola.png", "image/png", Api.Images.png())
                        .field("alt_text", "Кола"));
        assertThat(image.status()).as(image.toString()).isEqualTo(201);
        assertThat(owner.get("/api/products/products/" + stockedProduct + "/").text("/main_image"))
                .isEqualTo(image.text("/image_url"))
                .startsWith(suite.gatewayUrl() + "/api/products/files/");
        assertThat(owner.get(image.text("/image")).bytes()).isEqualTo(Api.Images.png());
        // store B sees none of store A's data
        Api storeB = gateway.as(ownerB).in(keyB);
        assertThat(storeB.get("/api/products/products/").at("/count").asInt()).isZero();
        assertThat(storeB.get("/api/customers/customers/").at("/count").asInt()).isZero();
        assertThat(storeB.get("/api/tasks/tasks/").at("/count").asInt()).isZero();
        assertThat(storeB.get(report.text("/photos/0/photo")).status()).isEqualTo(404);
        assertThat(storeB.get(image.text("/image")).status()).isEqualTo(404);
    }

    @Test
    @Order(5)
    void aCashierCreatedByTheOwnerSellsButCannotDoWhatRolesForbid() {
        String username = "cashier1_" + UUID.randomUUID().toString().substring(0, 6);
        Api.Response created = gateway.as(ownerA)
                .in(keyA)
                .post(
                        "/api/users/employees/",
                        json(
                                "username",
                                username,
                                "password",
                                "SecurePass123",
                                "first_name",
                                "Петр",
                                "last_name",
                                "Петров",
                                "email",
                                "petr@example.com",
                                "role",
                                "cashier",
                                "phone",
                                "+998901234567",
                                "position",
                                "Кассир"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        // the owner gives the new cashier a task at once, before auth's event has reached the task service
        Api.Response firstTask = gateway.as(ownerA)
                .in(keyA)
                .post(
                        "/api/tasks/tasks/",
                        json(
                                "title",
                                "Выставить ценники",
                                "priority",
                                "medium",
                                "assigned_to",
                                created.at("/data/employee/id").asLong(),
                                "due_date",
                                OffsetDateTime.now().plusDays(1).withNano(0).toString()));
        assertThat(firstTask.status()).as(firstTask.toString()).isEqualTo(201);
        assertThat(firstTask.text("/assigned_to_name")).isEqualTo("Петр Петров");
        String token = gateway.post("/api/users/auth/login/", json("username", username, "password", "SecurePass123"))
                .text("/access");
        Api cashier = gateway.as(token).in(keyA);
        long session = cashier.post("/api/sales/sessions/open/", json("opening_balance", 0))
                .at("/data/id")
                .asLong();
        // the cashier sells to the customer created earlier: the purchase reaches the customer's history
        long sale = cashier.post(
                        "/api/sales/sales/scan-item/",
                        json("session", session, "product", stockedProduct, "quantity", 1))
                .at("/data/id")
                .asLong();
        Api.Response sold = cashier.post(
                "/api/sales/sales/" + sale + "/checkout/",
                json(
                        "customer_id",
                        customerId,
                        "payments",
                        List.of(json("payment_method", "card", "amount", 75000, "card_last4", "4242"))));
        assertThat(sold.status()).as(sold.toString()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            Api.Response history =
                    gateway.as(ownerA).in(keyA).get("/api/customers/customers/" + customerId + "/purchase-history/");
            assertThat(history.at("/count").asInt()).isEqualTo(1);
            assertThat(history.text("/results/0/total")).isEqualTo("75000.00");
        });
        assertThat(cashier.get("/api/products/products/").status()).isEqualTo(200);
        // an offline till's delta sync through the gateway: every product first, then 304 while nothing changes
        await().atMost(Duration.ofSeconds(30))
                .until(() -> cashier.get("/api/products/sync/products/")
                                .at("/products")
                                .size()
                        >= cashier.get("/api/products/products/").at("/count").asInt());
        // once the till has caught up, a poll with its cursor as If-None-Match transfers nothing (products, customers)
        for (String feed : List.of("/api/products/sync/products/", "/api/customers/sync/customers/")) {
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                String cursor = cashier.get(feed).text("/next_cursor");
                return cashier.header("If-None-Match", "\"" + cursor + "\"")
                                .get(feed + "?cursor=" + cursor)
                                .status()
                        == 304;
            });
        }
        assertThat(cashier.get("/api/customers/sync/customers/")
                        .at("/customers")
                        .size())
                .as("the store's customers reach the till")
                .isPositive();
        assertErrorBody(cashier.get("/api/products/sync/products/?cursor=nope"), 400, "invalid");
        assertErrorBody(
                cashier.post("/api/products/products/", json("name", "x", "sale_price", 1)), 403, "permission_denied");
        assertErrorBody(cashier.post("/api/sales/sales/1/refund/", null), 403, "permission_denied");
        assertErrorBody(cashier.get("/api/analytics/daily-sales/today/"), 403, "permission_denied");
        assertErrorBody(cashier.get("/api/analytics/dashboard/"), 403, "permission_denied");
        assertErrorBody(cashier.get("/api/users/employees/"), 403, "permission_denied");
        assertErrorBody(cashier.in(keyB).get("/api/products/products/"), 403, "not_a_member");

        // the shared till: the owner gives the cashier a PIN; PIN login opens this store only
        Api owner = gateway.as(ownerA).in(keyA);
        long employeeId = created.at("/data/employee/id").asLong();
        assertThat(owner.post("/api/users/employees/" + employeeId + "/set-pin/", json("pin", "4821"))
                        .status())
                .isEqualTo(200);
        Api.Response pin = gateway.post("/api/users/auth/pin-login/", json("tenant_key", keyA, "pin", "4821"));
        assertThat(pin.status()).as(pin.toString()).isEqualTo(200);
        Api till = gateway.as(pin.text("/access")).in(keyA);
        assertThat(till.get("/api/sales/sessions/current/").at("/data/id").asLong())
                .isEqualTo(session);

        // the owner removes the cashier: every service refuses the cashier's tokens within seconds
        assertThat(owner.delete("/api/users/employees/" + employeeId + "/").status())
                .isEqualTo(204);
        await().atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> {
                    assertErrorBody(cashier.get("/api/products/products/"), 401, "token_revoked");
                    assertErrorBody(till.get("/api/sales/sessions/current/"), 401, "token_revoked");
                });
        assertThat(gateway.post("/api/users/auth/login/", json("username", username, "password", "SecurePass123"))
                        .status())
                .isEqualTo(400);
    }

    @Test
    @Order(6)
    void concurrentTillsNeverOversellAndOfflineUploadsAreRecordedOnce() throws Exception {
        Api owner = gateway.as(ownerA).in(keyA);
        long lastUnits = owner.post(
                        "/api/products/products/",
                        json(
                                "name",
                                "Последние 5",
                                "cost_price",
                                5000,
                                "sale_price",
                                10000,
                                "unit",
                                "pcs",
                                "initial_quantity",
                                5))
                .at("/id")
                .asLong();
        List<Api> tills = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String username = "till" + i + "_" + UUID.randomUUID().toString().substring(0, 6);
            assertThat(owner.post(
                                    "/api/users/employees/",
                                    json(
                                            "username",
                                            username,
                                            "password",
                                            "SecurePass123",
                                            "first_name",
                                            "Касса",
                                            "last_name",
                                            String.valueOf(i),
                                            "role",
                                            "cashier"))
                            .status())
                    .isEqualTo(201);
            Api till = gateway.as(gateway.post(
                                    "/api/users/auth/login/", json("username", username, "password", "SecurePass123"))
                            .text("/access"))
                    .in(keyA);
            till.post("/api/sales/sessions/open/", json("opening_balance", 0));
            tills.add(till);
        }
        // four tills scan the last five units at once, each trying twice
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<Api.Response>>> results = new ArrayList<>();
        for (Api till : tills) {
            long session =
                    till.get("/api/sales/sessions/current/").at("/data/id").asLong();
            results.add(pool.submit(() -> {
                start.await();
                return List.of(
                        till.post("/api/sales/sales/scan-item/", json("session", session, "product", lastUnits)),
                        till.post("/api/sales/sales/scan-item/", json("session", session, "product", lastUnits)));
            }));
        }
        start.countDown();
        int sold = 0;
        int refused = 0;
        for (var result : results) {
            for (Api.Response r : result.get(60, TimeUnit.SECONDS)) {
                if (r.status() == 200) {
                    sold++;
                } else {
                    assertErrorBody(r, 400, "insufficient_stock");
                    refused++;
                }
            }
        }
        pool.shutdown();
        assertThat(sold).as("exactly the units on the shelf are sold").isEqualTo(5);
        assertThat(refused).isEqualTo(3);
        for (Api till : tills) {
            long session =
                    till.get("/api/sales/sessions/current/").at("/data/id").asLong();
            Api.Response draft = till.get("/api/sales/sales/current/?session=" + session);
            if (!draft.at("/data").isNull()) {
                Api.Response paid = till.post(
                        "/api/sales/sales/" + draft.text("/data/id") + "/checkout/",
                        json(
                                "payments",
                                List.of(json("payment_method", "cash", "amount", draft.text("/data/total_amount")))));
                assertThat(paid.status()).as(paid.toString()).isEqualTo(200);
            }
        }
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(
                        owner.get("/api/products/products/" + lastUnits + "/").text("/quantity"))
                .isEqualTo("0.000"));

        // a stockkeeper restocks the sold-out product from a supplier and sees its whole history
        String keeperName = "keeper_" + UUID.randomUUID().toString().substring(0, 6);
        owner.post(
                "/api/users/employees/",
                json(
                        "username",
                        keeperName,
                        "password",
                        "SecurePass123",
                        "first_name",
                        "Склад",
                        "role",
                        "stockkeeper"));
        Api keeper = gateway.as(gateway.post(
                                "/api/users/auth/login/", json("username", keeperName, "password", "SecurePass123"))
                        .text("/access"))
                .in(keyA);
        long supplier = keeper.post("/api/products/suppliers/", json("name", "ООО Поставщик", "code", "SUP-1"))
                .at("/id")
                .asLong();
        Api.Response received = keeper.post(
                "/api/products/batches/",
                json(
                        "product",
                        lastUnits,
                        "quantity",
                        12,
                        "purchase_price",
                        5000,
                        "supplier",
                        supplier,
                        "expiry_date",
                        LocalDate.now().plusMonths(6).toString()));
        assertThat(received.status()).as(received.toString()).isEqualTo(201);
        assertThat(keeper.post(
                                "/api/products/products/" + lastUnits + "/adjust-stock/",
                                json("quantity_change", -2, "reason", "damage"))
                        .text("/quantity"))
                .isEqualTo("10.000");
        Api.Response history = keeper.get("/api/products/products/" + lastUnits + "/movements/");
        assertThat(history.at("/results").findValuesAsText("reason")).contains("receipt", "sale", "damage");
        assertErrorBody(keeper.post("/api/sales/sessions/open/", json("opening_balance", 0)), 403, "permission_denied");
        assertThat(keeper.get("/api/products/").text("/products")).isEqualTo("/api/products/products/");

        // a till scans the product's barcode (as the scanner reads it) instead of naming the product
        Api scanner = tills.get(1);
        long scannerSession =
                scanner.get("/api/sales/sessions/current/").at("/data/id").asLong();
        Api.Response stocked = owner.get("/api/products/products/" + stockedProduct + "/");
        String code = stocked.text("/barcode");
        BigDecimal onShelf = new BigDecimal(stocked.text("/quantity"));
        Api.Response byCode =
                scanner.post("/api/sales/sales/scan-item/", json("session", scannerSession, "barcode", code));
        assertThat(byCode.status()).as(byCode.toString()).isEqualTo(200);
        assertThat(byCode.at("/data/items/0/product").asLong()).isEqualTo(stockedProduct);
        assertThat(scanner.post(
                                "/api/sales/sales/" + byCode.text("/data/id") + "/checkout/",
                                json(
                                        "payments",
                                        List.of(json(
                                                "payment_method",
                                                "card",
                                                "amount",
                                                byCode.text("/data/total_amount")))))
                        .status())
                .isEqualTo(200);
        assertErrorBody(
                scanner.post(
                        "/api/sales/sales/scan-item/", json("session", scannerSession, "barcode", "0000000000000")),
                404,
                "product_not_found");
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(
                        new BigDecimal(owner.get("/api/products/products/" + stockedProduct + "/")
                                .text("/quantity")))
                .isEqualByComparingTo(onShelf.subtract(BigDecimal.ONE)));

        // an offline till uploads a sale with a discount twice: one sale, stock taken once
        Api till = tills.get(0);
        long session = till.get("/api/sales/sessions/current/").at("/data/id").asLong();
        String before =
                owner.get("/api/products/products/" + stockedProduct + "/").text("/quantity");
        Map<String, Object> offline = json(
                "client_id",
                UUID.randomUUID().toString(),
                "session",
                session,
                "sold_at",
                Instant.now().minusSeconds(60).toString(),
                "discount_percent",
                5,
                "items",
                List.of(json("product", stockedProduct, "quantity", 1, "unit_price", 75000)),
                "payments",
                List.of(json("payment_method", "cash", "amount", 71250)));
        Api.Response uploaded = till.post("/api/sales/sales/", offline);
        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
        assertThat(uploaded.text("/data/total_amount")).isEqualTo("71250.00");
        Api.Response again = till.post("/api/sales/sales/", offline);
        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        assertThat(again.text("/data/id")).isEqualTo(uploaded.text("/data/id"));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(
                        new BigDecimal(owner.get("/api/products/products/" + stockedProduct + "/")
                                .text("/quantity")))
                .isEqualByComparingTo(new BigDecimal(before).subtract(BigDecimal.ONE)));
        Api.Response receipt = till.get("/api/sales/sales/" + uploaded.text("/data/id") + "/receipt/");
        assertThat(receipt.text("/receipt/store_name")).isNotBlank();
        // printed through the gateway, its QR code's link is the gateway's own address, which anyone opens without a
        // token
        Api.Response printed = till.get("/api/sales/sales/" + uploaded.text("/data/id") + "/receipt/?format=html");
        assertThat(printed.status()).as(printed.toString()).isEqualTo(200);
        String link = till.post("/api/sales/sales/" + uploaded.text("/data/id") + "/receipt-link/", json())
                .text("/url");
        assertThat(link).startsWith(suite.gatewayUrl() + "/r/");
        assertThat(printed.raw()).contains("href=\"" + link + "\"");
        Api.Response page = new Api(suite.gatewayUrl())
                .get(link.substring(suite.gatewayUrl().length()));
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        assertThat(page.raw()).contains(uploaded.text("/data/receipt_number"));

        // an offline till uploads what it sold while away: 12 of the 10 on the shelf at yesterday's price, 20000 of it
        // on
        // credit for a customer who may owe 10000, and a sale of a product that is gone; the first is recorded as it
        // happened with what Kassa decided, the second refused on its own
        long debtor = owner.post(
                        "/api/customers/customers/",
                        json(
                                "first_name",
                                "Офлайн",
                                "phone",
                                "+99890" + (1000000 + new Random().nextInt(8999999)),
                                "credit_limit",
                                10000))
                .at("/id")
                .asLong();
        String kept = UUID.randomUUID().toString();
        // credit beyond a buyer's limit is recorded for a sale made offline only as far as the owner allows
        assertThat(owner.patch("/api/customers/settings/", json("offline_credit_over_limit", 10000))
                        .text("/offline_credit_over_limit"))
                .isEqualTo("10000.00");
        Map<String, Object> batch = json(
                "sales",
                List.of(
                        json(
                                "client_id",
                                kept,
                                "session",
                                session,
                                "sold_at",
                                Instant.now().minusSeconds(120).toString(),
                                "customer_id",
                                debtor,
                                "items",
                                List.of(json("product", lastUnits, "quantity", 12, "unit_price", 9000)),
                                "payments",
                                List.of(
                                        json("payment_method", "cash", "amount", 88000),
                                        json("payment_method", "credit", "amount", 20000))),
                        json(
                                "client_id",
                                UUID.randomUUID().toString(),
                                "session",
                                session,
                                "items",
                                List.of(json("product", 987654321)),
                                "payments",
                                List.of(json("payment_method", "cash", "amount", 1000)))));
        Api.Response report = till.post("/api/sales/sales/upload/", batch);
        assertThat(report.status()).as(report.toString()).isEqualTo(200);
        assertThat(report.at("/data/results").findValuesAsText("outcome")).containsExactly("recorded", "refused");
        assertThat(report.at("/data/results/0/sale/decisions").findValuesAsText("code"))
                .containsExactly("price_changed", "stock_short", "credit_over_limit");
        assertThat(report.text("/data/results/0/sale/decisions/1/shortfall")).isEqualTo("2.000");
        assertThat(report.text("/data/results/0/sale/decisions/2/over_limit")).isEqualTo("10000.00");
        assertThat(report.text("/data/results/0/sale/total_amount")).isEqualTo("108000.00");
        assertThat(report.text("/data/results/1/error/code")).isEqualTo("product_not_found");
        // the shelf is empty, not below it; the whole debt is the customer's
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(
                        owner.get("/api/products/products/" + lastUnits + "/").text("/quantity"))
                .isEqualTo("0.000"));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(
                        owner.get("/api/customers/customers/" + debtor + "/").text("/balance"))
                .isEqualTo("-20000.00"));
        assertThat(till.post("/api/sales/sales/upload/", batch)
                        .at("/data/results")
                        .findValuesAsText("outcome"))
                .as("sent again, nothing twice")
                .containsExactly("already_recorded", "refused");
        // the till's poll of the loyalty rules through the gateway: 304 while they are unchanged
        Api.Response rules = till.get("/api/customers/settings/");
        assertThat(rules.header("ETag")).as(rules.toString()).isNotBlank();
        assertThat(till.header("If-None-Match", rules.header("ETag"))
                        .get("/api/customers/settings/")
                        .status())
                .isEqualTo(304);
    }

    @Test
    @Order(7)
    void refusalsComeInTheErrorBody() {
        for (String path : List.of(
                "/api/products/products/",
                "/api/sales/sessions/current/",
                "/api/analytics/daily-sales/today/",
                "/api/customers/customers/",
                "/api/tasks/tasks/",
                "/api/users/auth/me/")) {
            assertErrorBody(gateway.as(ownerB).in(keyA).get(path), 403, "not_a_member");
            assertErrorBody(gateway.in(keyA).get(path), 401, "not_authenticated");
            assertErrorBody(gateway.as(ownerA).get(path), 400, "missing_tenant_key");
        }
        assertErrorBody(
                gateway.as(ownerA).in(keyA).post("/api/products/products/", "{\"name\": \"broken"), 400, "parse_error");
        assertErrorBody(gateway.post("/api/users/auth/register/", "{oops"), 400, "parse_error");
        assertErrorBody(gateway.as(ownerA).in(keyA).get("/api/nowhere/"), 404, "not_found");
        assertErrorBody(
                gateway.post("/api/users/auth/login/", json("username", usernameA, "password", "wrong")),
                401,
                "authentication_failed");
        assertThat(gateway.english().in(keyA).get("/api/products/products/").text("/message"))
                .isEqualTo("Authentication credentials were not provided.");
    }

    @Test
    @Order(7)
    void theSuitesInsidesTrustOnlyTheSuite() {
        // paging links lead back through the gateway, never to a service's own port
        Api.Response categories = gateway.as(ownerA).in(keyA).get("/api/products/categories/?page_size=5");
        assertThat(categories.text("/next"))
                .startsWith(suite.gatewayUrl() + "/api/products/categories")
                .contains("page=2");
        // nobody registers an instance in the registry without its credentials
        Api.Response rogue = new Api("http://127.0.0.1:28761")
                .header("Accept", "application/json")
                .post(
                        "/eureka/apps/CATALOG-SERVICE",
                        "{\"instance\":{\"instanceId\":\"rogue\",\"hostName\":\"10.9.9.9\",\"app\":\"CATALOG-SERVICE\",\"ipAddr\":\"10.9.9.9\","
                                + "\"status\":\"UP\",\"dataCenterInfo\":{\"@class\":\"com.netflix.appinfo.InstanceInfo$DefaultDataCenterInfo\",\"name\":\"MyOwn\"}}}");
        assertThat(rogue.status()).as(rogue.toString()).isEqualTo(401);
        // a cashier's own token cannot hold stock by calling catalog's internal API on its port
        Api.Response hold = new Api("http://127.0.0.1:28082")
                .as(ownerA)
                .in(keyA)
                .post(
                        "/internal/reservations",
                        json("request_ref", UUID.randomUUID().toString(), "product_id", stockedProduct, "quantity", 1));
        assertErrorBody(hold, 403, "internal_only");
    }

    /**
     * The original ERP v2 web client's journey (issue 13), as its axios calls reach the gateway from a browser origin: every
     * answer carries CORS headers (the 401 included, so the client sees it and refreshes), the register answer selects the
     * store, the shift opens with {@code {}}, the drawer's expected cash is live, a PIN-only employee is the selected cashier.
     */
    @Test
    @Order(7)
    void theOriginalWebClientsJourneyWorksFromABrowserOrigin() {
        String origin = "http://localhost:5173";
        Api browser = gateway.header("Origin", origin);
        Api.Response preflight = browser.header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type,x-tenant-key")
                .send("OPTIONS", "/api/sales/cashier-sessions/open/", null);
        assertThat(preflight.status()).as(preflight.toString()).isBetween(200, 204);
        assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo(origin);

        String username = "web_owner_" + UUID.randomUUID().toString().substring(0, 6);
        Api.Response registered = browser.post(
                "/api/users/auth/register/",
                json(
                        "username",
                        username,
                        "password",
                        "SecurePass123!",
                        "password_confirm",
                        "SecurePass123!",
                        "first_name",
                        "Дилшод",
                        "store_name",
                        "Веб Касса",
                        "phone",
                        "+998901112233"));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        assertThat(registered.header("Access-Control-Allow-Origin")).isEqualTo(origin);
        String key = registered.text("/data/default_store/tenant_key");
        assertThat(registered.text("/data/available_stores/0/tenant_key")).isEqualTo(key);

        // the token the client holds has gone stale: the 401 reaches the page with CORS headers, and the refresh works
        Api.Response stale =
                browser.as("eyJhbGciOiJSUzI1NiJ9.stale.token").in(key).get("/api/sales/cashier-sessions/current/");
        assertErrorBody(stale, 401, "token_not_valid");
        assertThat(stale.header("Access-Control-Allow-Origin")).isEqualTo(origin);
        Api.Response refreshed = browser.post(
                "/api/users/auth/token/refresh/", json("refresh", registered.text("/data/tokens/refresh")));
        assertThat(refreshed.status()).as(refreshed.toString()).isEqualTo(200);
        Api owner = browser.as(refreshed.text("/access")).in(key);

        String barcode = "47800" + (100000 + new Random().nextInt(899999));
        Api.Response product = owner.post(
                "/api/products/products/",
                json(
                        "name",
                        "Чай зелёный",
                        "barcode",
                        barcode,
                        "cost_price",
                        8000,
                        "sale_price",
                        12000,
                        "unit",
                        "pcs",
                        "initial_quantity",
                        20));
        assertThat(product.status()).as(product.toString()).isEqualTo(201);
        long productId = product.at("/id").asLong();
        Api.Response cashier = owner.post(
                "/api/users/employees/",
                json("first_name", "Малика", "last_name", "Юсупова", "role", "cashier", "pin", "7315"));
        assertThat(cashier.status()).as(cashier.toString()).isEqualTo(201);
        assertThat(cashier.text("/data/sign_in")).isEqualTo("pin");
        long cashierEmployee = cashier.at("/data/employee/id").asLong();
        assertThat(cashierEmployee).isPositive();
        long customer = owner.post(
                        "/api/customers/customers/",
                        json("first_name", "Азиз", "last_name", "Каримов", "phone", "+998935556677"))
                .at("/id")
                .asLong();
        assertThat(customer).isPositive();

        Api.Response opened = owner.post("/api/sales/cashier-sessions/open/", json());
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        long session = opened.at("/data/id").asLong();
        assertThat(owner.get("/api/sales/cashier-sessions/current/").text("/data/expected_cash"))
                .isEqualTo("0.00");

        Api.Response found = owner.post("/api/products/warehouse-scan/scan/", json("barcode", barcode));
        assertThat(found.status()).as(found.toString()).isEqualTo(200);
        assertThat(found.at("/data/id").asLong()).isEqualTo(productId);
        Api.Response scanned = owner.post(
                "/api/sales/sales/scan-item/", json("session", session, "product", productId, "quantity", 2));
        assertThat(scanned.status()).as(scanned.toString()).isEqualTo(200);
        long sale = scanned.at("/data/id").asLong();
        // the employee created a moment ago sells at once (sales reads through to auth until its event arrives)
        Api.Response sold = owner.post(
                "/api/sales/sales/" + sale + "/checkout/",
                json(
                        "payments",
                        List.of(json("payment_method", "cash", "amount", 24000, "received_amount", 30000)),
                        "customer_id",
                        customer,
                        "cashier_id",
                        cashierEmployee));
        assertThat(sold.status()).as(sold.toString()).isEqualTo(200);
        assertThat(sold.text("/data/cashier_name")).isEqualTo("Малика Юсупова");
        assertThat(sold.text("/data/change_amount")).isEqualTo("6000.00");
        assertThat(owner.get("/api/sales/cashier-sessions/current/").text("/data/expected_cash"))
                .isEqualTo("24000.00");

        // nasiya: the regular may owe 20000; 12000 on credit becomes debt, the next 12000 is refused with what is left
        assertThat(owner.patch("/api/customers/customers/" + customer + "/", json("credit_limit", 20000))
                        .status())
                .isEqualTo(200);
        long onCredit = owner.post(
                        "/api/sales/sales/scan-item/", json("session", session, "product", productId, "quantity", 1))
                .at("/data/id")
                .asLong();
        Api.Response credit = owner.post(
                "/api/sales/sales/" + onCredit + "/checkout/",
                json("payments", List.of(json("payment_method", "credit", "amount", 12000)), "customer_id", customer));
        assertThat(credit.status()).as(credit.toString()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(
                        owner.get("/api/customers/customers/" + customer + "/").text("/balance"))
                .isEqualTo("-12000.00"));
        long tooMuch = owner.post(
                        "/api/sales/sales/scan-item/", json("session", session, "product", productId, "quantity", 1))
                .at("/data/id")
                .asLong();
        Api.Response refused = owner.post(
                "/api/sales/sales/" + tooMuch + "/checkout/",
                json("payments", List.of(json("payment_method", "credit", "amount", 12000)), "customer_id", customer));
        assertErrorBody(refused, 400, "credit_limit_exceeded");
        assertThat(refused.text("/available")).isEqualTo("8000.00");
        assertThat(owner.post("/api/sales/sales/" + tooMuch + "/cancel/", null).status())
                .isEqualTo(200);
        assertThat(owner.get("/api/customers/customers/debtors/")
                        .at("/results/0/id")
                        .asLong())
                .isEqualTo(customer);
        assertThat(owner.get("/api/sales/cashier-sessions/current/").text("/data/expected_cash"))
                .as("credit is not cash")
                .isEqualTo("24000.00");

        // part of the debt paid in cash at this till: the ledger shows it, and the drawer holds it
        Api.Response paid = owner.post(
                "/api/customers/customers/" + customer + "/add-payment/",
                json("amount", 5000, "payment_method", "cash"));
        assertThat(paid.status()).as(paid.toString()).isEqualTo(200);
        assertThat(paid.text("/balance_before")).isEqualTo("-12000.00");
        assertThat(paid.text("/balance_after")).isEqualTo("-7000.00");
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(
                        owner.get("/api/sales/cashier-sessions/current/").text("/data/expected_cash"))
                .isEqualTo("29000.00"));
        // points: one per full 100 of the 36000 bought; 300 of them pay part of the next sale, whose refund undoes it
        // all
        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> assertThat(owner.get("/api/customers/customers/" + customer + "/")
                                .at("/loyalty_points")
                                .asInt())
                        .isEqualTo(360));
        long withPoints = owner.post(
                        "/api/sales/sales/scan-item/", json("session", session, "product", productId, "quantity", 1))
                .at("/data/id")
                .asLong();
        Api.Response bonus = owner.post(
                "/api/sales/sales/" + withPoints + "/checkout/",
                json(
                        "payments",
                        List.of(
                                json("payment_method", "bonus", "amount", 300),
                                json("payment_method", "cash", "amount", 11700)),
                        "customer_id",
                        customer));
        assertThat(bonus.status()).as(bonus.toString()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> assertThat(owner.get("/api/customers/customers/" + customer + "/")
                                .at("/loyalty_points")
                                .asInt())
                        .isEqualTo(360 - 300 + 117));
        Api.Response returned = owner.post("/api/sales/sales/" + withPoints + "/refund/", json("reason", "не подошёл"));
        assertThat(returned.status()).as(returned.toString()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> assertThat(owner.get("/api/customers/customers/" + customer + "/")
                                .at("/loyalty_points")
                                .asInt())
                        .isEqualTo(360));
        assertThat(owner.get("/api/sales/cashier-sessions/current/").text("/data/expected_cash"))
                .as("only the cash part left the drawer")
                .isEqualTo("29000.00");
        Api.Response steps = owner.get("/api/customers/transactions/?customer=" + customer + "&page_size=50");
        assertThat(steps.at("/results").findValuesAsText("transaction_type"))
                .as(steps.toString())
                .contains("charge", "payment", "bonus_accrual", "bonus_redemption", "bonus_return", "bonus_reversal");

        Api.Response closed =
                owner.post("/api/sales/cashier-sessions/" + session + "/close/", json("actual_cash", 29000));
        assertThat(closed.status()).as(closed.toString()).isEqualTo(200);
        assertThat(closed.header("Access-Control-Allow-Origin")).isEqualTo(origin);
        assertThat(owner.get("/api/sales/cashier-sessions/" + session + "/report/")
                        .text("/expected_cash"))
                .isEqualTo("29000.00");
        Api.Response history = owner.get("/api/sales/sales/?session=" + session + "&status=completed");
        assertThat(history.at("/count").asInt()).as(history.toString()).isEqualTo(2);
        assertThat(owner.get("/api/sales/cashier-sessions/").at("/count").asInt())
                .isEqualTo(1);
        Api.Response stats = owner.get("/api/sales/cashier-sessions/cashier-stats/");
        assertThat(stats.status()).as(stats.toString()).isEqualTo(200);
        assertThat(stats.raw()).contains("Малика");
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(
                        owner.get("/api/analytics/daily-sales/today/").text("/credit_sales"))
                .isEqualTo("12000.00"));
    }

    @Test
    @Order(8)
    void aPartnersGeneratedClientMakesTheReadmesFirstSaleAndGetsItsSignedWebhook() throws Exception {
        // the client openapi-generator made from docs/openapi (infra's pom), strict about fields the documents do not
        // declare
        PartnerClient partner = new PartnerClient(suite.gatewayUrl());
        String username = "client_owner_" + UUID.randomUUID().toString().substring(0, 6);
        var registered = new dev.kassa.client.auth.api.RegistrationApi(partner.auth())
                .registerRegistration(new dev.kassa.client.auth.model.RegisterRequest()
                        .firstName("Иван")
                        .ownerPhone("+998901234567")
                        .username(username)
                        .password("SecurePass123!")
                        .passwordConfirm("SecurePass123!")
                        .storeName("Супермаркет Азия")
                        .storeAddress("ул. Навои, д. 45")
                        .storePhone("+998712345678"));
        assertThat(registered.getStatus()).isEqualTo("success");
        var login = new dev.kassa.client.auth.api.SessionApi(partner.auth())
                .loginSession(new dev.kassa.client.auth.model.LoginRequest()
                        .username(username)
                        .password("SecurePass123!"));
        String store = login.getDefaultStore().getTenantKey();
        partner.signIn(login.getAccess(), store);

        // the partner subscribes to completed sales, then the README's first sale: a product, a shift, two bottles
        // scanned,
        // paid in cash and by card
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            var webhooks = new dev.kassa.client.analytics.api.WebhookApi(partner.analytics());
            var subscription = webhooks.createWebhook(new dev.kassa.client.analytics.model.SubscriptionRequest()
                    .url(receiver.url("/client"))
                    .eventTypes(List.of("SaleCompleted")));
            var products = new dev.kassa.client.catalog.api.ProductApi(partner.catalog());
            var product = products.createProduct(new dev.kassa.client.catalog.model.CreateProductRequest()
                    .name("Coca-Cola 1.5L")
                    .costPrice(new BigDecimal("8000"))
                    .salePrice(new BigDecimal("12000"))
                    .unit("pcs")
                    .initialQuantity(new BigDecimal("100")));
            var shift = new dev.kassa.client.sales.api.ShiftApi(partner.sales())
                    .openShift(new dev.kassa.client.sales.model.OpenRequest().openingBalance(new BigDecimal("100000")))
                    .getData();
            var till = new dev.kassa.client.sales.api.TillApi(partner.sales());
            var draft = till.scanTill(new dev.kassa.client.sales.model.ScanRequest()
                            .session(shift.getId())
                            .product(product.getId())
                            .quantity(new BigDecimal("2")))
                    .getData();
            var sale = till.checkoutTill(
                            draft.getId(),
                            new dev.kassa.client.sales.model.CheckoutRequest()
                                    .payments(List.of(
                                            new dev.kassa.client.sales.model.PaymentRequest()
                                                    .paymentMethod("cash")
                                                    .amount(new BigDecimal("14000"))
                                                    .receivedAmount(new BigDecimal("20000")),
                                            new dev.kassa.client.sales.model.PaymentRequest()
                                                    .paymentMethod("card")
                                                    .amount(new BigDecimal("10000"))
                                                    .cardLast4("4242")
                                                    .transactionId("TXN123456"))))
                    .getData();
            assertThat(sale.getStatus()).isEqualTo("completed");
            assertThat(sale.getTotalAmount()).isEqualByComparingTo("24000");
            assertThat(sale.getChangeAmount()).isEqualByComparingTo("6000");

            // within seconds: today's report has it, the stock is 98, and the partner got it signed
            var reports = new dev.kassa.client.analytics.api.DailySalesApi(partner.analytics());
            await().atMost(Duration.ofSeconds(20))
                    .untilAsserted(() -> assertThat(reports.todayDailySales().getTotalSales())
                            .isEqualByComparingTo("24000"));
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                            products.getProduct(product.getId()).getQuantity())
                    .isEqualByComparingTo("98"));
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> !receiver.at("/client").isEmpty());
            WebhookReceiver.Received delivered = receiver.at("/client").get(0);
            assertThat(delivered.signedWith(subscription.getSecret())).isTrue();
            assertThat(new ObjectMapper()
                            .readTree(delivered.body())
                            .at("/data/receipt_number")
                            .asText())
                    .isEqualTo(sale.getReceiptNumber());
            var log = webhooks.deliveriesWebhook(subscription.getId(), null, null);
            assertThat(log.getCount()).isEqualTo(1);
            assertThat(log.getResults().get(0).getLastStatusCode()).isEqualTo(200);
        }

        // a refusal reaches the client as its exception with the one error body
        var refused = catchThrowableOfType(
                () -> new dev.kassa.client.sales.api.TillApi(partner.sales())
                        .scanTill(new dev.kassa.client.sales.model.ScanRequest()
                                .session(987654321L)
                                .product(1L)),
                dev.kassa.client.sales.ApiException.class);
        assertThat(refused).isNotNull();
        assertThat(refused.getCode()).isBetween(400, 499);
        assertThat(new ObjectMapper()
                        .readTree(refused.getResponseBody())
                        .path("status")
                        .asText())
                .isEqualTo("error");
    }

    @Test
    @Order(8)
    void aPartnersAppGetsTokensForItsScopesOnlyAndLosesThemWhenRevoked() throws Exception {
        // the owner registers an app that may read the catalogue and manage webhooks (issue 38, part 1)
        Api owner = gateway.as(ownerA).in(keyA);
        Api.Response app = owner.post(
                "/api/users/apps/", json("name", "Доставка", "scopes", List.of("catalog:read", "webhooks:manage")));
        assertThat(app.status()).as(app.toString()).isEqualTo(201);
        String basic = "Basic "
                + Base64.getEncoder()
                        .encodeToString((app.text("/client_id") + ":" + app.text("/client_secret"))
                                .getBytes(StandardCharsets.UTF_8));
        // the partner's generated client makes the client-credentials call through the gateway
        var granted = new dev.kassa.client.auth.api.AppApi(new PartnerClient(suite.gatewayUrl()).auth())
                .tokenApp(basic, null, null, "client_credentials", null);
        assertThat(granted.getScope()).isEqualTo("catalog:read webhooks:manage");
        Api partner = gateway.as(granted.getAccessToken()).in(keyA);

        // what its scopes allow, whichever instance answers; nothing else
        assertThat(partner.get("/api/products/products/").status()).isEqualTo(200);
        assertThat(partner.get("/api/products/products/" + stockedProduct + "/").status())
                .isEqualTo(200);
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            assertThat(partner.post(
                                    "/api/webhooks/subscriptions/",
                                    json("url", receiver.url("/app"), "event_types", List.of("ProductUpdated")))
                            .status())
                    .isEqualTo(201);
        }
        assertErrorBody(
                partner.post("/api/products/products/", json("name", "Чужой", "sale_price", 1000)),
                403,
                "permission_denied");
        assertErrorBody(partner.get("/api/sales/sales/"), 403, "permission_denied");
        assertErrorBody(
                partner.post("/api/sales/sessions/open/", json("opening_balance", 0)), 403, "permission_denied");
        assertErrorBody(partner.get("/api/customers/customers/"), 403, "permission_denied");
        assertErrorBody(partner.get("/api/tasks/"), 403, "permission_denied");
        assertErrorBody(partner.get("/api/users/auth/me/"), 403, "permission_denied");
        assertErrorBody(partner.in(keyB).get("/api/products/products/"), 403, "not_a_member");
        // the published contract says which scope each operation needs
        assertThat(gateway.get("/api-docs/catalog")
                        .at("/paths/~1api~1products~1products/get/x-kassa-scopes")
                        .toString())
                .contains("catalog:read");

        // revoked: every service refuses its token within seconds, the token endpoint refuses its secret
        assertThat(owner.delete("/api/users/apps/" + app.text("/id") + "/").status())
                .isEqualTo(204);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(partner.get("/api/products/products/").text("/code")).isEqualTo("token_revoked");
            assertThat(partner.get("/api/webhooks/subscriptions/").text("/code"))
                    .isEqualTo("token_revoked");
        });
        Api.Response refused = gateway.header("Authorization", basic)
                .form("/api/users/oauth/token/", Map.of("grant_type", "client_credentials"));
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.text("/error")).isEqualTo("invalid_client");
    }

    /**
     * Issue 64 through the gateway: an owner opens a warehouse (no shifts there), stocks it and moves goods to the shop;
     * the shop sees them in transit, receives them, and the warehouse sees what came.
     */
    @Test
    @Order(8)
    void anOwnersWarehouseSendsGoodsToTheShopThroughTheHandOver() {
        String username = "depot_" + UUID.randomUUID().toString().substring(0, 8);
        Api.Response registered = gateway.post("/api/users/auth/register/", SeedExamples.apiRegistration(username));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        String shop = registered.text("/data/store/tenant_key");
        Api.Response opened = gateway.as(registered.text("/data/tokens/access"))
                .post("/api/users/stores/", json("name", "Склад на Чиланзаре", "kind", "warehouse"));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        assertThat(opened.text("/data/store/kind")).isEqualTo("warehouse");
        String depot = opened.text("/data/store/tenant_key");
        String token = opened.text("/data/tokens/access");
        Api atDepot = gateway.as(token).in(depot);
        Api atShop = gateway.as(token).in(shop);
        // sales learns the store's kind from StoreCreated: until then a register could still be added (a new code each
        // try)
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(atDepot.post(
                                "/api/sales/cash-registers/",
                                json(
                                        "name",
                                        "Касса",
                                        "code",
                                        "W" + UUID.randomUUID().toString().substring(0, 6)))
                        .text("/code"))
                .isEqualTo("store_is_warehouse"));
        assertThat(atDepot.post("/api/sales/sessions/open/", json()).text("/code"))
                .isEqualTo("store_is_warehouse");

        Map<String, Object> rice = json(
                "name",
                "Рис девзира 1 кг",
                "sku",
                "RICE-DZ-1",
                "cost_price",
                18000,
                "sale_price",
                26000,
                "unit",
                "pcs");
        Map<String, Object> stocked = new LinkedHashMap<>(rice);
        stocked.put("initial_quantity", 40);
        long there = atDepot.post("/api/products/products/", stocked).at("/id").asLong();
        long here = atShop.post("/api/products/products/", rice).at("/id").asLong();
        Api.Response draft = atDepot.post(
                "/api/products/transfers/",
                json("to_store", shop, "lines", List.of(json("product", there, "quantity", 12))));
        assertThat(draft.status()).as(draft.toString()).isEqualTo(201);
        long transfer = draft.at("/id").asLong();
        Api.Response shipped = atDepot.post("/api/products/transfers/" + transfer + "/ship/", null);
        assertThat(shipped.status()).as(shipped.toString()).isEqualTo(200);
        assertThat(shipped.text("/status")).isEqualTo("shipped");

        JsonNode incoming = await().atMost(Duration.ofSeconds(15))
                .until(
                        () -> atShop.get("/api/products/transfers/?direction=in")
                                .at("/results/0"),
                        n -> !n.isMissingNode());
        assertThat(atShop.get("/api/products/products/" + here + "/stock-by-store/")
                        .text("/stores/0/in_transit"))
                .isEqualTo("12.000");
        Api.Response received = atShop.header(
                        "Idempotency-Key", UUID.randomUUID().toString())
                .post("/api/products/transfers/" + incoming.path("id").asLong() + "/receive/", json());
        assertThat(received.status()).as(received.toString()).isEqualTo(200);
        assertThat(received.text("/status")).isEqualTo("received");
        assertThat(atShop.get("/api/products/products/" + here + "/").text("/quantity"))
                .isEqualTo("12.000");
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(
                        atDepot.get("/api/products/transfers/" + transfer + "/").text("/status"))
                .isEqualTo("received"));
        assertThat(atDepot.get("/api/products/products/" + there + "/").text("/quantity"))
                .isEqualTo("28.000");
    }

    /**
     * Issue 65 through the gateway: a café's owner sets up a table whose QR link opens the guests' menu (no login, the
     * gateway's public page), adds Click; the till takes a split of Click and cash, the drawer counts only the cash, and the
     * shift report and analytics show Click by name and by code.
     */
    @Test
    @Order(8)
    void aCafesTableMenuAndOwnPaymentMethodWorkThroughTheGateway() {
        String username = "cafe_" + UUID.randomUUID().toString().substring(0, 8);
        Api.Response registered = gateway.post("/api/users/auth/register/", SeedExamples.apiRegistration(username));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        Api owner = gateway.as(registered.text("/data/tokens/access")).in(registered.text("/data/store/tenant_key"));
        Api.Response click = owner.post("/api/sales/payment-methods/", json("name", "Click"));
        assertThat(click.status()).as(click.toString()).isEqualTo(201);
        assertThat(click.text("/code")).isEqualTo("click");
        long product = owner.post(
                        "/api/products/products/",
                        json(
                                "name",
                                "Капучино 300 мл",
                                "sku",
                                "CAP-300",
                                "cost_price",
                                7000,
                                "sale_price",
                                20000,
                                "unit",
                                "pcs",
                                "initial_quantity",
                                10))
                .at("/id")
                .asLong();
        // the cappuccino may be made with oat milk, for 5 000 more
        Api.Response milk = owner.post(
                "/api/products/modifier-groups/",
                json("name", "Молоко", "options", List.of(json("name", "Овсяное", "price", 5000))));
        assertThat(milk.status()).as(milk.toString()).isEqualTo(201);
        long oat = milk.at("/options/0/id").asLong();
        assertThat(owner.put(
                                "/api/products/products/" + product + "/modifier-groups/",
                                json("modifier_groups", List.of(milk.at("/id").asLong())))
                        .status())
                .isEqualTo(200);
        Api.Response table = owner.post("/api/sales/tables/", json("name", "5", "seats", 4));
        assertThat(table.status()).as(table.toString()).isEqualTo(201);
        String menuUrl = table.text("/menu_url");
        assertThat(menuUrl).startsWith(suite.gatewayUrl() + "/m/");
        Api guest = new Api(suite.gatewayUrl());
        Api.Response menu = guest.get(URI.create(menuUrl).getPath());
        assertThat(menu.status()).as(menu.toString()).isEqualTo(200);
        assertThat(menu.raw()).contains("Капучино 300 мл", "20 000,00", "Стол 5", "Овсяное +5 000,00");
        Api.Response asJson = guest.header("Accept", "application/json")
                .get(URI.create(menuUrl).getPath());
        assertThat(asJson.text("/categories/0/items/0/id")).isEqualTo(String.valueOf(product));
        assertThat(guest.header("If-None-Match", asJson.header("ETag"))
                        .header("Accept", "application/json")
                        .get(URI.create(menuUrl).getPath())
                        .status())
                .isEqualTo(304);
        assertErrorBody(guest.get("/m/AAAAAAAAAAAAAAAAAAAAAAAA"), 404, "menu_link_unknown");
        assertThat(owner.get("/api/sales/tables/" + table.at("/id").asLong() + "/qr/?format=svg")
                        .header("Content-Type"))
                .startsWith("image/svg+xml");

        long session = owner.post("/api/sales/sessions/open/", json("opening_balance", 0))
                .at("/data/id")
                .asLong();
        Api.Response scan =
                owner.post("/api/sales/sales/scan-item/", json("session", session, "product", product, "quantity", 2));
        assertThat(scan.status()).as(scan.toString()).isEqualTo(200);
        Api.Response paid = owner.post(
                "/api/sales/sales/" + scan.text("/data/id") + "/checkout/",
                json(
                        "payments",
                        List.of(
                                json("payment_method", "click", "amount", 30000),
                                json("payment_method", "cash", "amount", 10000))));
        assertThat(paid.status()).as(paid.toString()).isEqualTo(200);
        assertThat(paid.text("/data/payments/0/payment_method_display")).isEqualTo("Click");
        Api.Response report = owner.get("/api/sales/sessions/" + session + "/report/");
        assertThat(report.at("/payments").findValuesAsText("payment_method")).containsExactly("cash", "click");
        assertThat(report.text("/payments/1/total")).isEqualTo("30000.00");
        assertThat(report.text("/expected_cash")).isEqualTo("10000.00");
        assertErrorBody(owner.post("/api/sales/payment-methods/", json("name", "Перечисление")), 400, "invalid");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            Api.Response byMethod = owner.get("/api/analytics/payment-methods/");
            assertThat(byMethod.status()).as(byMethod.toString()).isEqualTo(200);
            assertThat(byMethod.at("/results").findValuesAsText("payment_method"))
                    .containsExactly("click", "cash");
            assertThat(byMethod.text("/results/0/sales")).isEqualTo("30000.00");
        });

        // a waiter (a role of its own) takes table 5's order; the kitchen's screen gets it through the gateway's stream
        String waiterName = "waiter_" + UUID.randomUUID().toString().substring(0, 6);
        Api.Response hired = owner.post(
                "/api/users/employees/",
                json(
                        "username",
                        waiterName,
                        "password",
                        "SecurePass123",
                        "first_name",
                        "Азиз",
                        "last_name",
                        "Каримов",
                        "role",
                        "waiter"));
        assertThat(hired.status()).as(hired.toString()).isEqualTo(201);
        Api waiter = gateway.as(gateway.post(
                                "/api/users/auth/login/", json("username", waiterName, "password", "SecurePass123"))
                        .text("/access"))
                .in(registered.text("/data/store/tenant_key"));
        assertErrorBody(waiter.get("/api/sales/sales/"), 403, "permission_denied");
        List<String> screen = new CopyOnWriteArrayList<>();
        HttpResponse<Stream<String>> stream = HttpClient.newHttpClient()
                .sendAsync(
                        HttpRequest.newBuilder(
                                        URI.create(suite.gatewayUrl() + "/api/sales/kitchen/stream?station=kitchen"))
                                .header("Authorization", "Bearer " + registered.text("/data/tokens/access"))
                                .header("X-Tenant-Key", registered.text("/data/store/tenant_key"))
                                .header("Accept", "text/event-stream")
                                .build(),
                        HttpResponse.BodyHandlers.ofLines())
                .join();
        assertThat(stream.statusCode()).isEqualTo(200);
        CompletableFuture.runAsync(() -> stream.body().forEach(screen::add));
        await().atMost(Duration.ofSeconds(10)).until(() -> screen.contains("event:ready"));
        Api.Response order =
                waiter.post("/api/sales/orders/", json("table", table.at("/id").asLong(), "guests", 2));
        assertThat(order.status()).as(order.toString()).isEqualTo(201);
        String orderPath = "/api/sales/orders/" + order.at("/id").asLong();
        assertErrorBody(
                waiter.post(orderPath + "/items/", json("product", product, "modifiers", List.of(oat + 1000))),
                400,
                "invalid");
        Api.Response withOat = waiter.post(
                orderPath + "/items/", json("product", product, "modifiers", List.of(oat), "note", "с корицей"));
        assertThat(withOat.status()).as(withOat.toString()).isEqualTo(201);
        assertThat(withOat.text("/items/0/unit_price")).isEqualTo("25000.00");
        assertThat(waiter.post(orderPath + "/send/", null).text("/items/0/status"))
                .isEqualTo("new");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> screen.stream().anyMatch(l -> l.contains("с корицей") && l.contains("Овсяное")));
        long ticket = owner.get("/api/sales/kitchen/tickets/?station=kitchen")
                .at("/0/id")
                .asLong();
        assertThat(owner.post("/api/sales/kitchen/tickets/" + ticket + "/status/", json("status", "ready"))
                        .text("/status"))
                .isEqualTo("ready");
        assertThat(waiter.post("/api/sales/kitchen/tickets/" + ticket + "/status/", json("status", "served"))
                        .text("/status"))
                .isEqualTo("served");
        // the cashier's till takes the money: the order becomes a sale of its shift, and the stock goes down
        Api.Response bill = owner.post(
                orderPath + "/pay/",
                json("session", session, "payments", List.of(json("payment_method", "click", "amount", 25000))));
        assertThat(bill.status()).as(bill.toString()).isEqualTo(200);
        assertThat(bill.text("/order/status")).isEqualTo("paid");
        assertThat(bill.text("/sale/total_amount")).isEqualTo("25000.00");
        assertThat(bill.text("/sale/items/0/modifiers/0/name")).isEqualTo("Овсяное");
        // sales by modifier: the oat milk added 5 000
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            Api.Response byModifier = owner.get("/api/analytics/modifiers/");
            assertThat(byModifier.status()).as(byModifier.toString()).isEqualTo(200);
            assertThat(byModifier.text("/results/0/name")).isEqualTo("Овсяное");
            assertThat(byModifier.text("/results/0/amount")).isEqualTo("5000.00");
        });
        // catalog takes the held cup out of stock when it reads the sale
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(
                        owner.get("/api/products/products/" + product + "/").text("/quantity"))
                .isEqualTo("7.000"));
    }

    @Test
    @Order(8)
    void servesDocsAndMetrics() {
        assertThat(gateway.get("/api-docs/sales").raw()).contains("/api/sales/sales/scan-item");
        assertThat(gateway.get("/redoc/").status()).isEqualTo(200);
        // the gateway's meters carry application="gateway" like the services' (its 5xx alert and dashboard select on
        // it)
        assertThat(gateway.get("/actuator/prometheus").raw())
                .contains("jvm_memory_used_bytes")
                .contains("application=\"gateway\"");
        assertThat(Map.of("gateway", gateway.get("/actuator/health").text("/status")))
                .containsEntry("gateway", "UP");
        // each service says what it is built from (its CycloneDX SBOM, also in its image), inside the cluster only
        for (int i = 0; i < OpenApiWalk.SERVICES.size(); i++) {
            Api.Response sbom = new Api("http://127.0.0.1:" + (28081 + i)).get("/actuator/sbom/application");
            assertThat(sbom.status())
                    .as(OpenApiWalk.SERVICES.get(i) + ": " + sbom)
                    .isEqualTo(200);
            assertThat(sbom.text("/bomFormat")).isEqualTo("CycloneDX");
            assertThat(sbom.at("/components").toString()).contains("\"name\":\"spring-boot\"");
        }
        assertThat(gateway.get("/actuator/sbom/application").status())
                .as("the gateway's answers do not include the SBOM")
                .isNotEqualTo(200);
    }

    /**
     * Every service's published OpenAPI, as integrators fetch it through the gateway, shows a typed schema for every
     * answer, an example of every body and no platform type among the inputs, and passes Spectral's OpenAPI ruleset
     * with no error and no warning ({@code infra/openapi-lint}, which installs Spectral from npm where it is missing;
     * {@code -Dkassa.spectral.install=false} never installs, and the test is then skipped without Spectral).
     */
    @Test
    @Order(8)
    void everyPublishedOpenApiPassesSpectralsRuleset() throws Exception {
        Path root =
                Path.of(System.getProperty("kassa.root", "..")).toAbsolutePath().normalize();
        Path specs = Files.createDirectories(root.resolve("infra/target/openapi"));
        List<String> command = new ArrayList<>(
                List.of("bash", root.resolve("infra/openapi-lint").toString()));
        List<String> changed = new ArrayList<>();
        for (String service : OpenApiWalk.SERVICES) {
            Api.Response docs = gateway.get("/api-docs/" + service);
            assertThat(docs.status()).as(service).isEqualTo(200);
            Path spec = specs.resolve(service + ".json");
            JsonNode tree = docs.body();
            Files.writeString(spec, PUBLISHED.writeValueAsString(tree) + "\n");
            // the committed document, which the partner's client in these tests is generated from, is what is served
            Path committed = root.resolve("docs/openapi/" + service + ".json");
            if (!Files.exists(committed)
                    || !new ObjectMapper().readTree(committed.toFile()).equals(tree)) {
                changed.add("cp " + root.relativize(spec) + " " + root.relativize(committed));
            }
            ApiDocs.assertComplete(service, tree);
            command.add(spec.toString());
        }
        assertThat(changed)
                .as(
                        "OpenAPI documents that differ from the committed ones (docs/openapi): review the change, commit it "
                                + "with these commands (the partner's client in these tests is generated from them)")
                .isEmpty();
        // the events' AsyncAPI contract, published beside them, passes Spectral's AsyncAPI ruleset
        Api.Response events = gateway.get("/api-docs/events");
        assertThat(events.status()).as("events").isEqualTo(200);
        Path asyncApi = specs.resolve("events.asyncapi.json");
        Files.writeString(asyncApi, events.raw());
        command.add(asyncApi.toString());
        ProcessBuilder lint = new ProcessBuilder(command).redirectErrorStream(true);
        if ("false".equals(System.getProperty("kassa.spectral.install"))) {
            lint.environment().put("KASSA_SPECTRAL_INSTALL", "false");
        }
        Process process = lint.start();
        CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> {
            try {
                return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return e.toString();
            }
        });
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("openapi-lint took more than five minutes");
        }
        String out = output.join();
        Assumptions.assumeTrue(process.exitValue() != 3, "Spectral is missing and could not be installed: " + out);
        assertThat(process.exitValue()).as(out).isZero();
        assertThat(out)
                .as("the six services' OpenAPI documents and the events' AsyncAPI contract")
                .contains("OpenAPI lint: " + (OpenApiWalk.SERVICES.size() + 1) + " documents clean");
    }

    @Test
    @Order(9)
    void everyPublishedOperationWithstandsTheAttackRun() {
        // a store of its own: the malformed bodies are sent with its owner's real token and may create things in it
        Api.Response c = gateway.post(
                "/api/users/auth/register/",
                json(
                        "username",
                        "fuzz_" + UUID.randomUUID().toString().substring(0, 8),
                        "password",
                        "SecurePass123!",
                        "password_confirm",
                        "SecurePass123!",
                        "first_name",
                        "Fuzz",
                        "store_name",
                        "Fuzz Store"));
        assertThat(c.status()).as(c.toString()).isEqualTo(201);
        Map<String, String> direct = new LinkedHashMap<>();
        for (int i = 0; i < OpenApiWalk.SERVICES.size(); i++) {
            direct.put(OpenApiWalk.SERVICES.get(i), "http://127.0.0.1:" + (28081 + i));
        }
        String fuzzOwner = c.text("/data/tokens/access");
        String fuzzKey = c.text("/data/store/tenant_key");
        Map<String, String> staff = new LinkedHashMap<>();
        for (String role : List.of("cashier", "stockkeeper")) {
            String username =
                    "fuzz_" + role + "_" + UUID.randomUUID().toString().substring(0, 6);
            Api.Response employee = gateway.as(fuzzOwner)
                    .in(fuzzKey)
                    .post(
                            "/api/users/employees/",
                            json(
                                    "username",
                                    username,
                                    "password",
                                    "SecurePass123",
                                    "first_name",
                                    "Fuzz",
                                    "role",
                                    role));
            assertThat(employee.status()).as(employee.toString()).isEqualTo(201);
            staff.put(
                    role,
                    gateway.post("/api/users/auth/login/", json("username", username, "password", "SecurePass123"))
                            .text("/access"));
        }
        OpenApiWalk walk = new OpenApiWalk(suite.gatewayUrl(), direct);
        List<OpenApiWalk.Operation> operations = walk.operations();
        assertThat(operations).as("operations published by the six services").hasSizeGreaterThan(200);
        assertThat(operations.stream()
                        .filter(op ->
                                op.roles().contains("owner") && !op.roles().contains("cashier")))
                .as("operations that publish roles leaving cashiers out")
                .hasSizeGreaterThan(30);
        // an app of the store with every scope: refused wherever an operation names none
        Api.Response app = gateway.as(fuzzOwner)
                .in(fuzzKey)
                .post(
                        "/api/users/apps/",
                        json(
                                "name",
                                "Fuzz app",
                                "scopes",
                                List.of(
                                        "sales:read",
                                        "catalog:read",
                                        "catalog:write",
                                        "customers:read",
                                        "customers:write",
                                        "webhooks:manage")));
        assertThat(app.status()).as(app.toString()).isEqualTo(201);
        String appToken = gateway.form(
                        "/api/users/oauth/token",
                        Map.of(
                                "grant_type",
                                "client_credentials",
                                "client_id",
                                app.text("/client_id"),
                                "client_secret",
                                app.text("/client_secret")))
                .text("/access_token");
        assertThat(operations.stream()
                        .filter(op -> op.scopes().isEmpty() && op.path().startsWith("/api/")))
                .as("operations no app may call")
                .hasSizeGreaterThan(100);
        walk.walk(operations, fuzzOwner, fuzzKey, ownerB, staff, appToken);
        System.out.printf(
                "Attack run: %d operations, %d requests, %d findings%n",
                operations.size(), walk.requests(), walk.findings().size());
        assertThat(walk.findings())
                .as("5xx, answers without the error body, or 2xx where a refusal is due")
                .isEmpty();
    }

    /**
     * Every metric a Grafana dashboard or a Prometheus rule reads is one the suite really exports (after the traffic of
     * the tests before): a renamed meter would otherwise leave a panel empty and an alert silent, which no rule test shows.
     */
    /**
     * Metrics the alerts read that the cluster exports, not Kassa: Prometheus's own {@code up}, kube-state-metrics, the
     * Kafka Exporter of Strimzi and CloudNativePG's instances (names from their documentation; the alerts' promtool tests
     * feed them).
     */
    static final Set<String> CLUSTER_METRICS = Set.of(
            "up",
            "kube_pod_container_status_restarts_total",
            "kube_pod_container_status_last_terminated_reason",
            "kafka_consumergroup_lag",
            "cnpg_pg_stat_archiver_last_failed_time",
            "cnpg_pg_stat_archiver_last_archived_time",
            "cnpg_collector_last_failed_backup_timestamp",
            "cnpg_collector_last_available_backup_timestamp",
            "cnpg_pg_replication_lag");

    @Test
    @Order(10)
    void everyMetricTheDashboardsAndAlertsReadIsExported() throws Exception {
        Path root =
                Path.of(System.getProperty("kassa.root", "..")).toAbsolutePath().normalize();
        Set<String> exported = new TreeSet<>();
        List<String> scraped = new ArrayList<>(List.of(suite.gatewayUrl()));
        for (int i = 0; i < OpenApiWalk.SERVICES.size(); i++) {
            scraped.add("http://127.0.0.1:" + (28081 + i));
        }
        List<String> lines = new ArrayList<>();
        for (String url : scraped) {
            Api.Response metrics = new Api(url).get("/actuator/prometheus");
            assertThat(metrics.status()).as(url).isEqualTo(200);
            metrics.raw()
                    .lines()
                    .filter(l -> !l.startsWith("#") && !l.isBlank())
                    .forEach(l -> {
                        lines.add(l);
                        exported.add(l.split("[{ ]", 2)[0]);
                    });
        }
        // the buckets the SLOs count good events in (kassa.rules.yml, group kassa.slo)
        assertThat(lines)
                .as("login latency: auth's 1 s bucket")
                .anyMatch(l -> l.startsWith("http_server_requests_seconds_bucket")
                        && l.contains("uri=\"/api/users/auth/login\"")
                        && l.contains("le=\"1.0\""));
        assertThat(lines)
                .as("till latency: the checkout's 100 ms bucket")
                .anyMatch(l -> l.startsWith("kassa_checkout_seconds_bucket") && l.contains("le=\"0.1\""));
        Pattern selector = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)\\s*[{\\[]");
        Set<String> recorded = new TreeSet<>();
        Map<String, String> readBy = new TreeMap<>();
        Path rules = root.resolve("k8s/components/monitoring/rules/kassa.rules.yml");
        for (String line : Files.readAllLines(rules)) {
            Matcher record = Pattern.compile("^\\s*-?\\s*record:\\s*(\\S+)").matcher(line);
            if (record.find()) {
                recorded.add(record.group(1));
            }
        }
        ObjectMapper json = new ObjectMapper();
        List<String> expressions = new ArrayList<>();
        List<String> ruleLines = Files.readAllLines(rules);
        for (int i = 0; i < ruleLines.size(); i++) {
            Matcher expr = Pattern.compile("^(\\s*)expr:\\s*(.+)$").matcher(ruleLines.get(i));
            if (expr.find()) {
                StringBuilder text = new StringBuilder(expr.group(2));
                if (text.toString().matches("[|>][-+]?")) {
                    // a block: the lines indented deeper than "expr:"
                    text.setLength(0);
                    while (i + 1 < ruleLines.size()
                            && (ruleLines.get(i + 1).isBlank()
                                    || ruleLines.get(i + 1).length()
                                                    - ruleLines
                                                            .get(i + 1)
                                                            .stripLeading()
                                                            .length()
                                            > expr.group(1).length())) {
                        text.append(' ').append(ruleLines.get(++i).strip());
                    }
                }
                expressions.add("rules: " + text);
            }
        }
        try (var dashboards = Files.list(root.resolve("k8s/components/monitoring/dashboards"))) {
            for (Path dashboard :
                    dashboards.filter(p -> p.toString().endsWith(".json")).toList()) {
                json.readTree(dashboard.toFile())
                        .findValues("expr")
                        .forEach(e -> expressions.add(dashboard.getFileName() + ": " + e.asText()));
            }
        }
        assertThat(expressions).as("expressions found").hasSizeGreaterThan(40);
        for (String expression : expressions) {
            Matcher m = selector.matcher(expression.substring(expression.indexOf(": ") + 2));
            while (m.find()) {
                readBy.putIfAbsent(m.group(1), expression);
            }
        }
        assertThat(readBy).as("metrics read").hasSizeGreaterThan(20);
        Set<String> recordingsRead = new TreeSet<>();
        for (String expression : expressions) {
            Matcher m =
                    Pattern.compile("kassa:[a-zA-Z0-9_:]+").matcher(expression.substring(expression.indexOf(": ") + 2));
            while (m.find()) {
                recordingsRead.add(m.group());
            }
        }
        assertThat(recorded).as("recording rules the alerts and panels read").containsAll(recordingsRead);
        Map<String, String> missing = new TreeMap<>(readBy);
        missing.keySet().removeAll(exported);
        missing.keySet().removeAll(recorded);
        missing.keySet().removeAll(CLUSTER_METRICS);
        assertThat(missing)
                .as("metrics read by dashboards or rules that no part of the suite exports")
                .isEmpty();
    }
}
