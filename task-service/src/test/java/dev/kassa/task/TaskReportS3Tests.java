package dev.kassa.task;

import com.sun.net.httpserver.HttpServer;
import dev.kassa.platform.tenancy.EmployeeDirectory;
import dev.kassa.platform.test.Api;
import dev.kassa.platform.test.KassaIntegrationTest;
import dev.kassa.platform.test.TestStores;
import dev.kassa.platform.test.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.kassa.platform.test.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The file store with {@code kassa.files.storage=s3}: photos go to the bucket under the store's schema, the row keeps
 * only what they are, and they come back through the same address. The bucket is a small S3 stand-in that keeps objects
 * in memory and insists on signed requests (the SDK's own wire format, path-style addresses).
 */
@KassaIntegrationTest
class TaskReportS3Tests {

    static final Map<String, byte[]> OBJECTS = new ConcurrentHashMap<>();
    static final List<String> AUTHORIZATIONS = new CopyOnWriteArrayList<>();
    static final HttpServer BUCKET = bucket();

    @DynamicPropertySource
    static void s3(DynamicPropertyRegistry properties) {
        properties.add("kassa.files.storage", () -> "s3");
        properties.add(
                "kassa.files.s3.endpoint",
                () -> "http://127.0.0.1:" + BUCKET.getAddress().getPort());
        properties.add("kassa.files.s3.bucket", () -> "kassa-photos");
        properties.add("kassa.files.s3.access-key", () -> "test-access");
        properties.add("kassa.files.s3.secret-key", () -> "test-secret");
    }

    @AfterAll
    static void stop() {
        BUCKET.stop(0);
    }

    @LocalServerPort
    int port;

    @Autowired
    EmployeeDirectory staff;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void photosAreKeptInTheBucketAndServedBackThroughTheSameAddress() {
        String store = TestStores.newKey("s3r");
        staff.save(new EmployeeDirectory.Employee(store, 10, 110, "Менеджер Малика", "manager", "", true));
        staff.save(new EmployeeDirectory.Employee(store, 20, 120, "Кассир Анна", "cashier", "", true));
        Api manager = new Api("http://localhost:" + port)
                .as(TestTokens.token(110, "u110", Map.of(store, "manager")))
                .in(store);
        Api anna = new Api("http://localhost:" + port)
                .as(TestTokens.token(120, "u120", Map.of(store, "cashier")))
                .in(store);
        long task = manager.post(
                        "/api/tasks/tasks/",
                        json(
                                "title",
                                "Фото витрины",
                                "assigned_to",
                                20,
                                "due_date",
                                OffsetDateTime.now().plusHours(3).withNano(0).toString()))
                .at("/id")
                .asLong();
        anna.post("/api/tasks/tasks/" + task + "/start/", null);

        Api.Response sent = anna.multipart(
                "POST",
                "/api/tasks/reports/",
                new Api.Form()
                        .field("task", task)
                        .field("description", "Витрина")
                        .field("actual_hours", "1")
                        .file("photos", "front.png", "image/png", Api.Images.png()));
        assertThat(sent.status()).as(sent.toString()).isEqualTo(201);
        String id = sent.text("/photos/0/photo").replaceAll(".*/files/([^/]+)/?$", "$1");
        String schema = TestStores.schema(store).replace("\"", "");
        assertThat(OBJECTS).containsKey("kassa-photos/" + schema + "/" + id);
        assertThat(OBJECTS.get("kassa-photos/" + schema + "/" + id)).isEqualTo(Api.Images.png());
        assertThat(AUTHORIZATIONS).allMatch(a -> a.startsWith("AWS4-HMAC-SHA256 Credential=test-access/"));
        assertThat(jdbc.queryForObject(
                        "select storage || ':' || (bytes is null) from \"" + schema
                                + "\".kassa_file where id = ?::uuid",
                        String.class,
                        id))
                .as("the row keeps what the file is, not its bytes")
                .isEqualTo("s3:true");

        Api.Response photo = manager.get(sent.text("/photos/0/photo"));
        assertThat(photo.header("Content-Type")).isEqualTo("image/png");
        assertThat(photo.bytes()).isEqualTo(Api.Images.png());

        // a report refused after its first photo was uploaded leaves nothing in the bucket
        int before = OBJECTS.size();
        Api.Response refused = anna.multipart(
                "POST",
                "/api/tasks/reports/",
                new Api.Form()
                        .field("task", task)
                        .field("description", "ещё")
                        .field("actual_hours", "1")
                        .file("photos", "ok.png", "image/png", Api.Images.png())
                        .file("photos", "bad.jpg", "image/jpeg", "not an image".getBytes()));
        assertThat(refused.status()).isEqualTo(415);
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(OBJECTS).hasSize(before));

        // a deleted report takes its photo out of the bucket once the deletion is committed
        assertThat(manager.delete("/api/tasks/reports/" + sent.at("/id").asLong() + "/")
                        .status())
                .isEqualTo(204);
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(OBJECTS).doesNotContainKey("kassa-photos/" + schema + "/" + id));
        assertThat(manager.get(sent.text("/photos/0/photo")).status()).isEqualTo(404);
    }

    /** An S3 stand-in: PUT, GET and DELETE of objects at path-style addresses, signed requests only. */
    static HttpServer bucket() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                String key = exchange.getRequestURI().getPath().substring(1);
                String authorization = exchange.getRequestHeaders().getFirst("Authorization");
                byte[] body = exchange.getRequestBody().readAllBytes();
                if (authorization == null) {
                    exchange.sendResponseHeaders(403, -1);
                    exchange.close();
                    return;
                }
                AUTHORIZATIONS.add(authorization);
                switch (exchange.getRequestMethod()) {
                    case "PUT" -> {
                        OBJECTS.put(key, body);
                        exchange.getResponseHeaders()
                                .add("ETag", "\"" + Integer.toHexString(Arrays.hashCode(body)) + "\"");
                        exchange.sendResponseHeaders(200, -1);
                    }
                    case "GET" -> {
                        byte[] object = OBJECTS.get(key);
                        if (object == null) {
                            byte[] error = "<Error><Code>NoSuchKey</Code></Error>".getBytes();
                            exchange.sendResponseHeaders(404, error.length);
                            exchange.getResponseBody().write(error);
                        } else {
                            exchange.getResponseHeaders().add("Content-Type", "application/octet-stream");
                            exchange.sendResponseHeaders(200, object.length);
                            exchange.getResponseBody().write(object);
                        }
                    }
                    case "DELETE" -> {
                        OBJECTS.remove(key);
                        exchange.sendResponseHeaders(204, -1);
                    }
                    default -> exchange.sendResponseHeaders(405, -1);
                }
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
