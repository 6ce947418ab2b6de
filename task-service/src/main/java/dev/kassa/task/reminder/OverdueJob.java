package dev.kassa.task.reminder;

import dev.kassa.platform.tenancy.TenantContext;
import dev.kassa.platform.tenancy.TenantProvisioner;
import dev.kassa.platform.tenancy.TenantRegistry;
import dev.kassa.task.task.OverdueTasks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Every minute ({@code kassa.tasks.overdue-check-ms}), each store's newly overdue tasks are announced (TaskOverdue). */
@Component
class OverdueJob {

    private static final Logger log = LoggerFactory.getLogger(OverdueJob.class);

    private final TenantRegistry registry;
    private final TenantProvisioner tenants;
    private final OverdueTasks overdue;

    OverdueJob(TenantRegistry registry, TenantProvisioner tenants, OverdueTasks overdue) {
        this.registry = registry;
        this.tenants = tenants;
        this.overdue = overdue;
    }

    @Scheduled(fixedDelayString = "${kassa.tasks.overdue-check-ms:60000}", initialDelayString = "${kassa.tasks.overdue-check-ms:60000}")
    void run() {
        for (String key : registry.activeKeys()) {
            try {
                TenantContext.call(tenants.ensureReady(key), overdue::announce);
            } catch (RuntimeException e) {
                log.warn("Announcing overdue tasks of store {} failed; the next run tries again", key, e);
            }
        }
    }
}
