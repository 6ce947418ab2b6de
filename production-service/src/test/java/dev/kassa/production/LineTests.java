package dev.kassa.production;

import dev.kassa.platform.test.Api;
import dev.kassa.platform.test.ApiDocs;
import dev.kassa.platform.test.KassaIntegrationTest;
import dev.kassa.platform.test.TestStores;
import dev.kassa.platform.test.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.List;
import java.util.Map;

import static dev.kassa.platform.test.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Work centres (issue 87 point 1): an owner sets up the plant's lines with their calendars, operators move their status
 * on the floor (every move kept), an operator sees no costs; refusals change nothing.
 */
@KassaIntegrationTest
class LineTests {

    @LocalServerPort
    int port;

    Api as(String store, long user, String role) {
        return Api.member(port, store, user, "u" + user, role);
    }

    static Map<String, Object> shift(int weekday, String opens, String closes) {
        return json("weekday", weekday, "opens", opens, "closes", closes);
    }

    @Test
    void thePublishedSpecShowsAnExampleOfEveryBodyAndItsErrors() {
        ApiDocs.assertComplete(
                "production-service",
                new Api("http://localhost:" + port).get("/v3/api-docs").body());
    }

    @Test
    void anOwnerSetsUpLinesWithTheirCalendarsAndOperatorsSeeThemWithoutCosts() {
        String store = TestStores.newKey("lin");
        Api owner = as(store, 1, "owner");
        Api operator = as(store, 7, "operator");
        Api.Response made = owner.post(
                "/api/production/lines/",
                json(
                        "code", "EXTRUDER-1",
                        "name", "Экструдер 1",
                        "kind", "extruder",
                        "cost_per_hour", "450000",
                        "calendar",
                                json(
                                        "hours",
                                        List.of(
                                                shift(1, "06:00", "14:00"),
                                                shift(1, "14:00", "22:00"),
                                                shift(6, "08:00", "00:00")),
                                        "closed_days",
                                        List.of(json("date", "2026-12-31", "reason", "Обслуживание")))));
        assertThat(made.status()).as(made.toString()).isEqualTo(201);
        long line = made.at("/id").asLong();
        assertThat(made.text("/status")).isEqualTo("idle");
        assertThat(made.text("/stock_store")).isEqualTo(store);
        assertThat(made.text("/cost_per_hour")).isEqualTo("450000.00");
        assertThat(made.at("/calendar/hours").size()).isEqualTo(3);
        assertThat(made.text("/calendar/hours/2/closes")).isEqualTo("00:00");
        assertThat(made.text("/calendar/closed_days/0/date")).isEqualTo("2026-12-31");
        owner.post("/api/production/lines/", json("code", "PRINT-LINE-1", "name", "Печать 1", "kind", "printer"));

        Api.Response seen = operator.get("/api/production/lines/" + line + "/");
        assertThat(seen.status()).isEqualTo(200);
        assertThat(seen.body().has("cost_per_hour"))
                .as("an operator sees no costs")
                .isFalse();
        assertThat(owner.get("/api/production/lines/?kind=printer").at("/count").asInt())
                .isEqualTo(1);
        assertThat(operator.get("/api/production/lines/?search=экстр").text("/results/0/code"))
                .isEqualTo("EXTRUDER-1");

        // a PATCH changes what it names; a calendar given replaces the whole calendar
        Api.Response changed = owner.patch(
                "/api/production/lines/" + line + "/",
                json("name", "Экструдер №1", "calendar", json("hours", List.of(shift(2, "08:00", "17:00")))));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.text("/name")).isEqualTo("Экструдер №1");
        assertThat(changed.text("/code")).isEqualTo("EXTRUDER-1");
        assertThat(changed.at("/calendar/hours").size()).isEqualTo(1);
        assertThat(changed.at("/calendar/closed_days").size()).isZero();
    }

    @Test
    void badLinesAndLinesOfOthersAreRefusedAndNothingChanges() {
        String store = TestStores.newKey("lnb");
        Api owner = as(store, 1, "owner");
        long line = owner.post("/api/production/lines/", json("code", "OVEN-1", "name", "Печь"))
                .at("/id")
                .asLong();

        Api.Response taken = owner.post("/api/production/lines/", json("code", "oven-1", "name", "Другая"));
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.text("/code")).isEqualTo("line_code_taken");

        Api.Response bad = owner.post(
                "/api/production/lines/",
                json(
                        "code", "bad code!",
                        "cost_per_hour", "-5",
                        "stock_store", "elsewhere_0000abcd",
                        "calendar",
                                json(
                                        "hours",
                                        List.of(
                                                shift(8, "08:00", "17:00"),
                                                shift(1, "25:00", "17:00"),
                                                shift(2, "17:00", "08:00"),
                                                shift(3, "08:00", "17:00"),
                                                shift(3, "16:00", "20:00")),
                                        "closed_days",
                                        List.of(
                                                json("date", "2026-12-31"),
                                                json("date", " 2026-12-31"),
                                                json("date", "")))));
        assertThat(bad.status()).as(bad.toString()).isEqualTo(400);
        assertThat(bad.body().path("errors").fieldNames())
                .toIterable()
                .contains(
                        "code",
                        "name",
                        "cost_per_hour",
                        "stock_store",
                        "calendar.hours.0.weekday",
                        "calendar.hours.1.opens",
                        "calendar.hours.2.closes",
                        "calendar.hours.4.opens",
                        "calendar.closed_days.1.date",
                        "calendar.closed_days.2.date");
        assertThat(owner.get("/api/production/lines/").at("/count").asInt()).isEqualTo(1);

        assertThat(as(store, 5, "cashier")
                        .post("/api/production/lines/", json("code", "X", "name", "X"))
                        .status())
                .isEqualTo(403);
        assertThat(as(store, 5, "cashier").get("/api/production/lines/").status())
                .as("a cashier has no business on the plant's lines")
                .isEqualTo(403);
        assertThat(as(store, 7, "operator")
                        .patch("/api/production/lines/" + line + "/", json("name", "Моя печь"))
                        .status())
                .isEqualTo(403);
        assertThat(new Api("http://localhost:" + port)
                        .in(store)
                        .get("/api/production/lines/")
                        .status())
                .isEqualTo(401);
        String other = TestStores.newKey("lno");
        assertThat(as(other, 1, "owner")
                        .get("/api/production/lines/" + line + "/")
                        .status())
                .as("another store's line is none of this store's")
                .isEqualTo(404);
        assertThat(new Api("http://localhost:" + port)
                        .as(TestTokens.token(1, "u1", Map.of(other, "owner")))
                        .in(store)
                        .get("/api/production/lines/")
                        .status())
                .as("a store the token does not name")
                .isEqualTo(403);
        assertThat(owner.get("/api/production/lines/" + line + "/").text("/name"))
                .isEqualTo("Печь");
    }

    @Test
    void operatorsMoveALinesStatusAndEveryMoveIsKept() {
        String store = TestStores.newKey("lst");
        Api owner = as(store, 1, "owner");
        Api operator = as(store, 7, "operator");
        long line = owner.post("/api/production/lines/", json("code", "SLITTER-1", "name", "Резка 1"))
                .at("/id")
                .asLong();
        String status = "/api/production/lines/" + line + "/status/";

        assertThat(operator.post(status, json("status", "setup")).text("/status"))
                .isEqualTo("setup");
        assertThat(operator.post(status, json("status", "running")).text("/status"))
                .isEqualTo("running");
        Api.Response noReason = operator.post(status, json("status", "down"));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.at("/errors/reason").isArray()).isTrue();
        Api.Response down = operator.post(status, json("status", "down", "reason", "Обрыв плёнки"));
        assertThat(down.text("/status")).isEqualTo("down");
        assertThat(down.text("/status_reason")).isEqualTo("Обрыв плёнки");

        Api.Response straightBack = operator.post(status, json("status", "running"));
        assertThat(straightBack.status())
                .as("a line that is down comes back idle first")
                .isEqualTo(409);
        assertThat(straightBack.text("/code")).isEqualTo("line_status");
        assertThat(straightBack.text("/line_status")).isEqualTo("down");
        assertThat(operator.post(status, json("status", "broken"))
                        .at("/errors/status")
                        .isArray())
                .isTrue();
        assertThat(operator.post(status, json("status", "idle")).text("/status"))
                .isEqualTo("idle");
        assertThat(operator.post(status, json("status", "idle")).status())
                .as("the same status again is no move")
                .isEqualTo(200);

        Api.Response history = owner.get("/api/production/lines/" + line + "/history/");
        assertThat(history.at("/count").asInt()).as(history.toString()).isEqualTo(5);
        assertThat(history.text("/results/0/status")).isEqualTo("idle");
        assertThat(history.text("/results/1/status")).isEqualTo("down");
        assertThat(history.text("/results/1/reason")).isEqualTo("Обрыв плёнки");
        assertThat(history.at("/results/1/changed_by").asLong()).isEqualTo(7);
        assertThat(history.text("/results/4/status")).isEqualTo("idle");
        assertThat(as(store, 5, "cashier")
                        .post(status, json("status", "running"))
                        .status())
                .isEqualTo(403);
        assertThat(owner.get("/api/production/lines/99999/history/").status()).isEqualTo(404);
    }
}
