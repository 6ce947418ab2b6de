package dev.kassa.sales;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.kassa.platform.events.AccessChanged;
import dev.kassa.platform.events.Topics;
import dev.kassa.platform.test.Api;
import dev.kassa.platform.test.EventSamples;
import dev.kassa.platform.test.KassaIntegrationTest;
import dev.kassa.platform.test.TestStores;
import dev.kassa.platform.test.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static dev.kassa.platform.test.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The kitchen screens' live feeds are bounded (issue 84 point 7): at most 16 open per store on an instance (429
 * {@code too_many_streams}), a closed one's place free again, only the store's stations, and a screen ends within
 * seconds of its token's revocation.
 */
@KassaIntegrationTest
class KitchenStreamTests {

    static final ObjectMapper JSON = new ObjectMapper();

    static final HttpClient SCREENS =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @LocalServerPort
    int port;

    @Autowired
    KafkaTemplate<String, String> kafka;

    /**
     * A kitchen screen's feed as its client sees it: the answer's status and error body, or the lines of the open stream
     * and whether the server has ended it.
     */
    record Feed(
            int status,
            JsonNode body,
            List<String> lines,
            CompletableFuture<Void> ended,
            HttpResponse<Stream<String>> response) {

        String code() {
            return body.path("code").asText();
        }

        /** The client goes without a word (its connection closed). */
        void close() {
            response.body().close();
        }
    }

    static String kitchenToken(String store, long user) {
        return TestTokens.expiring(
                user, "kitchen" + user, Map.of(store, "kitchen"), Instant.now().plusSeconds(180));
    }

    /** Opens the store's screen of the station ("": every station); an open one has said it is ready. */
    Feed feed(String store, String station, String token) throws Exception {
        HttpResponse<Stream<String>> response = SCREENS.sendAsync(
                        HttpRequest.newBuilder(URI.create(
                                        "http://localhost:" + port + "/api/sales/kitchen/stream?station=" + station))
                                .header("Authorization", "Bearer " + token)
                                .header("X-Tenant-Key", store)
                                // as a browser's EventSource asks: a refusal is still the JSON error body
                                .header("Accept", "text/event-stream")
                                .build(),
                        HttpResponse.BodyHandlers.ofLines())
                .get(10, TimeUnit.SECONDS);
        List<String> lines = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> ended = new CompletableFuture<>();
        if (response.statusCode() != 200) {
            String body = response.body().collect(Collectors.joining("\n"));
            ended.complete(null);
            return new Feed(response.statusCode(), JSON.readTree(body), lines, ended, response);
        }
        Thread reader = new Thread(
                () -> {
                    try {
                        response.body().forEach(lines::add);
                    } catch (RuntimeException closedByTheTest) {
                        // the client went
                    } finally {
                        ended.complete(null);
                    }
                },
                "screen-" + store);
        reader.setDaemon(true);
        reader.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> lines.contains("event:ready"));
        return new Feed(200, MissingNode.getInstance(), lines, ended, response);
    }

    @Test
    void aStoreHasAtMostSixteenScreensOpenAndAClosedOneFreesItsPlace() throws Exception {
        String store = TestStores.newKey("ksa");
        String other = TestStores.newKey("ksb");
        String token = kitchenToken(store, 30);
        List<Feed> open = new ArrayList<>();
        try {
            for (int i = 1; i <= 16; i++) {
                Feed screen = feed(store, i % 2 == 0 ? "kitchen" : "", token);
                assertThat(screen.status()).as("screen %d", i).isEqualTo(200);
                open.add(screen);
            }
            Feed seventeenth = feed(store, "kitchen", token);
            assertThat(seventeenth.status()).isEqualTo(429);
            assertThat(seventeenth.code()).isEqualTo("too_many_streams");
            Feed elsewhere = feed(other, "kitchen", kitchenToken(other, 30));
            assertThat(elsewhere.status())
                    .as("another store's screens are counted apart")
                    .isEqualTo(200);
            open.add(elsewhere);

            // a screen goes (its client closes the connection without a word): its place is free again within seconds
            open.remove(0).close();
            List<Feed> reopened = new CopyOnWriteArrayList<>();
            await().atMost(Duration.ofSeconds(40))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> {
                        Feed attempt = feed(store, "kitchen", token);
                        if (attempt.status() == 200) {
                            reopened.add(attempt);
                            return true;
                        }
                        assertThat(attempt.code()).isEqualTo("too_many_streams");
                        return false;
                    });
            open.addAll(reopened);
            assertThat(feed(store, "", token).code()).as("and only its place").isEqualTo("too_many_streams");
        } finally {
            open.forEach(Feed::close);
        }
    }

    @Test
    void aScreenShowsOnlyAStationOfTheStore() throws Exception {
        String store = TestStores.newKey("ksc");
        String token = kitchenToken(store, 30);
        Feed grill = feed(store, "grill", token);
        assertThat(grill.status()).isEqualTo(400);
        assertThat(grill.code()).isEqualTo("invalid");
        assertThat(grill.body().at("/errors/station").isArray()).isTrue();
        Feed malformed = feed(store, "Grill!", token);
        assertThat(malformed.body().at("/errors/station").isArray()).isTrue();

        // once a route sends dishes there, the grill has its screen; the kitchen and every station always have one
        Api manager = Api.member(port, store, 9, "manager9", "manager");
        assertThat(manager.put(
                                "/api/sales/kitchen/routes/",
                                json("routes", List.of(json("category", 3, "station", "grill"))))
                        .status())
                .isEqualTo(200);
        List<Feed> open = new ArrayList<>();
        try {
            for (String station : List.of("grill", "kitchen", "")) {
                Feed screen = feed(store, station, token);
                assertThat(screen.status()).as(station).isEqualTo(200);
                open.add(screen);
            }
        } finally {
            open.forEach(Feed::close);
        }
    }

    @Test
    void aScreenEndsWithinSecondsOfItsTokensRevocation() throws Exception {
        String store = TestStores.newKey("ksd");
        Feed deactivated = feed(store, "kitchen", kitchenToken(store, 31));
        Feed newRole = feed(store, "", kitchenToken(store, 32));
        Feed colleague = feed(store, "kitchen", kitchenToken(store, 33));
        try {
            revoke(store, AccessChanged.EMPLOYEE_DEACTIVATED, 31);
            revoke(store, AccessChanged.ROLE_CHANGED, 32);
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> deactivated.ended().isDone() && newRole.ended().isDone());
            for (Feed ended : List.of(deactivated, newRole)) {
                assertThat(ended.lines()).contains("event:end").anyMatch(l -> l.contains("\"token_revoked\""));
            }
            assertThat(colleague.ended())
                    .as("another employee's screen stays open")
                    .isNotDone();
            assertThat(colleague.lines()).doesNotContain("event:end");
        } finally {
            List.of(deactivated, newRole, colleague).forEach(Feed::close);
        }
    }

    /** Auth announces that the user's access to the store changed (every service consumes it). */
    void revoke(String store, String type, long user) throws Exception {
        kafka.send(Topics.AUTH, store, EventSamples.of(type).message(store, e -> e.set("/tenant_key", store)
                        .set("/user_id", user)
                        .set("/at", Instant.now().toString())))
                .get();
    }
}
