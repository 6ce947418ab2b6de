package dev.kassa.analytics.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kassa.platform.events.Topics;
import dev.kassa.platform.security.SecretSeal;
import dev.kassa.platform.tenancy.TenantContext;
import dev.kassa.platform.tenancy.TenantProvisioner;
import dev.kassa.platform.test.Api;
import dev.kassa.platform.test.EventSamples;
import dev.kassa.platform.test.KassaIntegrationTest;
import dev.kassa.platform.test.TestStores;
import dev.kassa.platform.test.TestTokens;
import dev.kassa.platform.test.WebhookReceiver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.StreamSupport;

import static dev.kassa.platform.test.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A store's webhooks, from the owner's subscription to a partner's receiver, through real Kafka and PostgreSQL. */
@KassaIntegrationTest
class WebhookTests {

    @LocalServerPort
    int port;

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    ObjectMapper objectMapper;

    @Autowired
    WebhookService webhooks;

    @Autowired
    DeliveryRepository deliveries;

    @Autowired
    TenantProvisioner provisioner;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    WebhookProperties properties;

    @Autowired
    WebhookDispatcher dispatcher;

    @Autowired
    WebhookRetention retention;

    @Autowired
    JdbcClient jdbc;

    WebhookReceiver receiver;
    Socket held;
    String store;
    Api owner;

    @BeforeEach
    void receiverAndStore() throws Exception {
        receiver = new WebhookReceiver();
        store = TestStores.newKey("whk");
        owner = Api.member(port, store, 3, "owner3", "owner");
    }

    @AfterEach
    void close() throws IOException {
        receiver.close();
        if (held != null) {
            held.close();
        }
    }

    String subscribe(String path, String... types) {
        Api.Response created = owner.post(
                "/api/webhooks/subscriptions/",
                json("url", receiver.url(path), "event_types", List.of(types), "description", "bookkeeping"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.text("/id");
    }

    /** Publishes a sample event of the store as its producer would; answers its envelope. */
    JsonNode publish(String store, String type, String topic) throws Exception {
        String message = EventSamples.of(type).message(store, e -> {});
        kafka.send(topic, store, message).get();
        return objectMapper.readTree(message);
    }

    JsonNode delivery(String subscription) {
        Api.Response log = owner.get("/api/webhooks/subscriptions/" + subscription + "/deliveries/");
        assertThat(log.status()).isEqualTo(200);
        return log.at("/results/0");
    }

    @Test
    void aRecallAndAStockTakeReachTheirSubscriberAsCatalogPublishedThem() throws Exception {
        subscribe("/stock", "BatchBlocked", "StockCounted");
        JsonNode blocked = publish(store, "BatchBlocked", Topics.CATALOG);
        JsonNode counted = publish(store, "StockCounted", Topics.CATALOG);
        await().atMost(Duration.ofSeconds(20)).until(() -> receiver.at("/stock").size() >= 2);
        Map<String, JsonNode> got = new java.util.HashMap<>();
        for (WebhookReceiver.Received r : receiver.at("/stock")) {
            JsonNode body = objectMapper.readTree(r.body());
            got.put(body.path("type").asText(), body.path("data"));
        }
        assertThat(got).containsOnlyKeys("BatchBlocked", "StockCounted");
        assertThat(got.get("BatchBlocked")).isEqualTo(blocked.path("payload"));
        assertThat(got.get("StockCounted")).isEqualTo(counted.path("payload"));
    }

    @Test
    void aSubscribedEventReachesTheReceiverOnceSignedAndTheLogShowsIt() throws Exception {
        Api.Response created = owner.post(
                "/api/webhooks/subscriptions/",
                json("url", receiver.url("/sales"), "event_types", List.of("SaleCompleted", "SaleRefunded")));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String secret = created.text("/secret");
        assertThat(secret).startsWith("whsec_").hasSizeGreaterThan(40);
        String id = created.text("/id");
        Api.Response list = owner.get("/api/webhooks/subscriptions/");
        assertThat(list.at("/0/url").asText()).isEqualTo(receiver.url("/sales"));
        assertThat(list.at("/0").has("secret")).as("the secret is shown once").isFalse();

        String otherStore = TestStores.newKey("whk");
        publish(otherStore, "SaleCompleted", Topics.SALES); // a store without webhooks
        publish(store, "ProductCreated", Topics.CATALOG); // a type the subscription does not name
        JsonNode sale = publish(store, "SaleCompleted", Topics.SALES);
        String message = objectMapper.writeValueAsString(sale);
        kafka.send(Topics.SALES, store, message).get(); // the broker hands the same event over again
        JsonNode refund = publish(store, "SaleRefunded", Topics.SALES);

        await().atMost(Duration.ofSeconds(20)).until(() -> receiver.at("/sales").size() >= 2);
        List<WebhookReceiver.Received> got = receiver.at("/sales");
        assertThat(got).hasSize(2);
        WebhookReceiver.Received first = got.get(0);
        JsonNode body = objectMapper.readTree(first.body());
        assertThat(body.path("id").asText()).isEqualTo(sale.path("event_id").asText());
        assertThat(body.path("type").asText()).isEqualTo("SaleCompleted");
        assertThat(body.path("store").asText()).isEqualTo(store);
        assertThat(body.path("occurred_at").asText())
                .isEqualTo(sale.path("occurred_at").asText());
        assertThat(body.path("data")).isEqualTo(sale.path("payload"));
        assertThat(first.header("Content-Type")).startsWith("application/json");
        assertThat(first.header("Kassa-Event-Id"))
                .isEqualTo(sale.path("event_id").asText());
        assertSigned(first, secret);
        assertThat(objectMapper.readTree(got.get(1).body()).path("id").asText())
                .as("in the order the store's events came")
                .isEqualTo(refund.path("event_id").asText());

        await().atMost(Duration.ofSeconds(10))
                .until(() -> "delivered".equals(delivery(id).path("status").asText()));
        JsonNode logged =
                owner.get("/api/webhooks/subscriptions/" + id + "/deliveries/").body();
        assertThat(logged.path("count").asInt()).isEqualTo(2);
        JsonNode last = logged.at("/results/1");
        assertThat(last.path("event_type").asText()).isEqualTo("SaleCompleted");
        assertThat(last.path("last_status_code").asInt()).isEqualTo(200);
        assertThat(last.path("attempts").asInt()).isEqualTo(1);
        Api.Response detail =
                owner.get("/api/webhooks/deliveries/" + last.path("id").asText() + "/");
        assertThat(detail.at("/attempt_log/0/status_code").asInt()).isEqualTo(200);
        assertThat(detail.at("/body/data")).isEqualTo(sale.path("payload"));
    }

    @Test
    void secretsAreSealedAtRestAndOldDeliveriesAreForgotten() throws Exception {
        Api.Response created = owner.post(
                "/api/webhooks/subscriptions/",
                json("url", receiver.url("/sealed"), "event_types", List.of("SaleCompleted")));
        String secret = created.text("/secret");
        long id = created.at("/id").asLong();
        String schema = TestStores.schema(store);
        String stored = jdbc.sql("select secret from " + schema + ".webhook_subscriptions where id = ?")
                .param(id)
                .query(String.class)
                .single();
        assertThat(stored).startsWith(SecretSeal.PREFIX).doesNotContain(secret.substring(6));
        // one kept in plain text from before the key was set: still signs, and is sealed when Kassa sends with it
        jdbc.sql("update " + schema + ".webhook_subscriptions set secret = ? where id = ?")
                .params(secret, id)
                .update();
        publish(store, "SaleCompleted", Topics.SALES);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> receiver.at("/sealed").size() == 1);
        assertSigned(receiver.at("/sealed").get(0), secret);
        assertThat(jdbc.sql("select secret from " + schema + ".webhook_subscriptions where id = ?")
                        .param(id)
                        .query(String.class)
                        .single())
                .startsWith(SecretSeal.PREFIX);
        Api.Response rotated = owner.post("/api/webhooks/subscriptions/" + id + "/rotate-secret/", Map.of());
        assertThat(jdbc.sql("select secret || previous_secret from " + schema + ".webhook_subscriptions where id = ?")
                        .param(id)
                        .query(String.class)
                        .single())
                .doesNotContain(rotated.text("/secret").substring(6))
                .doesNotContain(secret.substring(6));

        // a delivery done more than the retention period ago is forgotten, with its attempts; a recent one stays
        await().atMost(Duration.ofSeconds(10)).until(() -> "delivered"
                .equals(delivery(String.valueOf(id)).path("status").asText()));
        owner.post("/api/webhooks/subscriptions/" + id + "/ping/", Map.of());
        await().atMost(Duration.ofSeconds(10))
                .until(() -> owner.get("/api/webhooks/subscriptions/" + id + "/deliveries/")
                                .at("/count")
                                .asInt()
                        == 2);
        jdbc.sql("update " + schema + ".webhook_deliveries set created_at = now() - make_interval(days => 31)"
                        + " where event_type = 'SaleCompleted'")
                .update();
        assertThat(retention.purge(provisioner.ensureReady(store))).isEqualTo(1);
        assertThat(owner.get("/api/webhooks/subscriptions/" + id + "/deliveries/")
                        .body()
                        .path("results")
                        .findValuesAsText("event_type"))
                .containsExactly("ping");
        assertThat(jdbc.sql("select count(*) from " + schema + ".webhook_attempts a join " + schema
                                + ".webhook_deliveries d on d.id = a.delivery_id where d.event_type = 'SaleCompleted'")
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThat(retention.purge(provisioner.ensureReady(store)))
                .as("run twice: nothing more")
                .isZero();
    }

    /** Signed now, with exactly these secrets in this order (the newest first). */
    static void assertSigned(WebhookReceiver.Received r, String... secrets) {
        assertThat(Math.abs(Instant.now().getEpochSecond() - r.signedAt())).isLessThan(60);
        List<String> expected = new ArrayList<>();
        for (String secret : secrets) {
            expected.add(WebhookReceiver.hmacSha256(secret, r.signedAt() + "." + r.body()));
        }
        assertThat(r.signature().get("v1")).containsExactlyElementsOf(expected);
    }

    @Test
    void aFailingReceiverIsRetriedWithGrowingWaitsAndARedeliveryAndARotationSignAgain() throws Exception {
        receiver.answer("/flaky", 500, 503);
        Api.Response created = owner.post(
                "/api/webhooks/subscriptions/",
                json("url", receiver.url("/flaky"), "event_types", List.of("LowStockReached")));
        String id = created.text("/id");
        String oldSecret = created.text("/secret");
        Api.Response ping = owner.post("/api/webhooks/subscriptions/" + id + "/ping/", Map.of());
        assertThat(ping.status()).as(ping.toString()).isEqualTo(202);
        assertThat(ping.text("/event_type")).isEqualTo("ping");
        String delivery = ping.text("/id");

        await().atMost(Duration.ofSeconds(15)).until(() -> "delivered"
                .equals(owner.get("/api/webhooks/deliveries/" + delivery + "/").text("/status")));
        JsonNode detail =
                owner.get("/api/webhooks/deliveries/" + delivery + "/").body();
        assertThat(detail.path("attempts").asInt()).isEqualTo(3);
        List<Integer> codes = StreamSupport.stream(detail.path("attempt_log").spliterator(), false)
                .map(a -> a.path("status_code").asInt())
                .toList();
        assertThat(codes).containsExactly(500, 503, 200);
        List<WebhookReceiver.Received> got = receiver.at("/flaky");
        // the waits between the attempts as Kassa started them (the receiver's clock adds each connection's own delay)
        List<Instant> started = StreamSupport.stream(detail.path("attempt_log").spliterator(), false)
                .map(a -> Instant.parse(a.path("attempted_at").asText()))
                .toList();
        assertThat(Duration.between(started.get(0), started.get(1))).isGreaterThanOrEqualTo(properties.firstRetry());
        assertThat(Duration.between(started.get(1), started.get(2)))
                .as("the wait doubles")
                .isGreaterThanOrEqualTo(properties.firstRetry().multipliedBy(2));
        assertThat(objectMapper.readTree(got.get(0).body()).path("type").asText())
                .isEqualTo("ping");
        assertThat(got.get(0).header("Kassa-Webhook-Id")).isEqualTo(delivery);

        Api.Response rotated = owner.post("/api/webhooks/subscriptions/" + id + "/rotate-secret/", Map.of());
        String newSecret = rotated.text("/secret");
        assertThat(newSecret).startsWith("whsec_").isNotEqualTo(oldSecret);
        Api.Response again = owner.post("/api/webhooks/deliveries/" + delivery + "/redeliver/", Map.of());
        assertThat(again.status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.at("/flaky").size() == 4);
        WebhookReceiver.Received redelivered = receiver.at("/flaky").get(3);
        assertThat(redelivered.body()).isEqualTo(got.get(0).body());
        assertSigned(redelivered, newSecret, oldSecret);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> owner.get("/api/webhooks/deliveries/" + delivery + "/")
                                .at("/attempts")
                                .asInt()
                        == 4);
    }

    @Test
    void aReceiverThatIsDownSlowOrRedirectsFailsAndOneFailingForTheWindowIsTurnedOff() throws Exception {
        // a port held by this test but not listening: connections to it are refused, and nothing else can take it
        held = new Socket();
        held.bind(new InetSocketAddress("127.0.0.1", 0));
        int closed = held.getLocalPort();
        Api.Response down = owner.post(
                "/api/webhooks/subscriptions/",
                json("url", "http://127.0.0.1:" + closed + "/hook", "event_types", List.of("TaskOverdue")));
        String downId = down.text("/id");
        receiver.slow("/slow", properties.timeout().plusSeconds(2));
        String slowId = subscribe("/slow", "TaskOverdue");
        receiver.answer("/moved", 302);
        String movedId = subscribe("/moved", "TaskOverdue");
        // the event waits in the queue while no instance sends (a restart of every instance): its first attempt comes
        // well after the event, and the give-up window still counts from that attempt, as the subscription's failing
        // does
        dispatcher.stop();
        try {
            publish(store, "TaskOverdue", Topics.TASK);
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> owner.get("/api/webhooks/subscriptions/" + downId + "/deliveries/")
                                    .at("/count")
                                    .asInt()
                            == 1);
            TenantContext.run(
                    provisioner.ensureReady(store),
                    () -> tx.executeWithoutResult(s -> jdbc.sql(
                                    "update webhook_deliveries set created_at = created_at - make_interval(secs => ?)")
                            .param(properties.giveUpAfter().toSeconds() / 2.0)
                            .update()));
        } finally {
            dispatcher.start();
        }

        await().atMost(Duration.ofSeconds(10))
                .until(() -> delivery(downId).path("attempts").asInt() >= 1
                        && delivery(slowId).path("attempts").asInt() >= 1
                        && delivery(movedId).path("attempts").asInt() >= 1);
        assertThat(delivery(downId).path("last_error").asText()).isEqualTo("connection_refused");
        assertThat(delivery(slowId).path("last_error").asText()).isEqualTo("timeout");
        assertThat(delivery(movedId).path("last_status_code").asInt())
                .as("a redirect is not followed")
                .isEqualTo(302);
        assertThat(receiver.at("/moved-here")).isEmpty();

        // while it fails, the owner's dashboard says so (by id and description, not the partner's address)
        JsonNode failing = owner.get("/api/analytics/dashboard/").at("/webhooks/failing");
        assertThat(failing.toString()).contains("\"id\":" + downId).doesNotContain("127.0.0.1");
        await().atMost(properties.giveUpAfter().plusSeconds(15))
                .until(() -> !owner.get("/api/webhooks/subscriptions/" + downId + "/")
                        .at("/is_active")
                        .asBoolean());
        assertThat(owner.get("/api/analytics/dashboard/")
                        .at("/webhooks/turned_off")
                        .toString())
                .as("the owner is told on the dashboard that Kassa turned it off")
                .contains("\"id\":" + downId);
        JsonNode off = owner.get("/api/webhooks/subscriptions/" + downId + "/").body();
        assertThat(off.path("disabled_reason").asText()).isEqualTo("failing");
        assertThat(off.path("failing_since").isNull()).isFalse();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> "failed".equals(delivery(downId).path("status").asText()));
        assertThat(delivery(downId).path("attempts").asInt()).isGreaterThan(2);

        Api.Response on = owner.patch("/api/webhooks/subscriptions/" + downId + "/", json("is_active", true));
        assertThat(on.status()).isEqualTo(200);
        assertThat(on.at("/is_active").asBoolean()).isTrue();
        assertThat(on.at("/disabled_reason").isNull()).isTrue();
        assertThat(on.at("/failing_since").isNull()).isTrue();
        assertThat(owner.get("/api/analytics/dashboard/")
                        .at("/webhooks/turned_off")
                        .toString())
                .doesNotContain("\"id\":" + downId);
    }

    @Test
    void privateTargetsAndBadInputAreRefusedAndNothingIsStored() {
        for (String url : List.of(
                "http://10.1.2.3/hook",
                "http://192.168.0.10/hook",
                "http://169.254.169.254/latest/meta-data/",
                "http://100.64.0.1/hook",
                "http://[fd00::1]/hook")) {
            Api.Response refused = owner.post(
                    "/api/webhooks/subscriptions/", json("url", url, "event_types", List.of("SaleCompleted")));
            assertThat(refused.status()).as(url).isEqualTo(400);
            assertThat(refused.at("/errors/url/0").asText()).as(url).contains("сети");
        }
        Api.Response english = owner.english()
                .post(
                        "/api/webhooks/subscriptions/",
                        json("url", "ftp://example.com/x", "event_types", List.of("SaleCompleted")));
        assertThat(english.status()).isEqualTo(400);
        assertThat(english.at("/code").asText()).isEqualTo("invalid");
        assertThat(english.at("/errors/url/0").asText()).contains("absolute URL");
        Api.Response bad = owner.english()
                .post(
                        "/api/webhooks/subscriptions/",
                        json("url", " ", "event_types", List.of("Everything"), "description", "x".repeat(201)));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().path("errors").has("url")).isTrue();
        assertThat(bad.at("/errors/event_types/0").asText()).contains("GET /api/webhooks/event-types");
        assertThat(bad.body().path("errors").has("description")).isTrue();
        Api.Response none =
                owner.post("/api/webhooks/subscriptions/", json("url", receiver.url("/x"), "event_types", List.of()));
        assertThat(none.status()).isEqualTo(400);
        // a list holding null (and every other field null) is bad input, not a server error (issue 60, point 14)
        Api.Response nulls = owner.english()
                .post(
                        "/api/webhooks/subscriptions/",
                        json("url", null, "description", null, "event_types", Arrays.asList((String) null)));
        assertThat(nulls.status()).as(nulls.toString()).isEqualTo(400);
        assertThat(nulls.body().path("errors").has("url")).isTrue();
        assertThat(nulls.at("/errors/event_types/0").asText()).contains("GET /api/webhooks/event-types");
        Api.Response notJson = owner.header("Content-Type", "application/json")
                .send("POST", "/api/webhooks/subscriptions/", "{not json");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(owner.get("/api/webhooks/subscriptions/").body()).isEmpty();

        String id = subscribe("/ok", "SaleCompleted");
        Api.Response nullPatch = owner.patch(
                "/api/webhooks/subscriptions/" + id + "/",
                json("url", null, "is_active", null, "event_types", Arrays.asList("SaleCompleted", null)));
        assertThat(nullPatch.status()).as(nullPatch.toString()).isEqualTo(400);
        assertThat(nullPatch.body().path("errors").has("event_types")).isTrue();
        Api.Response badPatch = owner.patch("/api/webhooks/subscriptions/" + id + "/", json("url", "http://10.0.0.1/"));
        assertThat(badPatch.status()).isEqualTo(400);
        assertThat(owner.get("/api/webhooks/subscriptions/" + id + "/").text("/url"))
                .isEqualTo(receiver.url("/ok"));
        assertThat(owner.get("/api/webhooks/subscriptions/999999/").status()).isEqualTo(404);
        assertThat(owner.post("/api/webhooks/deliveries/999999/redeliver/", Map.of())
                        .status())
                .isEqualTo(404);
        assertThat(owner.get("/api/webhooks/event-types/")
                        .body()
                        .path("event_types")
                        .toString())
                .contains("SaleCompleted", "LowStockReached", "TaskOverdue")
                .doesNotContain("HoldsReleased", "EmployeeCreated");
    }

    @Test
    void onlyTheStoresOwnerManagesItsWebhooks() {
        String id = subscribe("/sales", "SaleCompleted");
        Api anonymous = new Api("http://localhost:" + port).in(store);
        assertThat(anonymous.get("/api/webhooks/subscriptions/").status()).isEqualTo(401);
        for (String role : List.of("cashier", "manager", "stockkeeper")) {
            Api staff = Api.member(port, store, 9, "staff9", role);
            assertThat(staff.get("/api/webhooks/subscriptions/").status())
                    .as(role)
                    .isEqualTo(403);
            assertThat(staff.post("/api/webhooks/subscriptions/" + id + "/ping/", Map.of())
                            .status())
                    .as(role)
                    .isEqualTo(403);
        }
        String other = TestStores.newKey("whk");
        Api otherOwner = Api.member(port, other, 4, "owner4", "owner");
        assertThat(otherOwner.get("/api/webhooks/subscriptions/" + id + "/").status())
                .as("another store's subscription is not found in one's own")
                .isEqualTo(404);
        assertThat(otherOwner.get("/api/webhooks/subscriptions/").body()).isEmpty();
        Api intruder = new Api("http://localhost:" + port)
                .as(TestTokens.token(4, "owner4", Map.of(other, "owner")))
                .in(store);
        assertThat(intruder.get("/api/webhooks/subscriptions/").status()).isEqualTo(403);
        assertThat(intruder.delete("/api/webhooks/subscriptions/" + id + "/").status())
                .isEqualTo(403);
        assertThat(owner.get("/api/webhooks/subscriptions/" + id + "/").status())
                .isEqualTo(200);
        assertThat(owner.delete("/api/webhooks/subscriptions/" + id + "/").status())
                .isEqualTo(204);
        assertThat(owner.get("/api/webhooks/subscriptions/" + id + "/").status())
                .isEqualTo(404);
    }

    /**
     * A hostile receiver on this machine: reads the request, then answers {@code 200} with a body of a million bytes it
     * trickles a byte at a time ({@code /body}), or trickles its headers without end ({@code /headers}); counts its calls.
     */
    static final class Trickler implements AutoCloseable {
        final ServerSocket server;
        final AtomicInteger calls = new AtomicInteger();
        final ExecutorService threads = Executors.newCachedThreadPool();

        Trickler() throws IOException {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            threads.execute(() -> {
                while (!server.isClosed()) {
                    try {
                        Socket s = server.accept();
                        threads.execute(() -> trickle(s));
                    } catch (IOException closed) {
                        return;
                    }
                }
            });
        }

        String url(String path) {
            return "http://127.0.0.1:" + server.getLocalPort() + path;
        }

        private void trickle(Socket s) {
            try (s) {
                calls.incrementAndGet();
                var in = new java.io.BufferedReader(
                        new java.io.InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
                String line;
                String path = "";
                int length = 0;
                while ((line = in.readLine()) != null && !line.isEmpty()) {
                    if (line.startsWith("POST ")) {
                        path = line.split(" ")[1];
                    }
                    if (line.toLowerCase().startsWith("content-length:")) {
                        length = Integer.parseInt(line.substring(15).trim());
                    }
                }
                in.skip(length);
                var out = s.getOutputStream();
                out.write((path.startsWith("/headers")
                                ? "HTTP/1.1 200 OK\r\nX-Slow: "
                                : "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 1000000\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
                for (int i = 0; i < 600; i++) {
                    out.write('a');
                    out.flush();
                    Thread.sleep(100);
                }
            } catch (IOException | InterruptedException | RuntimeException gone) {
                // Kassa hung up: what it should do
            }
        }

        @Override
        public void close() throws IOException {
            server.close();
            threads.shutdownNow();
        }
    }

    @Test
    void aReceiverThatTricklesItsAnswerHoldsNeitherItsAttemptNorAnotherStoresDeliveries() throws Exception {
        try (Trickler trickler = new Trickler()) {
            String body = owner.post(
                            "/api/webhooks/subscriptions/",
                            json("url", trickler.url("/body"), "event_types", List.of("SaleCompleted")))
                    .text("/id");
            String headers = owner.post(
                            "/api/webhooks/subscriptions/",
                            json("url", trickler.url("/headers"), "event_types", List.of("SaleCompleted")))
                    .text("/id");
            String other = TestStores.newKey("whk");
            Api otherOwner = Api.member(port, other, 4, "owner4", "owner");
            assertThat(otherOwner
                            .post(
                                    "/api/webhooks/subscriptions/",
                                    json("url", receiver.url("/other"), "event_types", List.of("SaleCompleted")))
                            .status())
                    .isEqualTo(201);
            for (int i = 0; i < 3; i++) {
                publish(store, "SaleCompleted", Topics.SALES);
            }
            publish(other, "SaleCompleted", Topics.SALES);

            // another store's delivery is not held behind this store's hostile receiver
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> receiver.at("/other").size() == 1);
            // an answer of 200 whose body trickles is delivered on its status, the body never waited for
            await().atMost(Duration.ofSeconds(15))
                    .until(() -> owner.get("/api/webhooks/subscriptions/" + body + "/deliveries/")
                            .body()
                            .path("results")
                            .findValuesAsText("status")
                            .equals(List.of("delivered", "delivered", "delivered")));
            // headers that never end are cut at the attempt's deadline, which no receiver stretches
            await().atMost(Duration.ofSeconds(15))
                    .until(() -> delivery(headers).path("attempts").asInt() >= 1);
            JsonNode cut = delivery(headers);
            assertThat(cut.path("status").asText()).isEqualTo("pending");
            assertThat(cut.path("last_error").asText()).isEqualTo("timeout");
            JsonNode attempt = owner.get(
                            "/api/webhooks/deliveries/" + cut.path("id").asText() + "/")
                    .at("/attempt_log/0");
            assertThat(attempt.path("error").asText()).isEqualTo("timeout");
            assertThat(attempt.path("duration_ms").asLong())
                    .as("the whole attempt within its deadline (and a little)")
                    .isLessThan(properties.timeout().toMillis() + 1000);
        }
    }

    @Test
    void anAttemptConnectsToTheAddressItCheckedAndNoOther() throws Exception {
        // a name that answers the receiver's address first and a private one after: as a rebinding attacker's DNS does
        List<String> answers = new java.util.concurrent.CopyOnWriteArrayList<>(List.of("127.0.0.1", "10.9.8.7"));
        AtomicInteger lookups = new AtomicInteger();
        TargetGuard rebinding = new TargetGuard(properties, host -> {
            lookups.incrementAndGet();
            if (!host.equals("partner.example")) {
                throw new java.net.UnknownHostException(host);
            }
            return new InetAddress[] {InetAddress.getByName(answers.size() > 1 ? answers.remove(0) : answers.get(0))};
        });
        try (WebhookSender sender = new WebhookSender(rebinding, properties)) {
            URI target = URI.create(receiver.url("/rebound"));
            String url = "http://partner.example:" + target.getPort() + "/rebound";
            Delivery delivery = new Delivery(
                    1, 1, UUID.randomUUID(), "ping", "pending", 0, null, null, null, null, Instant.now(), "{}");
            Delivery.Attempt first = sender.send(url, delivery, List.of("s"));
            assertThat(first.statusCode()).as(first.toString()).isEqualTo(200);
            assertThat(lookups.get()).as("one lookup, checked and connected to").isEqualTo(1);
            assertThat(receiver.at("/rebound")).hasSize(1);
            assertThat(receiver.at("/rebound").get(0).header("Host")).isEqualTo("partner.example:" + target.getPort());
        }
        // the name now points into a private network: a new connection is refused before it is made
        assertThat(answers).containsExactly("10.9.8.7");
        try (WebhookSender sender = new WebhookSender(rebinding, properties)) {
            Delivery delivery = new Delivery(
                    2, 1, UUID.randomUUID(), "ping", "pending", 0, null, null, null, null, Instant.now(), "{}");
            URI target = URI.create(receiver.url("/rebound"));
            Delivery.Attempt second =
                    sender.send("http://partner.example:" + target.getPort() + "/rebound", delivery, List.of("s"));
            assertThat(second.error()).isEqualTo("target_private");
            assertThat(lookups.get()).isEqualTo(2);
        }
        assertThat(receiver.at("/rebound")).hasSize(1);
    }

    @Test
    void anAppManagesOnlyItsOwnSubscriptionsToEventsItMayReadAndAStoreHasAtMostTwenty() throws Exception {
        String ownersId = subscribe("/owner", "SaleCompleted", "CustomerCreated");
        Api app = new Api("http://localhost:" + port)
                .as(TestTokens.app(41, store, "webhooks:manage", "sales:read"))
                .in(store);
        Api.Response mine = app.post(
                "/api/webhooks/subscriptions/",
                json("url", receiver.url("/app"), "event_types", List.of("SaleCompleted", "SaleRefunded")));
        assertThat(mine.status()).as(mine.toString()).isEqualTo(201);
        String appsId = mine.text("/id");
        // only events its scopes can read: customers need customers:read, tasks no app may have
        for (String type : List.of("CustomerCreated", "TaskOverdue")) {
            Api.Response refused = app.english()
                    .post(
                            "/api/webhooks/subscriptions/",
                            json("url", receiver.url("/app"), "event_types", List.of("SaleCompleted", type)));
            assertThat(refused.status()).as(type + ": " + refused).isEqualTo(400);
            assertThat(refused.at("/errors/event_types/0").asText())
                    .as(type)
                    .contains(type)
                    .doesNotContain("SaleCompleted");
        }
        Api.Response widened = app.patch(
                "/api/webhooks/subscriptions/" + appsId + "/", json("event_types", List.of("CustomerBalanceChanged")));
        assertThat(widened.status()).as(widened.toString()).isEqualTo(400);
        assertThat(widened.at("/errors/event_types/0").asText()).contains("customers:read");

        // it sees and changes only what it made; the owner sees both
        assertThat(app.get("/api/webhooks/subscriptions/").body().findValuesAsText("id"))
                .containsExactly(appsId);
        assertThat(owner.get("/api/webhooks/subscriptions/").body().findValuesAsText("id"))
                .containsExactly(ownersId, appsId);
        publish(store, "SaleCompleted", Topics.SALES);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> delivery(ownersId).has("id") && delivery(appsId).has("id"));
        String ownersDelivery = delivery(ownersId).path("id").asText();
        for (Api.Response r : List.of(
                app.get("/api/webhooks/subscriptions/" + ownersId + "/"),
                app.patch("/api/webhooks/subscriptions/" + ownersId + "/", json("url", receiver.url("/stolen"))),
                app.post("/api/webhooks/subscriptions/" + ownersId + "/rotate-secret/", Map.of()),
                app.post("/api/webhooks/subscriptions/" + ownersId + "/ping/", Map.of()),
                app.get("/api/webhooks/subscriptions/" + ownersId + "/deliveries/"),
                app.get("/api/webhooks/deliveries/" + ownersDelivery + "/"),
                app.post("/api/webhooks/deliveries/" + ownersDelivery + "/redeliver/", Map.of()),
                app.delete("/api/webhooks/subscriptions/" + ownersId + "/"))) {
            assertThat(r.status()).as(r.toString()).isEqualTo(404);
        }
        assertThat(owner.get("/api/webhooks/subscriptions/" + ownersId + "/").text("/url"))
                .as("the owner's subscription untouched")
                .isEqualTo(receiver.url("/owner"));
        assertThat(app.get("/api/webhooks/subscriptions/" + appsId + "/deliveries/")
                        .status())
                .isEqualTo(200);
        assertThat(owner.get("/api/webhooks/subscriptions/" + appsId + "/").status())
                .isEqualTo(200);
        // an app without webhooks:manage manages none
        Api reader = new Api("http://localhost:" + port)
                .as(TestTokens.app(42, store, "sales:read"))
                .in(store);
        assertThat(reader.get("/api/webhooks/subscriptions/").text("/code")).isEqualTo("permission_denied");

        // at most twenty a store: the twenty-first is refused, nothing stored
        for (int i = 2; i < properties.maxSubscriptions(); i++) {
            subscribe("/more" + i, "SaleCompleted");
        }
        Api.Response beyond = owner.post(
                "/api/webhooks/subscriptions/",
                json("url", receiver.url("/beyond"), "event_types", List.of("SaleCompleted")));
        assertThat(beyond.status()).as(beyond.toString()).isEqualTo(409);
        assertThat(beyond.text("/code")).isEqualTo("subscription_limit_reached");
        assertThat(beyond.text("/message")).contains(String.valueOf(properties.maxSubscriptions()));
        assertThat(owner.get("/api/webhooks/subscriptions/").body().size()).isEqualTo(properties.maxSubscriptions());
    }

    @Test
    void twoInstancesSendEachDeliveryOnceAndALostInstancesLeaseIsTakenOver() throws Exception {
        WebhookDispatcher second = new WebhookDispatcher(webhooks, deliveries, provisioner, tx, properties);
        second.start();
        try {
            subscribe("/sales", "SaleCompleted");
            Set<String> sent = new java.util.HashSet<>();
            for (int i = 0; i < 30; i++) {
                sent.add(publish(store, "SaleCompleted", Topics.SALES)
                        .path("event_id")
                        .asText());
            }
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> receiver.at("/sales").size() >= 30);
            List<String> ids = receiver.at("/sales").stream()
                    .map(r -> r.header("Kassa-Event-Id"))
                    .toList();
            assertThat(Set.copyOf(ids)).isEqualTo(sent);
            assertThat(ids).as("no delivery sent twice").hasSize(30);
        } finally {
            second.stop();
        }

        // a run of slow deliveries longer than the lease: the instance gives back what it could not send in time
        // instead of letting the other instance take it over while it still sends
        receiver.slow("/slowish", properties.timeout().dividedBy(3));
        String slowish = subscribe("/slowish", "SaleCompleted");
        int run = (int) (properties.lease().toMillis()
                        / properties.timeout().dividedBy(3).toMillis())
                + 3;
        dispatcher.stop();
        Set<String> queued = new java.util.HashSet<>();
        try {
            for (int i = 0; i < run; i++) {
                queued.add(publish(store, "SaleCompleted", Topics.SALES)
                        .path("event_id")
                        .asText());
            }
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> owner.get("/api/webhooks/subscriptions/" + slowish + "/deliveries/")
                                    .at("/count")
                                    .asInt()
                            == run);
        } finally {
            dispatcher.start();
        }
        WebhookDispatcher other = new WebhookDispatcher(webhooks, deliveries, provisioner, tx, properties);
        other.start();
        try {
            await().atMost(Duration.ofSeconds(40))
                    .until(() -> receiver.at("/slowish").size() >= run);
            // a second copy would come when a lease ends: none comes for a lease's length
            await().during(properties.lease())
                    .atMost(properties.lease().plusSeconds(5))
                    .until(() -> receiver.at("/slowish").size() == run);
        } finally {
            other.stop();
        }
        List<String> slowIds = receiver.at("/slowish").stream()
                .map(r -> r.header("Kassa-Event-Id"))
                .toList();
        assertThat(Set.copyOf(slowIds)).isEqualTo(queued);
        assertThat(slowIds).as("no slow delivery sent twice").hasSize(run);

        // an instance leases a due delivery and is lost before it sends it
        String lost = subscribe("/lost", "SaleCompleted");
        dispatcher.stop();
        Instant leased;
        try {
            owner.post("/api/webhooks/subscriptions/" + lost + "/ping/", Map.of());
            leased = Instant.now();
            List<DeliveryRepository.Claim> claims =
                    tx.execute(s -> deliveries.claimDue(100, 100, properties.lease(), List.of()));
            assertThat(claims).extracting(DeliveryRepository.Claim::tenantKey).contains(store);
        } finally {
            dispatcher.start();
        }
        await().atMost(properties.lease().plusSeconds(10))
                .until(() -> receiver.at("/lost").size() == 1);
        assertThat(receiver.at("/lost").get(0).at())
                .isAfterOrEqualTo(leased.plus(properties.lease()).minusMillis(100));
    }
}
