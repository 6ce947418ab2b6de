package dev.kassa.analytics.housekeeping;

import dev.kassa.analytics.daily.DailySalesRepository;
import dev.kassa.analytics.inventory.SnapshotRepository;
import dev.kassa.analytics.product.ProductPerformanceRepository;
import dev.kassa.analytics.profit.CashierDailyRepository;
import dev.kassa.platform.tenancy.Tenant;
import dev.kassa.platform.tenancy.TenantContext;
import dev.kassa.platform.tenancy.TenantProvisioner;
import dev.kassa.platform.tenancy.TenantRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.LocalDate;

/**
 * Closes each store's day once its local date has moved on: every product's stock is carried into the new day's
 * snapshot (so a product that did not move still has today's row), and report rows older than the retention period are
 * removed (the facts stay, for rebuilds). Runs every hour ({@code kassa.analytics.jobs-cron}); a store whose day is
 * already closed costs one query.
 */
@Component
public class AnalyticsJobs {

    private static final Logger log = LoggerFactory.getLogger(AnalyticsJobs.class);

    private final TenantRegistry registry;
    private final TenantProvisioner tenants;
    private final SnapshotRepository snapshots;
    private final DailySalesRepository daily;
    private final ProductPerformanceRepository performance;
    private final CashierDailyRepository cashiers;
    private final ClosedDayRepository days;
    private final TransactionTemplate tx;
    private final int retentionDays;

    AnalyticsJobs(
            TenantRegistry registry,
            TenantProvisioner tenants,
            SnapshotRepository snapshots,
            DailySalesRepository daily,
            ProductPerformanceRepository performance,
            CashierDailyRepository cashiers,
            ClosedDayRepository days,
            PlatformTransactionManager transactions,
            @Value("${kassa.analytics.retention-days:365}") int retentionDays) {
        this.registry = registry;
        this.tenants = tenants;
        this.snapshots = snapshots;
        this.daily = daily;
        this.performance = performance;
        this.cashiers = cashiers;
        this.days = days;
        this.tx = new TransactionTemplate(transactions);
        this.retentionDays = retentionDays;
    }

    @Scheduled(cron = "${kassa.analytics.jobs-cron:0 5 * * * *}")
    void closeDays() {
        for (String key : registry.activeKeys()) {
            try {
                closeDay(tenants.ensureReady(key));
            } catch (RuntimeException e) {
                log.warn("Closing the day of store {} failed; the next run tries again", key, e);
            }
        }
    }

    /** Closes the store's day if its local date has moved on since the last close; true if it did. */
    public boolean closeDay(Tenant tenant) {
        LocalDate today = tenant.today();
        return Boolean.TRUE.equals(TenantContext.call(
                tenant,
                () -> tx.execute(s -> {
                    days.lockClosing();
                    LocalDate last = days.lastClosed().orElse(null);
                    if (last != null && !last.isBefore(today)) {
                        return false;
                    }
                    int carried = snapshots.carryForward(today);
                    LocalDate oldest = today.minusDays(retentionDays);
                    // retention: report rows before the oldest day kept go (the month rows of months before its month);
                    // the facts stay
                    int removed = daily.removeBefore(oldest)
                            + performance.removeBefore(oldest)
                            + cashiers.removeBefore(oldest)
                            + snapshots.removeBefore(oldest);
                    // the oldest month lost its first days: its month rows sum what is left
                    performance.resumMonth(oldest.withDayOfMonth(1));
                    days.closed(today);
                    log.info(
                            "Closed the day before {} for store {}: {} snapshots carried, {} old rows removed",
                            today,
                            tenant.key(),
                            carried,
                            removed);
                    return true;
                })));
    }
}
