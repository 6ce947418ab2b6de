package dev.kassa.analytics.stores;

import dev.kassa.analytics.AnalyticsErrors;
import dev.kassa.analytics.daily.DailySalesRepository;
import dev.kassa.analytics.daily.PeriodTotals;
import dev.kassa.analytics.facts.GrossMargin;
import dev.kassa.analytics.inventory.SnapshotRepository;
import dev.kassa.analytics.period.Periods;
import dev.kassa.platform.error.FieldErrors;
import dev.kassa.platform.security.Caller;
import dev.kassa.platform.security.Role;
import dev.kassa.platform.tenancy.Tenant;
import dev.kassa.platform.tenancy.TenantContext;
import dev.kassa.platform.tenancy.TenantProvisioner;
import dev.kassa.platform.tenancy.TenantRegistry;
import dev.kassa.platform.web.Success;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Sums each owned store's daily reports over the period in that store's own schema and time zone: one short read-only
 * transaction per store the owner has, never per store of the service.
 */
@Service
class MultiStoreReportService {

    /** A period of local dates, {@code YYYY-MM-DD}. */

    /** One store's sales over the period, in its own local dates. */
    record StoreSales(
            Long storeId,
            String storeName,
            String storeSlug,
            String tenantKey,
            String address,
            Periods.DateRange period,
            BigDecimal totalSales,
            int salesCount,
            BigDecimal totalDiscount,
            BigDecimal totalItemsSold,
            BigDecimal avgSale,
            BigDecimal totalCost,
            BigDecimal grossProfit,
            BigDecimal grossMargin,
            BigDecimal stockValue,
            BigDecimal stockRetailValue) {}

    /** The owned stores' sales summed. */
    record Aggregated(
            BigDecimal totalSales,
            int totalSalesCount,
            BigDecimal totalDiscount,
            BigDecimal totalItemsSold,
            BigDecimal avgSaleAmount,
            BigDecimal totalCost,
            BigDecimal grossProfit,
            BigDecimal grossMargin,
            BigDecimal stockValue,
            BigDecimal stockRetailValue) {}

    /** The owned stores side by side ({@code by_store}, best sales first) and in total. */
    record MultiStoreSales(
            int totalStores, Periods.DateRange period, Aggregated aggregated, List<StoreSales> byStore) {}

    private final TenantProvisioner tenants;
    private final TenantRegistry registry;
    private final DailySalesRepository daily;
    private final SnapshotRepository snapshots;
    private final TransactionTemplate readOnly;

    MultiStoreReportService(
            TenantProvisioner tenants,
            TenantRegistry registry,
            DailySalesRepository daily,
            SnapshotRepository snapshots,
            PlatformTransactionManager transactions) {
        this.tenants = tenants;
        this.registry = registry;
        this.daily = daily;
        this.snapshots = snapshots;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    Success<MultiStoreSales> of(Caller caller, String period, String start, String end) {
        // the stores the caller owns now: one taken away since the token was issued counts as none
        List<String> owned = caller.storesWhere(Set.of(Role.OWNER));
        if (owned.isEmpty()) {
            throw AnalyticsErrors.NO_OWNED_STORES.exception();
        }
        if (period != null
                && !period.isBlank()
                && !List.of("today", "yesterday", "week", "month").contains(period.trim())) {
            throw FieldErrors.single("period", "analytics.period_unknown");
        }
        List<StoreSales> byStore = new ArrayList<>();
        for (String key : owned) {
            byStore.add(sales(key, period, start, end));
        }
        // the period as the first store's local dates have it
        Periods.DateRange shown = byStore.get(0).period();
        Aggregated aggregated = aggregated(byStore);
        byStore.sort(Comparator.comparing(StoreSales::totalSales).reversed());
        return Success.of(new MultiStoreSales(owned.size(), shown, aggregated, byStore));
    }

    /** One store's sales and stock value over the period in its own local dates, read in its own transaction. */
    private StoreSales sales(String key, String period, String start, String end) {
        Tenant tenant = tenants.ensureReady(key);
        Periods.Range range = range(period, start, end, tenant.today());
        PeriodTotals t =
                TenantContext.call(tenant, () -> readOnly.execute(s -> daily.totals(range.start(), range.end())));
        SnapshotRepository.StockValue value =
                TenantContext.call(tenant, () -> readOnly.execute(s -> snapshots.stockValue()));
        var profile = registry.profile(key).orElse(new TenantRegistry.Profile("", "", "", "", ""));
        return new StoreSales(
                registry.storeId(key).orElse(null),
                profile.name(),
                key.contains("_") ? key.substring(0, key.lastIndexOf('_')) : key,
                key,
                profile.address(),
                Periods.DateRange.of(range),
                t.totalSales(),
                t.salesCount(),
                t.totalDiscount(),
                t.totalItemsSold(),
                average(t.totalSales(), t.salesCount()),
                t.totalCost(),
                t.grossProfit(),
                GrossMargin.percent(t.totalSales(), t.grossProfit()),
                value.atCost(),
                value.atRetail());
    }

    /** The stores' sales summed, their average sale and margin over the sums. */
    private static Aggregated aggregated(List<StoreSales> stores) {
        BigDecimal total = BigDecimal.ZERO.setScale(2);
        BigDecimal discount = BigDecimal.ZERO.setScale(2);
        BigDecimal items = BigDecimal.ZERO.setScale(3);
        BigDecimal cost = BigDecimal.ZERO.setScale(2);
        BigDecimal stock = BigDecimal.ZERO.setScale(2);
        BigDecimal retail = BigDecimal.ZERO.setScale(2);
        int count = 0;
        for (StoreSales s : stores) {
            stock = stock.add(s.stockValue());
            retail = retail.add(s.stockRetailValue());
            total = total.add(s.totalSales());
            cost = cost.add(s.totalCost());
            discount = discount.add(s.totalDiscount());
            items = items.add(s.totalItemsSold());
            count += s.salesCount();
        }
        BigDecimal profit = total.subtract(cost);
        return new Aggregated(
                total,
                count,
                discount,
                items,
                average(total, count),
                cost,
                profit,
                GrossMargin.percent(total, profit),
                stock,
                retail);
    }

    /** The period in one store's local dates: today, yesterday, the last 8 days (week), the last 31 days (month), or explicit dates. */
    static Periods.Range range(String period, String start, String end, LocalDate today) {
        if (period != null && !period.isBlank()) {
            return switch (period.trim()) {
                case "today" -> new Periods.Range(today, today);
                case "yesterday" -> new Periods.Range(today.minusDays(1), today.minusDays(1));
                case "week" -> new Periods.Range(today.minusDays(7), today);
                default -> new Periods.Range(today.minusDays(30), today);
            };
        }
        return Periods.range(start, end, today, 30);
    }

    private static BigDecimal average(BigDecimal total, int count) {
        return count == 0
                ? BigDecimal.ZERO.setScale(2)
                : total.divide(BigDecimal.valueOf(count), 2, RoundingMode.HALF_UP);
    }
}
