package dev.kassa.analytics;

import dev.kassa.platform.events.Topics;
import dev.kassa.platform.test.Api;
import dev.kassa.platform.test.EventSamples;
import dev.kassa.platform.test.KassaIntegrationTest;
import dev.kassa.platform.test.TestStores;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The plant's dashboard (issue 87 point 9), from production's events as their samples describe them: each line's status
 * and for how long, the latest activities, and the alerts (a line down too long, orders late or at risk); an event
 * delivered twice counts once.
 */
@KassaIntegrationTest
class ProductionDashboardTests {

    @LocalServerPort
    int port;

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Test
    void theDashboardShowsTheLinesTheActivitiesAndWhatNeedsAManager() {
        String store = TestStores.newKey("pdb");
        Api manager = Api.member(port, store, 2, "m", "manager");
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Tashkent"));

        EventSamples.Sample down = EventSamples.of("LineStatusChanged");
        down.assertConsumedBy("analytics-service");
        String broke = down.message(
                store,
                e -> e.set(
                        "/changed_at", Instant.now().minus(Duration.ofHours(2)).toString()));
        kafka.send(Topics.PRODUCTION, store, broke).join();
        kafka.send(Topics.PRODUCTION, store, broke).join();

        EventSamples.Sample created = EventSamples.of("ProductionOrderCreated");
        created.assertConsumedBy("analytics-service");
        kafka.send(Topics.PRODUCTION, store, created.message(store, e -> e.set("/order_id", 1)
                        .set("/number", "PR-000001")
                        .set("/due_date", today.minusDays(1).toString())))
                .join();
        kafka.send(Topics.PRODUCTION, store, created.message(store, e -> e.set("/order_id", 2)
                        .set("/number", "PR-000002")
                        .set("/due_date", today.plusDays(1).toString())))
                .join();
        kafka.send(Topics.PRODUCTION, store, created.message(store, e -> e.set("/order_id", 3)
                        .set("/number", "PR-000003")
                        .set("/due_date", today.minusDays(3).toString())))
                .join();
        EventSamples.Sample moved = EventSamples.of("ProductionOrderStatusChanged");
        moved.assertConsumedBy("analytics-service");
        kafka.send(Topics.PRODUCTION, store, moved.message(store, e -> e.set("/order_id", 3)
                        .set("/number", "PR-000003")
                        .set("/changed_at", Instant.now().toString())))
                .join();

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(manager.get("/api/analytics/production/activities/")
                                .at("/results")
                                .size())
                        .isEqualTo(5));
        Api.Response lines = manager.get("/api/analytics/production/lines/");
        assertThat(lines.text("/lines/0/code")).isEqualTo("EXTRUDER-1");
        assertThat(lines.text("/lines/0/status")).isEqualTo("down");
        assertThat(lines.at("/lines/0/minutes").asLong()).isGreaterThanOrEqualTo(119);
        Api.Response alerts = manager.get("/api/analytics/production/alerts/");
        assertThat(alerts.at("/count").asInt()).as(alerts.toString()).isEqualTo(3);
        assertThat(alerts.text("/results/0/kind")).isEqualTo("line_down");
        assertThat(alerts.text("/results/1/kind")).isEqualTo("order_late");
        assertThat(alerts.text("/results/1/subject")).isEqualTo("PR-000001");
        assertThat(alerts.text("/results/2/kind")).isEqualTo("order_at_risk");
        assertThat(alerts.text("/results/2/subject"))
                .as("the cancelled order is no alert")
                .isEqualTo("PR-000002");
        assertThat(Api.member(port, store, 7, "op", "operator")
                        .get("/api/analytics/production/lines/")
                        .status())
                .isEqualTo(200);
        assertThat(Api.member(port, store, 5, "c", "cashier")
                        .get("/api/analytics/production/alerts/")
                        .status())
                .isEqualTo(403);
    }
}
