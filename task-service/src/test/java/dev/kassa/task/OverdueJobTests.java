package dev.kassa.task;

import dev.kassa.platform.tenancy.EmployeeDirectory;
import dev.kassa.platform.tenancy.TenantProvisioner;
import dev.kassa.platform.test.Api;
import dev.kassa.platform.test.KassaIntegrationTest;
import dev.kassa.platform.test.TestStores;
import dev.kassa.platform.test.TestTokens;
import dev.kassa.task.reminder.OverdueJob;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;

import static dev.kassa.platform.test.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

/** The overdue job visits the stores whose deadline has come each minute, and every store once an hour. */
@KassaIntegrationTest
class OverdueJobTests {

    @LocalServerPort
    int port;

    @Autowired
    EmployeeDirectory staff;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TenantProvisioner provisioner;

    @Autowired
    OverdueJob job;

    @Test
    void theMinutePassVisitsOnlyStoresWhoseDeadlineHasComeAndTheHourlyOneEveryStore() {
        // after a pass over every store, the scheduled job only visits stores with a deadline due for an hour
        job.announceInEveryStore();
        String here = TestStores.newKey("odh");
        String rescheduled = TestStores.newKey("odr");
        // both stores' schemas first: on a slow machine that alone may take longer than the deadline is away
        provisioner.ensureReady(here);
        provisioner.ensureReady(rescheduled);
        OffsetDateTime soon = OffsetDateTime.now().plusSeconds(3).withNano(0);
        long dueSoon = task(here, soon);
        // a task whose deadline another instance moved to the past: this one still expects it tomorrow
        long movedElsewhere = task(rescheduled, OffsetDateTime.now().plusDays(1).withNano(0));
        jdbc.update(
                "update " + TestStores.schema(rescheduled)
                        + ".tasks set due_date = now() - interval '1 minute' where id = ?",
                movedElsewhere);

        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> OffsetDateTime.now()
                .isAfter(soon.plusSeconds(1)));
        int visited = job.announceWhereDue();
        assertThat(announced(here, dueSoon))
                .as("the store whose deadline came was visited")
                .isTrue();
        assertThat(announced(rescheduled, movedElsewhere))
                .as("a store whose deadline this instance expects tomorrow was not")
                .isFalse();
        assertThat(visited)
                .as("not every store")
                .isLessThan(jdbc.queryForObject(
                        "select count(*) from public.kassa_tenant where status = 'active'", Integer.class));

        assertThat(job.announceInEveryStore()).isGreaterThanOrEqualTo(2);
        assertThat(announced(rescheduled, movedElsewhere))
                .as("the hourly pass visits every store")
                .isTrue();
    }

    private long task(String store, OffsetDateTime due) {
        staff.save(new EmployeeDirectory.Employee(store, 10, 110, "Менеджер", "manager", "", true));
        staff.save(new EmployeeDirectory.Employee(store, 20, 120, "Кассир", "cashier", "", true));
        Api manager = new Api("http://localhost:" + port)
                .as(TestTokens.token(110, "m", Map.of(store, "manager")))
                .in(store);
        Api.Response created = manager.post(
                "/api/tasks/tasks/", json("title", "Полка", "assigned_to", 20, "due_date", due.toString()));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.at("/id").asLong();
    }

    private boolean announced(String store, long task) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select overdue_announced from " + TestStores.schema(store) + ".tasks where id = ?",
                Boolean.class,
                task));
    }
}
