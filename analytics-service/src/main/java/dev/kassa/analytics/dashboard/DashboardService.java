package dev.kassa.analytics.dashboard;

import dev.kassa.analytics.daily.DailyReport;
import dev.kassa.analytics.daily.DailySalesRepository;
import dev.kassa.analytics.inventory.SnapshotRepository;
import dev.kassa.analytics.product.ProductPerformanceRepository;
import dev.kassa.analytics.shift.OpenShiftRepository;
import dev.kassa.analytics.webhook.WebhookAttentionService;
import dev.kassa.platform.tenancy.TenantContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;

/** Puts the dashboard together from the reports, in one read-only transaction. */
@Service
class DashboardService {

    /** One day's key figures. */
    record Kpis(
            String date,
            BigDecimal totalSales,
            int salesCount,
            BigDecimal avgTicket,
            BigDecimal itemsSold,
            BigDecimal refundsTotal) {}

    /** Percent change of sales and count; null where the base day had none. */
    record Change(BigDecimal totalSalesPercent, BigDecimal salesCountPercent) {}

    record RefundTotals(BigDecimal total, int count) {}

    /** How many products are low or out of stock, and the first ten of each. */
    record StockBlock(
            int lowStockCount,
            int outOfStockCount,
            List<SnapshotRepository.Snapshot> lowStock,
            List<SnapshotRepository.Snapshot> outOfStock) {}

    record OpenShiftsBlock(int count, List<OpenShiftRepository.Shift> shifts) {}

    /**
     * Today's KPIs against yesterday and the same weekday last week, top products, refunds, stock alerts, open shifts, and
     * the webhooks that fail or that Kassa turned off.
     */
    record DashboardView(
            String date,
            Kpis today,
            Kpis yesterday,
            Kpis sameWeekdayLastWeek,
            Change changeVsYesterday,
            Change changeVsLastWeek,
            List<ProductPerformanceRepository.Top> topProducts,
            RefundTotals refunds,
            StockBlock stock,
            OpenShiftsBlock openShifts,
            WebhookAttentionService.Summary webhooks) {}

    private final DailySalesRepository daily;
    private final ProductPerformanceRepository products;
    private final SnapshotRepository stock;
    private final OpenShiftRepository shifts;
    private final WebhookAttentionService webhooks;

    DashboardService(
            DailySalesRepository daily,
            ProductPerformanceRepository products,
            SnapshotRepository stock,
            OpenShiftRepository shifts,
            WebhookAttentionService webhooks) {
        this.daily = daily;
        this.products = products;
        this.stock = stock;
        this.shifts = shifts;
        this.webhooks = webhooks;
    }

    @Transactional(readOnly = true)
    DashboardView today() {
        LocalDate today = TenantContext.require().today();
        DailyReport now = report(today);
        DailyReport yesterday = report(today.minusDays(1));
        DailyReport lastWeek = report(today.minusDays(7));
        List<SnapshotRepository.Snapshot> low =
                stock.latest(SnapshotRepository.LOW, SnapshotRepository.BY_DAYS_OF_STOCK);
        List<SnapshotRepository.Snapshot> out = stock.latest(SnapshotRepository.OUT, SnapshotRepository.BY_NAME);
        StockBlock stockBlock = new StockBlock(
                low.size(),
                out.size(),
                low.stream().limit(10).toList(),
                out.stream().limit(10).toList());
        List<OpenShiftRepository.Shift> open = shifts.open();
        return new DashboardView(
                today.toString(),
                kpis(now),
                kpis(yesterday),
                kpis(lastWeek),
                change(now, yesterday),
                change(now, lastWeek),
                products.top(today, today, "revenue", 5),
                new RefundTotals(now.totalRefunds(), now.refundsCount()),
                stockBlock,
                new OpenShiftsBlock(open.size(), open),
                webhooks.summary());
    }

    private DailyReport report(LocalDate date) {
        return daily.forDate(date).orElseGet(() -> daily.emptyDay(date));
    }

    private static Kpis kpis(DailyReport r) {
        return new Kpis(
                r.date().toString(),
                r.totalSales(),
                r.totalSalesCount(),
                r.avgSaleAmount(),
                r.totalItemsSold(),
                r.totalRefunds());
    }

    /** Percent change of sales and count; null where the base day had none. */
    private static Change change(DailyReport now, DailyReport base) {
        return new Change(
                percent(now.totalSales(), base.totalSales()),
                percent(BigDecimal.valueOf(now.totalSalesCount()), BigDecimal.valueOf(base.totalSalesCount())));
    }

    private static BigDecimal percent(BigDecimal now, BigDecimal base) {
        if (base.signum() == 0) {
            return null;
        }
        return now.subtract(base).multiply(BigDecimal.valueOf(100)).divide(base, 1, RoundingMode.HALF_UP);
    }
}
