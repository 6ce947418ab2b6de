package dev.kassa.task;

import dev.kassa.platform.tenancy.EmployeeDirectory;
import dev.kassa.platform.tenancy.TenantContext;
import dev.kassa.platform.tenancy.TenantProvisioner;
import dev.kassa.platform.test.Api;
import dev.kassa.platform.test.EventSamples;
import dev.kassa.platform.test.KassaIntegrationTest;
import dev.kassa.platform.test.TestStores;
import dev.kassa.platform.test.TestTokens;
import dev.kassa.task.board.OverdueTasks;
import dev.kassa.task.board.TaskAssigned;
import dev.kassa.task.board.TaskOverdue;
import dev.kassa.task.board.TaskStatusChanged;
import dev.kassa.task.comment.TaskCommented;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import static dev.kassa.platform.test.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

/** What task-service really publishes has exactly the shape of each event's golden sample. */
@KassaIntegrationTest
class EventContractTests {

    @LocalServerPort
    int port;

    @Autowired
    EmployeeDirectory staff;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TenantProvisioner tenants;

    @Autowired
    OverdueTasks overdue;

    @Test
    void everyTaskEventIsEmittedAsItsGoldenSampleSays() {
        String store = TestStores.newKey("tev");
        staff.save(new EmployeeDirectory.Employee(store, 10, 110, "Менеджер", "manager", "", true));
        staff.save(new EmployeeDirectory.Employee(store, 20, 120, "Кассир", "cashier", "", true));
        Api manager = new Api("http://localhost:" + port)
                .as(TestTokens.token(110, "m", Map.of(store, "manager")))
                .in(store);
        Api cashier = new Api("http://localhost:" + port)
                .as(TestTokens.token(120, "c", Map.of(store, "cashier")))
                .in(store);
        long task = manager.post(
                        "/api/tasks/tasks/",
                        json(
                                "title",
                                "Полка",
                                "assigned_to",
                                20,
                                "due_date",
                                OffsetDateTime.now().plusDays(1).withNano(0).toString()))
                .at("/id")
                .asLong();
        assertThat(EventSamples.awaitEmitted(TaskAssigned.class, store)
                        .at("/payload/task_id")
                        .asLong())
                .isEqualTo(task);
        cashier.post("/api/tasks/tasks/" + task + "/start/", null);
        assertThat(EventSamples.awaitEmitted(TaskStatusChanged.class, store)
                        .at("/payload/to_status")
                        .asText())
                .isEqualTo("in_progress");
        cashier.post("/api/tasks/comments/", json("task", task, "text", "Начала"));
        assertThat(EventSamples.awaitEmitted(TaskCommented.class, store)
                        .at("/payload/author")
                        .asLong())
                .isEqualTo(20);

        // the deadline passes: announced once, and again only for a new deadline that passes
        jdbc.update(
                "update " + TestStores.schema(store) + ".tasks set due_date = now() - interval '1 minute' where id = ?",
                task);
        var tenant = tenants.ensureReady(store);
        // (the minute job may announce it first: either way it goes out once)
        TenantContext.call(tenant, overdue::announce);
        assertThat(EventSamples.awaitEmitted(TaskOverdue.class, store)
                        .at("/payload/task_id")
                        .asLong())
                .isEqualTo(task);
        assertThat(TenantContext.call(tenant, overdue::announce)).as("once").isZero();
        assertThat(manager.get("/api/tasks/tasks/overdue/").body().size()).isEqualTo(1);
    }

    @Test
    void everyEventTaskServicePublishesIsCheckedAgainstItsGoldenSample() {
        EventSamples.assertAllContractsChecked(
                "dev.kassa.task",
                List.of(TaskAssigned.class, TaskStatusChanged.class, TaskCommented.class, TaskOverdue.class));
    }
}
