package dev.kassa.task;

import dev.kassa.platform.tenancy.EmployeeDirectory;
import dev.kassa.platform.tenancy.TenantRegistry;
import dev.kassa.platform.test.Api;
import dev.kassa.platform.test.KassaIntegrationTest;
import dev.kassa.platform.test.TestStores;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import static dev.kassa.platform.test.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

/** The workflow of issue 12: a manager assigns a shelf check, the cashier works it, it is rejected, reworked and approved. */
@KassaIntegrationTest
class TaskWorkflowTests {

    @LocalServerPort
    int port;

    @Autowired
    EmployeeDirectory staff;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TenantRegistry stores;

    Api as(String store, long user, String role) {
        return StoreStaff.as(port, store, user, role);
    }

    String store() {
        return StoreStaff.store(staff, "wfl");
    }

    @Test
    void aShelfCheckIsAssignedWorkedRejectedReworkedAndApproved() {
        String store = store();
        Api manager = as(store, 110, "manager");
        Api anna = as(store, 120, "cashier");
        Api bobur = as(store, 130, "cashier");
        Api.Response created = manager.post(
                "/api/tasks/tasks/",
                json(
                        "title",
                        "Проверить полку с напитками",
                        "description",
                        "Ценники и сроки",
                        "assigned_to",
                        20,
                        "priority",
                        "urgent",
                        "category",
                        "inventory",
                        "estimated_hours",
                        "1.5",
                        "due_date",
                        LocalDateTime.now(ZoneId.of("Asia/Tashkent"))
                                .plusHours(5)
                                .withNano(0)
                                .toString()));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long task = created.at("/id").asLong();
        assertThat(created.text("/created_by_name")).isEqualTo("Менеджер Малика");
        assertThat(created.text("/assigned_to_name")).isEqualTo("Кассир Анна");
        assertThat(created.text("/time_left")).endsWith("ч");
        assertThat(created.text("/priority_display")).isEqualTo("Срочно");

        // only the assignee starts; a cashier who may not see it gets nothing
        assertThat(manager.post("/api/tasks/tasks/" + task + "/start/", null).text("/code"))
                .isEqualTo("permission_denied");
        assertThat(bobur.post("/api/tasks/tasks/" + task + "/start/", null).status())
                .isEqualTo(404);
        assertThat(bobur.get("/api/tasks/tasks/" + task + "/").status()).isEqualTo(404);
        Api.Response started = anna.post("/api/tasks/tasks/" + task + "/start/", null);
        assertThat(started.text("/status")).isEqualTo("in_progress");
        assertThat(started.at("/started_at").isNull()).isFalse();
        Api.Response again = anna.post("/api/tasks/tasks/" + task + "/start/", null);
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.text("/code")).isEqualTo("invalid_status");
        assertThat(again.text("/status"))
                .as("the error body's envelope, never the task's status")
                .isEqualTo("error");
        assertThat(again.text("/current_status")).as("the current status").isEqualTo("in_progress");

        assertThat(anna.post("/api/tasks/comments/", json("task", task, "comment", "Не хватает ценников на Колу"))
                        .status())
                .isEqualTo(201);
        assertThat(manager.get("/api/tasks/comments/?task=" + task)
                        .at("/0/author_name")
                        .asText())
                .isEqualTo("Кассир Анна");
        assertThat(bobur.get("/api/tasks/comments/?task=" + task).status())
                .as("comments follow the task")
                .isEqualTo(404);

        assertThat(anna.post("/api/tasks/tasks/" + task + "/submit-for-review/", null)
                        .text("/status"))
                .isEqualTo("on_review");
        assertThat(anna.post("/api/tasks/tasks/" + task + "/approve/", null).text("/code"))
                .as("cashiers never approve")
                .isEqualTo("permission_denied");
        assertThat(manager.post("/api/tasks/tasks/" + task + "/reject/", json())
                        .at("/errors/reason")
                        .isArray())
                .isTrue();
        Api.Response rejected =
                manager.post("/api/tasks/tasks/" + task + "/reject/", json("reason", "На фото не видно ценников"));
        assertThat(rejected.text("/status")).isEqualTo("rejected");
        assertThat(rejected.text("/rejection_reason")).isEqualTo("На фото не видно ценников");

        // rework: start again, submit, approve
        assertThat(anna.post("/api/tasks/tasks/" + task + "/start/", null).text("/status"))
                .isEqualTo("in_progress");
        assertThat(anna.post("/api/tasks/tasks/" + task + "/submit_for_review/", null)
                        .text("/status"))
                .isEqualTo("on_review");
        Api.Response approved = manager.post("/api/tasks/tasks/" + task + "/approve/", null);
        assertThat(approved.text("/status")).isEqualTo("completed");
        assertThat(approved.at("/completed_at").isNull()).isFalse();
        assertThat(approved.at("/time_left").isNull()).isTrue();
        assertThat(approved.at("/comments").size()).isEqualTo(1);
        assertThat(manager.post("/api/tasks/tasks/" + task + "/cancel/", null).text("/current_status"))
                .as("completed is final")
                .isEqualTo("completed");

        Api.Response stats = manager.get("/api/tasks/tasks/stats/");
        assertThat(stats.text("/total")).isEqualTo("1");
        assertThat(stats.text("/by_status/completed")).isEqualTo("1");
        assertThat(stats.text("/by_priority/urgent")).isEqualTo("1");
        assertThat(anna.get("/api/tasks/tasks/my_tasks/").body().size()).isEqualTo(1);
        assertThat(manager.get("/api/tasks/tasks/created-by-me/").body().size()).isEqualTo(1);
        assertThat(bobur.get("/api/tasks/tasks/my-tasks/").body().size()).isZero();
    }

    @Test
    void listsFiltersAndOrderingFollowVisibilityAndSeverity() {
        String store = store();
        Api manager = as(store, 110, "manager");
        // due later today in the store's zone (Asia/Tashkent): in an hour, or halfway to midnight in the store's last
        // hour
        ZonedDateTime now = ZonedDateTime.now(ZoneId.of("Asia/Tashkent"));
        Duration toMidnight =
                Duration.between(now, now.toLocalDate().plusDays(1).atStartOfDay(now.getZone()));
        String inAnHour = now.plus(
                        Duration.ofHours(1).compareTo(toMidnight.dividedBy(2)) < 0
                                ? Duration.ofHours(1)
                                : toMidnight.dividedBy(2))
                .withNano(0)
                .toOffsetDateTime()
                .toString();
        long low = manager.post(
                        "/api/tasks/tasks/",
                        json("title", "Протереть витрину", "assigned_to", 30, "priority", "low", "due_date", inAnHour))
                .at("/id")
                .asLong();
        long high = manager.post(
                        "/api/tasks/tasks/",
                        json(
                                "title",
                                "Принять поставку",
                                "assigned_to",
                                20,
                                "priority",
                                "high",
                                "category",
                                "receiving",
                                "due_date",
                                inAnHour))
                .at("/id")
                .asLong();
        assertThat(manager.get("/api/tasks/tasks/?ordering=-priority")
                        .at("/results/0/id")
                        .asLong())
                .as("by severity")
                .isEqualTo(high);
        assertThat(manager.get("/api/tasks/tasks/?ordering=priority")
                        .at("/results/0/id")
                        .asLong())
                .isEqualTo(low);
        assertThat(manager.get("/api/tasks/tasks/?assigned_to=30").at("/count").asInt())
                .isEqualTo(1);
        assertThat(manager.get("/api/tasks/tasks/?category=receiving")
                        .at("/count")
                        .asInt())
                .isEqualTo(1);
        assertThat(manager.get("/api/tasks/tasks/?search=витрин").at("/count").asInt())
                .isEqualTo(1);
        assertThat(manager.get("/api/tasks/tasks/?created_by=10").at("/count").asInt())
                .isEqualTo(2);
        assertThat(manager.get("/api/tasks/tasks/today/").body().size()).isEqualTo(2);
        assertThat(as(store, 130, "cashier")
                        .get("/api/tasks/tasks/")
                        .at("/count")
                        .asInt())
                .isEqualTo(1);
        assertThat(manager.get("/api/tasks/tasks/overdue/").body().size()).isZero();

        // the creator (or an owner, manager) edits; the assignee may not
        assertThat(as(store, 130, "cashier")
                        .patch("/api/tasks/tasks/" + low + "/", json("priority", "urgent"))
                        .text("/code"))
                .isEqualTo("permission_denied");
        Api.Response patched =
                manager.patch("/api/tasks/tasks/" + low + "/", json("priority", "medium", "assigned_to", 20));
        assertThat(patched.text("/priority")).isEqualTo("medium");
        assertThat(patched.text("/title")).as("PATCH keeps the rest").isEqualTo("Протереть витрину");
        assertThat(as(store, 120, "cashier")
                        .get("/api/tasks/tasks/")
                        .at("/count")
                        .asInt())
                .isEqualTo(2);
        assertThat(manager.delete("/api/tasks/tasks/" + low + "/").status()).isEqualTo(204);
        assertThat(manager.get("/api/tasks/tasks/" + low + "/").status()).isEqualTo(404);
    }

    @Test
    void theSeedDocumentsStepsAndCommentsByIdWork() {
        String store = store();
        Api manager = as(store, 110, "manager");
        Api anna = as(store, 120, "cashier");
        Api bobur = as(store, 130, "cashier");
        long task = manager.post(
                        "/api/tasks/tasks/",
                        json(
                                "title",
                                "Пересчитать кассу 2",
                                "assigned_to",
                                20,
                                "due_date",
                                OffsetDateTime.now().plusHours(5).withNano(0).toString()))
                .at("/id")
                .asLong();

        // "complete" is the step that finishes the caller's part: pending has none, in progress it submits, on review
        // it approves
        Api.Response early = anna.post("/api/tasks/tasks/" + task + "/complete/", null);
        assertThat(early.status()).isEqualTo(400);
        assertThat(early.text("/code")).isEqualTo("invalid_status");
        assertThat(early.text("/current_status")).isEqualTo("pending");
        assertThat(anna.post("/api/tasks/tasks/" + task + "/start/", null).text("/status"))
                .isEqualTo("in_progress");
        assertThat(bobur.post("/api/tasks/tasks/" + task + "/complete/", null).status())
                .as("not his task")
                .isEqualTo(404);
        assertThat(anna.post("/api/tasks/tasks/" + task + "/complete/", null).text("/status"))
                .isEqualTo("on_review");
        assertThat(anna.post("/api/tasks/tasks/" + task + "/complete/", null).text("/code"))
                .as("cashiers never approve")
                .isEqualTo("permission_denied");
        // the seed document's reject body: {"comment": …}
        Api.Response rejected =
                manager.post("/api/tasks/tasks/" + task + "/reject/", json("comment", "Не все пункты выполнены"));
        assertThat(rejected.status()).as(rejected.toString()).isEqualTo(200);
        assertThat(rejected.text("/rejection_reason")).isEqualTo("Не все пункты выполнены");
        anna.post("/api/tasks/tasks/" + task + "/start/", null);

        // a comment by id; its author edits it (PUT or PATCH) for 15 minutes, a manager at any time; others may not
        long comment = anna.post("/api/tasks/comments/", json("task", task, "text", "Касса 2 сходится"))
                .at("/id")
                .asLong();
        Api.Response one = manager.get("/api/tasks/comments/" + comment + "/");
        assertThat(one.status()).as(one.toString()).isEqualTo(200);
        assertThat(one.text("/text")).isEqualTo("Касса 2 сходится");
        assertThat(bobur.get("/api/tasks/comments/" + comment + "/").status())
                .as("comments follow the task")
                .isEqualTo(404);
        assertThat(manager.get("/api/tasks/comments/999999/").text("/code")).isEqualTo("not_found");
        assertThat(anna.put("/api/tasks/comments/" + comment + "/", json("text", "Касса 2 сходится до сума"))
                        .text("/text"))
                .isEqualTo("Касса 2 сходится до сума");
        assertThat(anna.put("/api/tasks/comments/" + comment + "/", json("text", " "))
                        .at("/errors/text")
                        .isArray())
                .isTrue();
        jdbc.update(
                "update " + TestStores.schema(store)
                        + ".task_comments set created_at = now() - interval '16 minutes' where id = ?",
                comment);
        Api.Response late = anna.put("/api/tasks/comments/" + comment + "/", json("text", "Поправил"));
        assertThat(late.status()).isEqualTo(403);
        assertThat(late.text("/message")).contains("15");
        assertThat(manager.put("/api/tasks/comments/" + comment + "/", json("text", "Проверено менеджером"))
                        .text("/text"))
                .isEqualTo("Проверено менеджером");
        anna.post("/api/tasks/tasks/" + task + "/complete/", null);
        assertThat(manager.post("/api/tasks/tasks/" + task + "/complete/", null).text("/status"))
                .isEqualTo("completed");
        assertThat(new Api("http://localhost:" + port)
                        .in(store)
                        .get("/api/tasks/comments/" + comment + "/")
                        .status())
                .isEqualTo(401);
        assertThat(StoreStaff.as(port, TestStores.newKey("wfx"), 110, "manager")
                        .in(store)
                        .get("/api/tasks/comments/" + comment + "/")
                        .text("/code"))
                .isEqualTo("not_a_member");
    }

    @Test
    void theOriginalWebClientsTaskPageWorksThroughItsOwnCalls() {
        // the gateway turns the client's /api/tasks/ and /api/tasks//{id}/… into these paths (GatewayTests)
        String store = store();
        Api manager = as(store, 110, "manager");
        Api anna = as(store, 120, "cashier");
        Api.Response created = manager.post(
                "/api/tasks/tasks/",
                json(
                        "title",
                        "Принять товар",
                        "assigned_to",
                        20,
                        "store",
                        3,
                        "due_date",
                        OffsetDateTime.now().plusHours(5).withNano(0).toString()));
        assertThat(created.status())
                .as("the client's store field is the X-Tenant-Key's business: " + created)
                .isEqualTo(201);
        long task = created.at("/id").asLong();
        String base = "/api/tasks/tasks/" + task;

        assertThat(anna.post(base + "/update_status/", json("status", "in_progress"))
                        .text("/status"))
                .isEqualTo("in_progress");
        Api.Response back = anna.post(base + "/update_status/", json("status", "pending"));
        assertThat(back.status()).isEqualTo(400);
        assertThat(back.at("/errors/status").isArray()).isTrue();
        assertThat(anna.post(base + "/update_status/", json())
                        .at("/errors/status")
                        .isArray())
                .isTrue();
        Api.Response comment = anna.post(base + "/add_comment/", json("text", "Машина приехала"));
        assertThat(comment.status()).as(comment.toString()).isEqualTo(201);
        assertThat(anna.post(base + "/add_comment/", json("comment", "Разгружаем"))
                        .status())
                .isEqualTo(201);
        assertThat(anna.post(base + "/add_comment/", json("text", " "))
                        .at("/errors")
                        .isObject())
                .isTrue();
        Api.Response comments = manager.get(base + "/comments/");
        assertThat(comments.status()).isEqualTo(200);
        assertThat(comments.body().findValuesAsText("text")).containsExactly("Машина приехала", "Разгружаем");

        // the page's card: title, priority, assignee, store, deadline, status and the number of comments
        stores.updateProfile(store, new TenantRegistry.Profile("Chilonzor Market", "", "", "", ""));
        stores.updateStoreId(store, 3);
        Api.Response card =
                manager.get("/api/tasks/tasks/?search=" + URLEncoder.encode("Принять", StandardCharsets.UTF_8));
        assertThat(card.at("/count").asInt()).as(card.toString()).isEqualTo(1);
        assertThat(card.at("/results/0/comments_count").asInt()).isEqualTo(2);
        assertThat(card.text("/results/0/store_name")).isEqualTo("Chilonzor Market");
        assertThat(card.at("/results/0/store").asLong()).isEqualTo(3);
        assertThat(card.text("/results/0/deadline"))
                .isEqualTo(card.text("/results/0/due_date"))
                .isNotBlank();
        assertThat(card.text("/results/0/assigned_to_name")).isEqualTo("Кассир Анна");
        assertThat(card.text("/results/0/status_display")).isNotBlank();
        Api.Response detail = manager.get(base + "/");
        assertThat(detail.at("/comments_count").asInt()).isEqualTo(2);
        assertThat(detail.text("/deadline")).isEqualTo(detail.text("/due_date"));
        assertThat(detail.text("/store_name")).isEqualTo("Chilonzor Market");
        assertThat(manager.get("/api/tasks/tasks/?status=completed")
                        .at("/count")
                        .asInt())
                .as("no card of another status")
                .isZero();

        assertThat(anna.post(base + "/update_status/", json("status", "completed"))
                        .text("/status"))
                .as("to review first")
                .isEqualTo("on_review");
        Api.Response forbidden = anna.post(base + "/update_status/", json("status", "completed"));
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.text("/status")).isEqualTo("error");
        assertThat(manager.post(base + "/update_status/", json("status", "rejected"))
                        .at("/errors/reason")
                        .isArray())
                .isTrue();
        assertThat(manager.post(base + "/update_status/", json("status", "completed"))
                        .text("/status"))
                .isEqualTo("completed");
        Api.Response done = manager.post(base + "/update_status/", json("status", "cancelled"));
        assertThat(done.status()).isEqualTo(400);
        assertThat(done.text("/code")).isEqualTo("invalid_status");
        assertThat(done.text("/current_status")).isEqualTo("completed");
        assertThat(as(store, 130, "cashier").get(base + "/comments/").status())
                .as("comments follow the task")
                .isEqualTo(404);
        assertThat(new Api("http://localhost:" + port)
                        .in(store)
                        .post(base + "/update_status/", json("status", "in_progress"))
                        .status())
                .isEqualTo(401);
    }

    @Test
    void completeFinishesTheCallersPartAndRefusesWhatTheWorkflowForbids() {
        String store = store();
        Api manager = as(store, 110, "manager");
        Api anna = as(store, 120, "cashier");
        Api bobur = as(store, 130, "cashier");
        String due = OffsetDateTime.now().plusHours(5).withNano(0).toString();

        // the manager's own task: nobody else has to review it, complete finishes it at once
        long own = manager.post("/api/tasks/tasks/", json("title", "Сдать выручку", "assigned_to", 10, "due_date", due))
                .at("/id")
                .asLong();
        assertThat(manager.post("/api/tasks/tasks/" + own + "/start/", null).text("/status"))
                .isEqualTo("in_progress");
        Api.Response done = manager.post("/api/tasks/tasks/" + own + "/complete/", null);
        assertThat(done.status()).as(done.toString()).isEqualTo(200);
        assertThat(done.text("/status")).isEqualTo("completed");
        assertThat(done.at("/completed_at").isNull()).isFalse();
        assertThat(done.at("/comments").isArray()).as("a TaskDetail").isTrue();
        Api.Response again = manager.post("/api/tasks/tasks/" + own + "/complete/", null);
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.text("/status")).isEqualTo("error");
        assertThat(again.text("/code")).isEqualTo("invalid_status");
        assertThat(again.text("/current_status")).isEqualTo("completed");

        // a cashier's task for a colleague: the assignee submits it, the cashier who created it may not approve, a
        // manager does
        long task = bobur.post(
                        "/api/tasks/tasks/", json("title", "Разложить товар", "assigned_to", 20, "due_date", due))
                .at("/id")
                .asLong();
        anna.post("/api/tasks/tasks/" + task + "/start/", null);
        Api.Response notTheAssignee = manager.post("/api/tasks/tasks/" + task + "/complete/", null);
        assertThat(notTheAssignee.status())
                .as("only the assignee finishes the work")
                .isEqualTo(403);
        assertThat(notTheAssignee.text("/code")).isEqualTo("permission_denied");
        assertThat(anna.post("/api/tasks/tasks/" + task + "/complete/", null).text("/status"))
                .isEqualTo("on_review");
        Api.Response cashierCreator = bobur.post("/api/tasks/tasks/" + task + "/complete/", null);
        assertThat(cashierCreator.status())
                .as("a cashier never approves, not even their own task")
                .isEqualTo(403);
        assertThat(cashierCreator.text("/code")).isEqualTo("permission_denied");
        assertThat(as(store, 110, "manager")
                        .post("/api/tasks/tasks/" + task + "/complete/", null)
                        .text("/status"))
                .isEqualTo("completed");
        assertThat(manager.post("/api/tasks/tasks/424242/complete/", null).status())
                .isEqualTo(404);

        // reject with the seed document's body, and without any reason
        long reviewed = manager.post(
                        "/api/tasks/tasks/", json("title", "Пересчитать кассу 3", "assigned_to", 20, "due_date", due))
                .at("/id")
                .asLong();
        anna.post("/api/tasks/tasks/" + reviewed + "/start/", null);
        anna.post("/api/tasks/tasks/" + reviewed + "/complete/", null);
        Api.Response noReason = manager.post("/api/tasks/tasks/" + reviewed + "/reject/", json("comment", " "));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.at("/errors/reason").isArray()).isTrue();
        assertThat(anna.post("/api/tasks/tasks/" + reviewed + "/reject/", json("comment", "сама"))
                        .text("/code"))
                .isEqualTo("permission_denied");
        assertThat(manager.post("/api/tasks/tasks/" + reviewed + "/reject/", json("comment", "Не сходится на 5000"))
                        .text("/rejection_reason"))
                .isEqualTo("Не сходится на 5000");
    }

    @Test
    void aCommentByIdIsReadWithItsTaskAndEditedByItsAuthorOrAManagerOnly() {
        String store = store();
        Api manager = as(store, 110, "manager");
        Api anna = as(store, 120, "cashier");
        Api bobur = as(store, 130, "cashier");
        long task = manager.post(
                        "/api/tasks/tasks/",
                        json(
                                "title",
                                "Проверить ценники",
                                "assigned_to",
                                20,
                                "due_date",
                                OffsetDateTime.now().plusHours(5).withNano(0).toString()))
                .at("/id")
                .asLong();
        long managers = manager.post("/api/tasks/comments/", json("task", task, "text", "Начни с молочного отдела"))
                .at("/id")
                .asLong();
        long annas = anna.post("/api/tasks/comments/", json("task", task, "text", "Хорошо"))
                .at("/id")
                .asLong();

        Api.Response one = anna.get("/api/tasks/comments/" + annas + "/");
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.at("/id").asLong()).isEqualTo(annas);
        assertThat(one.at("/task").asLong()).isEqualTo(task);
        assertThat(one.at("/author").asLong()).isEqualTo(20);
        assertThat(one.text("/author_name")).isEqualTo("Кассир Анна");
        assertThat(one.text("/created_at")).isNotBlank();
        assertThat(one.text("/updated_at")).isNotBlank();

        Api.Response patched = anna.patch("/api/tasks/comments/" + annas + "/", json("comment", "Хорошо, начала"));
        assertThat(patched.status())
                .as("PATCH, with the API document's field name: " + patched)
                .isEqualTo(200);
        assertThat(patched.text("/text")).isEqualTo("Хорошо, начала");
        Api.Response notHers = anna.put("/api/tasks/comments/" + managers + "/", json("text", "Сама знаю"));
        assertThat(notHers.status())
                .as("she sees the task, the comment is not hers")
                .isEqualTo(403);
        assertThat(notHers.text("/code")).isEqualTo("permission_denied");
        assertThat(bobur.put("/api/tasks/comments/" + annas + "/", json("text", "я"))
                        .status())
                .as("comments follow the task")
                .isEqualTo(404);
        Api.Response tooLong = anna.put("/api/tasks/comments/" + annas + "/", json("text", "х".repeat(5001)));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.at("/errors/text").isArray()).isTrue();
        assertThat(anna.put("/api/tasks/comments/" + annas + "/", json())
                        .at("/errors/text")
                        .isArray())
                .isTrue();
        assertThat(anna.get("/api/tasks/comments/" + annas + "/").text("/text"))
                .as("nothing changed")
                .isEqualTo("Хорошо, начала");
        assertThat(manager.patch("/api/tasks/comments/" + annas + "/", json("text", "Хорошо (проверено)"))
                        .text("/text"))
                .isEqualTo("Хорошо (проверено)");
    }

    @Test
    void theOriginalWebClientsCreateStatusNotesAndRefusals() {
        // its create body: {title, description, assigned_to, priority, deadline (a date), store}
        String store = store();
        Api manager = as(store, 110, "manager");
        Api anna = as(store, 120, "cashier");
        String today = LocalDate.now(ZoneId.of("Asia/Tashkent")).toString();
        Api.Response created = manager.post(
                "/api/tasks/tasks/",
                json(
                        "title",
                        "Принять поставку",
                        "description",
                        "Накладная 17",
                        "assigned_to",
                        20,
                        "priority",
                        "high",
                        "deadline",
                        today,
                        "store",
                        7));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long task = created.at("/id").asLong();
        assertThat(created.text("/due_date"))
                .as("a bare date: the end of that day in the store's zone")
                .isNotBlank();
        assertThat(created.text("/time_left")).endsWith("ч");
        assertThat(manager.get("/api/tasks/tasks/today/").body().findValuesAsText("title"))
                .contains("Принять поставку");
        assertThat(manager.post(
                                "/api/tasks/tasks/",
                                json("title", "x", "assigned_to", 20, "deadline", "2020-01-20", "store", 7))
                        .at("/errors/deadline")
                        .isArray())
                .as("in the past")
                .isTrue();
        assertThat(manager.post("/api/tasks/tasks/", json("title", "x", "assigned_to", 20, "deadline", "завтра"))
                        .at("/errors/deadline")
                        .isArray())
                .isTrue();
        Api.Response list = manager.get("/api/tasks/tasks/?status=pending&priority=high");
        assertThat(list.at("/count").asInt()).isEqualTo(1);
        assertThat(list.at("/next").isNull()).isTrue();
        assertThat(list.at("/previous").isNull()).isTrue();
        assertThat(list.at("/results/0/id").asLong()).isEqualTo(task);

        String base = "/api/tasks/tasks/" + task;
        assertThat(anna.post(base + "/update_status/", json("status", "in_progress"))
                        .text("/status"))
                .isEqualTo("in_progress");
        Api.Response cancel = anna.post(base + "/update_status/", json("status", "cancelled"));
        assertThat(cancel.status()).as("the assignee does not cancel").isEqualTo(403);
        assertThat(cancel.text("/code")).isEqualTo("permission_denied");
        Api.Response longNote = anna.post(
                base + "/update_status/", json("status", "completed", "completion_comment", "х".repeat(5001)));
        assertThat(longNote.status()).isEqualTo(400);
        assertThat(longNote.at("/errors/completion_comment").isArray()).isTrue();
        assertThat(manager.get(base + "/").text("/status")).as("nothing moved").isEqualTo("in_progress");
        Api.Response submitted = anna.post(
                base + "/update_status/", json("status", "completed", "completion_comment", "Принято 40 коробок"));
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(200);
        assertThat(submitted.text("/status")).isEqualTo("on_review");
        assertThat(submitted.body().at("/comments").findValuesAsText("text"))
                .as("the note is kept as her comment")
                .containsExactly("Принято 40 коробок");
        assertThat(manager.get(base + "/comments/").at("/0/author_name").asText())
                .isEqualTo("Кассир Анна");
        assertThat(anna.post(base + "/update_status/", json("status", "in_progress"))
                        .text("/current_status"))
                .isEqualTo("on_review");
        assertThat(manager.post(
                                base + "/update_status/",
                                json("status", "rejected", "completion_comment", "Не та накладная"))
                        .text("/rejection_reason"))
                .as("a rejection takes the note as its reason")
                .isEqualTo("Не та накладная");
        assertThat(anna.post(base + "/update_status/", json("status", "in_progress"))
                        .text("/status"))
                .as("reworked")
                .isEqualTo("in_progress");
        assertThat(as(store, 130, "cashier")
                        .post(base + "/add_comment/", json("text", "я"))
                        .status())
                .as("comments follow the task")
                .isEqualTo(404);
        assertThat(anna.post(base + "/add_comment/", json("text", "х".repeat(5001)))
                        .at("/errors/text")
                        .isArray())
                .isTrue();
        assertThat(manager.post("/api/tasks/tasks/424242/update_status/", json("status", "in_progress"))
                        .status())
                .isEqualTo(404);
    }

    @Test
    void badTasksAreRefusedPerField() {
        String store = store();
        Api manager = as(store, 110, "manager");
        String tomorrow = OffsetDateTime.now().plusDays(1).withNano(0).toString();
        assertThat(manager.post("/api/tasks/tasks/", json("title", "x", "assigned_to", 99, "due_date", tomorrow))
                        .at("/errors/assigned_to")
                        .isArray())
                .isTrue();
        assertThat(manager.post("/api/tasks/tasks/", json("title", "x", "assigned_to", 40, "due_date", tomorrow))
                        .at("/errors/assigned_to")
                        .isArray())
                .as("no longer works here")
                .isTrue();
        assertThat(manager.post(
                                "/api/tasks/tasks/",
                                json("title", "x", "assigned_to", 20, "due_date", tomorrow, "estimated_hours", "-1"))
                        .at("/errors/estimated_hours")
                        .isArray())
                .isTrue();
        assertThat(manager.post(
                                "/api/tasks/tasks/",
                                json("title", "x", "assigned_to", 20, "due_date", "2020-01-01T10:00:00"))
                        .at("/errors/due_date")
                        .isArray())
                .as("local time in the past")
                .isTrue();
        assertThat(manager.get("/api/tasks/tasks/?ordering=title")
                        .at("/errors/ordering")
                        .isArray())
                .isTrue();
        assertThat(manager.post("/api/tasks/comments/", json("text", "без задачи"))
                        .at("/errors/task")
                        .isArray())
                .isTrue();
        assertThat(manager.get("/api/tasks/tasks/").at("/count").asInt())
                .as("nothing stored")
                .isZero();
        assertThat(manager.post("/api/tasks/tasks/424242/start/", null).status())
                .isEqualTo(404);
    }
}
