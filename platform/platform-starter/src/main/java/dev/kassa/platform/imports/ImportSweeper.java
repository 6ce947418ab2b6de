package dev.kassa.platform.imports;

import dev.kassa.platform.tenancy.StoreRounds;
import dev.kassa.platform.tenancy.TenantProvisioner;
import dev.kassa.platform.tenancy.TenantRegistry;
import org.springframework.scheduling.annotation.Scheduled;

import java.time.Duration;

/**
 * Once an hour (and a few minutes after start) visits every store: takes over the jobs whose instance stopped answering
 * for them (a job looked at is taken over at once; this finds those nobody looks at) and forgets jobs that ended long
 * ago. Any instance may do it: a job is claimed by one.
 */
class ImportSweeper {

    private final Imports imports;
    private final StoreRounds rounds;

    ImportSweeper(Imports imports, TenantRegistry registry, TenantProvisioner provisioner) {
        this.imports = imports;
        this.rounds = new StoreRounds("Sweeping import jobs", registry, provisioner, Duration.ZERO);
    }

    @Scheduled(
            fixedDelayString = "${kassa.imports.sweep-interval:1h}",
            initialDelayString = "${kassa.imports.sweep-initial-delay:5m}")
    void sweep() {
        rounds.everyStore(() -> {
            imports.resumeAbandoned();
            imports.forgetEnded();
        });
    }
}
