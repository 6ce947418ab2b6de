package dev.kassa.task.reminder;

import dev.kassa.platform.tenancy.StoreRounds;
import dev.kassa.platform.tenancy.TenantProvisioner;
import dev.kassa.platform.tenancy.TenantRegistry;
import dev.kassa.task.board.OverdueTasks;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;

/**
 * Every minute ({@code kassa.tasks.overdue-check-ms}) the stores whose earliest deadline has come have their newly overdue
 * tasks announced (TaskOverdue); every store once an hour ({@code kassa.tasks.overdue-every-store-interval}), and first
 * one interval after start ({@link StoreRounds}), which also learns each store's next deadline and catches the tasks
 * another instance created or rescheduled.
 */
@Component
public class OverdueJob {

    private final OverdueTasks overdue;
    private final StoreRounds rounds;

    OverdueJob(
            TenantRegistry registry,
            TenantProvisioner tenants,
            OverdueTasks overdue,
            @Value("${kassa.tasks.overdue-every-store-interval:1h}") Duration everyStore) {
        this.overdue = overdue;
        this.rounds = new StoreRounds("Announcing overdue tasks", registry, tenants, everyStore);
    }

    @Scheduled(
            fixedDelayString = "${kassa.tasks.overdue-check-ms:60000}",
            initialDelayString = "${kassa.tasks.overdue-check-ms:60000}")
    void run() {
        rounds.run(() -> overdue.storesDue(Instant.now()), overdue::announce);
    }

    /** Visits every store of the registry; answers how many. */
    public int announceInEveryStore() {
        return rounds.everyStore(overdue::announce);
    }

    /** Visits the stores whose earliest deadline has come; answers how many. */
    public int announceWhereDue() {
        return rounds.visit(overdue.storesDue(Instant.now()), overdue::announce);
    }
}
