package dev.kassa.task;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kassa.platform.tenancy.EmployeeDirectory;
import dev.kassa.platform.test.Api;
import dev.kassa.platform.test.ApiDocs;
import dev.kassa.platform.test.KassaIntegrationTest;
import dev.kassa.platform.test.SeedExamples;
import dev.kassa.platform.test.TestStores;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.OffsetDateTime;

import static dev.kassa.platform.test.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

@KassaIntegrationTest
class TaskTests {

    @LocalServerPort
    int port;

    @Autowired
    EmployeeDirectory staff;

    Api as(String store, long user, String role) {
        return Api.member(port, store, user, "u" + user, role);
    }

    @Test
    void thePublishedSpecShowsAnExampleOfEveryBodyAndTheOriginalsSpellingsOfAPath() {
        JsonNode docs = new Api("http://localhost:" + port).get("/v3/api-docs").body();
        ApiDocs.assertComplete("task-service", docs);
        assertThat(docs.path("paths").toString()).contains("x-kassa-aliases");
    }

    @Test
    void theApiDocumentsTaskIsCreatedAndVisibleToItsPeopleOnly() {
        String store = TestStores.newKey("tsk");
        // the store's employees, as auth announces them: employee 2 is the account of user 2
        staff.save(new EmployeeDirectory.Employee(store, 2, 2, "Анна Петрова", "cashier", "", true));
        String due = OffsetDateTime.now().plusDays(3).withNano(0).toString();
        // erp-v2-api.md 5.1 (with a due date in the future)
        Api.Response created = as(store, 1, "owner").post("/api/tasks/tasks/", SeedExamples.task(2, due));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.at("/id").asLong()).isPositive();
        assertThat(created.text("/status")).isEqualTo("pending");
        assertThat(created.text("/status_display")).isEqualTo("Ожидает");
        assertThat(created.text("/assigned_to_name")).isEqualTo("Анна Петрова");
        assertThat(as(store, 2, "cashier").get("/api/tasks/tasks/").at("/count").asInt())
                .isEqualTo(1);
        assertThat(as(store, 3, "cashier").get("/api/tasks/tasks/").at("/count").asInt())
                .isZero();
        assertThat(as(store, 9, "manager")
                        .get("/api/tasks/tasks/?priority=high")
                        .at("/count")
                        .asInt())
                .isEqualTo(1);
        assertThat(as(TestStores.newKey("tsk"), 1, "owner")
                        .get("/api/tasks/tasks/")
                        .at("/count")
                        .asInt())
                .isZero();
    }

    @Test
    void aStockTakeTaskNamesItsCountAndNoOtherTaskDoes() {
        String store = TestStores.newKey("tsk");
        staff.save(new EmployeeDirectory.Employee(store, 2, 2, "Анна Петрова", "stockkeeper", "", true));
        Api owner = as(store, 1, "owner");
        String due = OffsetDateTime.now().plusDays(1).withNano(0).toString();
        // erp-v2's own example of a task: a stock-take, here naming catalog's count 12
        Api.Response created = owner.post(
                "/api/tasks/tasks/",
                json(
                        "title",
                        "Провести инвентаризацию склада",
                        "category",
                        "inventory",
                        "assigned_to",
                        2,
                        "due_date",
                        due,
                        "stock_count",
                        12));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.at("/stock_count").asLong()).isEqualTo(12);
        long id = created.at("/id").asLong();
        assertThat(as(store, 2, "stockkeeper")
                        .get("/api/tasks/tasks/" + id + "/")
                        .at("/stock_count")
                        .asLong())
                .isEqualTo(12);

        Api.Response other = owner.post(
                "/api/tasks/tasks/",
                json(
                        "title",
                        "Помыть витрину",
                        "category",
                        "cleaning",
                        "assigned_to",
                        2,
                        "due_date",
                        due,
                        "stock_count",
                        12));
        assertThat(other.status()).isEqualTo(400);
        assertThat(other.at("/errors/stock_count/0").asText()).contains("inventory");
        assertThat(owner.post(
                                "/api/tasks/tasks/",
                                json(
                                        "title",
                                        "x",
                                        "category",
                                        "inventory",
                                        "assigned_to",
                                        2,
                                        "due_date",
                                        due,
                                        "stock_count",
                                        -1))
                        .status())
                .isEqualTo(400);
        Api.Response moved = owner.patch("/api/tasks/tasks/" + id + "/", json("category", "cleaning"));
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        assertThat(moved.at("/stock_count").isNull())
                .as("a task moved out of inventory names no count")
                .isTrue();
    }

    @Test
    void badInputAndStrangersAreRefused() {
        String store = TestStores.newKey("tsk");
        Api.Response bad =
                as(store, 1, "owner").post("/api/tasks/tasks/", json("priority", "whenever", "due_date", "tomorrow"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.at("/errors").fieldNames())
                .toIterable()
                .contains("title", "priority", "assigned_to", "due_date");
        Api.Response past = as(store, 1, "owner")
                .post("/api/tasks/tasks/", json("title", "x", "assigned_to", 2, "due_date", "2020-01-20T18:00:00Z"));
        assertThat(past.text("/errors/due_date/0")).isEqualTo("Срок выполнения не может быть в прошлом");
    }
}
