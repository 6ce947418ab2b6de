package dev.kassa.task;

import dev.kassa.platform.tenancy.EmployeeDirectory;
import dev.kassa.platform.test.Api;
import dev.kassa.platform.test.KassaIntegrationTest;
import dev.kassa.platform.test.TestStores;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.OffsetDateTime;

import static dev.kassa.platform.test.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

/** Templates of recurring chores, and tasks made from them. */
@KassaIntegrationTest
class TemplateTests {

    @LocalServerPort
    int port;

    @Autowired
    EmployeeDirectory staff;

    Api as(String store, long user, String role) {
        return Api.member(port, store, user, "u" + user, role);
    }

    @Test
    void anOwnerKeepsTemplatesAndAnyoneTurnsOneIntoATask() {
        String store = TestStores.newKey("tpl");
        staff.save(new EmployeeDirectory.Employee(store, 20, 120, "Кассир Анна", "cashier", "", true));
        Api owner = as(store, 100, "owner");
        Api cashier = as(store, 120, "cashier");
        Api.Response created = owner.post(
                "/api/tasks/templates/",
                json(
                        "title",
                        "Проверить сроки годности",
                        "description",
                        "Молочный отдел",
                        "category",
                        "inventory",
                        "priority",
                        "high",
                        "estimated_hours",
                        "1.5"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long template = created.at("/id").asLong();
        assertThat(cashier.post("/api/tasks/templates/", json("title", "x", "category", "y"))
                        .text("/code"))
                .isEqualTo("permission_denied");
        assertThat(owner.post("/api/tasks/templates/", json("title", "Без категории"))
                        .at("/errors/category")
                        .isArray())
                .isTrue();
        assertThat(cashier.get("/api/tasks/templates/?category=inventory")
                        .at("/count")
                        .asInt())
                .isEqualTo(1);
        assertThat(cashier.get("/api/tasks/templates/?search=молоч")
                        .at("/count")
                        .asInt())
                .isEqualTo(1);

        String due = OffsetDateTime.now().plusDays(1).withNano(0).toString();
        Api.Response task = owner.post(
                "/api/tasks/templates/" + template + "/create_task/",
                json("template_id", template, "assigned_to", 20, "due_date", due));
        assertThat(task.status()).as(task.toString()).isEqualTo(201);
        assertThat(task.text("/title")).isEqualTo("Проверить сроки годности");
        assertThat(task.text("/priority")).isEqualTo("high");
        assertThat(task.text("/estimated_hours")).isEqualTo("1.50");
        assertThat(task.text("/status")).isEqualTo("pending");
        assertThat(cashier.get("/api/tasks/tasks/my-tasks/").body().size()).isEqualTo(1);
        assertThat(owner.post(
                                "/api/tasks/templates/" + template + "/create-task/",
                                json("template_id", template + 1, "assigned_to", 20, "due_date", due))
                        .at("/errors/template_id")
                        .isArray())
                .isTrue();
        assertThat(owner.post(
                                "/api/tasks/templates/" + template + "/create_task/",
                                json("assigned_to", 99, "due_date", due))
                        .at("/errors/assigned_to")
                        .isArray())
                .isTrue();

        assertThat(owner.patch("/api/tasks/templates/" + template + "/", json("is_active", false))
                        .text("/is_active"))
                .isEqualTo("false");
        assertThat(owner.post(
                                "/api/tasks/templates/" + template + "/create_task/",
                                json("assigned_to", 20, "due_date", due))
                        .status())
                .as("an inactive template makes no tasks")
                .isEqualTo(404);
        assertThat(owner.delete("/api/tasks/templates/" + template + "/").status())
                .isEqualTo(204);
        assertThat(owner.get("/api/tasks/templates/" + template + "/").status()).isEqualTo(404);
        assertThat(new Api("http://localhost:" + port)
                        .in(store)
                        .get("/api/tasks/templates/")
                        .status())
                .isEqualTo(401);
        assertThat(as(TestStores.newKey("tpo"), 1, "owner")
                        .in(store)
                        .get("/api/tasks/templates/")
                        .text("/code"))
                .isEqualTo("not_a_member");
    }
}
