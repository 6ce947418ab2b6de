package dev.kassa.task.reminder;

import dev.kassa.platform.tenancy.TenantContext;
import dev.kassa.platform.tenancy.TenantProvisioner;
import dev.kassa.platform.tenancy.TenantRegistry;
import dev.kassa.task.task.OverdueTasks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Every minute ({@code kassa.tasks.overdue-check-ms}) the stores whose earliest deadline has come have their newly overdue
 * tasks announced (TaskOverdue); every store once an hour ({@code kassa.tasks.overdue-every-store-interval}), and first
 * one interval after start, which also learns each store's next deadline and catches the tasks another instance created
 * before it stopped. With 10,000 stores, a minute's pass was 10,000 transactions to find the few with a deadline due.
 */
@Component
public class OverdueJob {

    private static final Logger log = LoggerFactory.getLogger(OverdueJob.class);

    private final TenantRegistry registry;
    private final TenantProvisioner tenants;
    private final OverdueTasks overdue;
    private final Duration everyStore;
    private volatile Instant everyStoreAt;

    OverdueJob(TenantRegistry registry, TenantProvisioner tenants, OverdueTasks overdue,
               @Value("${kassa.tasks.overdue-every-store-interval:1h}") Duration everyStore) {
        this.registry = registry;
        this.tenants = tenants;
        this.overdue = overdue;
        this.everyStore = everyStore;
    }

    @Scheduled(fixedDelayString = "${kassa.tasks.overdue-check-ms:60000}", initialDelayString = "${kassa.tasks.overdue-check-ms:60000}")
    void run() {
        Instant last = everyStoreAt;
        if (last == null || !Instant.now().isBefore(last.plus(everyStore))) {
            announceInEveryStore();
        } else {
            announceWhereDue();
        }
    }

    /** Visits every store of the registry; answers how many. */
    public int announceInEveryStore() {
        Instant start = Instant.now();
        int n = announce(registry.activeKeys());
        everyStoreAt = start;
        return n;
    }

    /** Visits the stores whose earliest deadline has come; answers how many. */
    public int announceWhereDue() {
        return announce(overdue.storesDue(Instant.now()));
    }

    private int announce(List<String> keys) {
        for (String key : keys) {
            try {
                TenantContext.call(tenants.ensureReady(key), overdue::announce);
            } catch (RuntimeException e) {
                log.warn("Announcing overdue tasks of store {} failed; the next run tries again", key, e);
            }
        }
        return keys.size();
    }
}
