package dev.kassa.analytics.dashboard;

import dev.kassa.analytics.daily.DailyReport;
import dev.kassa.analytics.daily.DailySalesRepository;
import dev.kassa.analytics.inventory.SnapshotRepository;
import dev.kassa.analytics.product.ProductPerformanceRepository;
import dev.kassa.analytics.shift.OpenShifts;
import dev.kassa.platform.tenancy.TenantContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Puts the dashboard together from the reports, in one read-only transaction. */
@Service
class Dashboard {

    private final DailySalesRepository daily;
    private final ProductPerformanceRepository products;
    private final SnapshotRepository stock;
    private final OpenShifts shifts;

    Dashboard(DailySalesRepository daily, ProductPerformanceRepository products, SnapshotRepository stock, OpenShifts shifts) {
        this.daily = daily;
        this.products = products;
        this.stock = stock;
        this.shifts = shifts;
    }

    @Transactional(readOnly = true)
    Map<String, Object> today() {
        LocalDate today = TenantContext.require().today();
        DailyReport now = report(today);
        DailyReport yesterday = report(today.minusDays(1));
        DailyReport lastWeek = report(today.minusDays(7));
        List<SnapshotRepository.Snapshot> low = stock.latest(SnapshotRepository.LOW, SnapshotRepository.BY_DAYS_OF_STOCK);
        List<SnapshotRepository.Snapshot> out = stock.latest(SnapshotRepository.OUT, SnapshotRepository.BY_NAME);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("date", today.toString());
        body.put("today", kpis(now));
        body.put("yesterday", kpis(yesterday));
        body.put("same_weekday_last_week", kpis(lastWeek));
        body.put("change_vs_yesterday", change(now, yesterday));
        body.put("change_vs_last_week", change(now, lastWeek));
        body.put("top_products", products.top(today, today, "revenue", 5));
        body.put("refunds", Map.of("total", now.totalRefunds(), "count", now.refundsCount()));
        Map<String, Object> stockBlock = new LinkedHashMap<>();
        stockBlock.put("low_stock_count", low.size());
        stockBlock.put("out_of_stock_count", out.size());
        stockBlock.put("low_stock", low.stream().limit(10).toList());
        stockBlock.put("out_of_stock", out.stream().limit(10).toList());
        body.put("stock", stockBlock);
        List<OpenShifts.Shift> open = shifts.open();
        body.put("open_shifts", Map.of("count", open.size(), "shifts", open));
        return body;
    }

    private DailyReport report(LocalDate date) {
        return daily.forDate(date).orElseGet(() -> daily.emptyDay(date));
    }

    private static Map<String, Object> kpis(DailyReport r) {
        Map<String, Object> k = new LinkedHashMap<>();
        k.put("date", r.date().toString());
        k.put("total_sales", r.totalSales());
        k.put("sales_count", r.totalSalesCount());
        k.put("avg_ticket", r.avgSaleAmount());
        k.put("items_sold", r.totalItemsSold());
        k.put("refunds_total", r.totalRefunds());
        return k;
    }

    /** Percent change of sales and count; null where the base day had none. */
    private static Map<String, Object> change(DailyReport now, DailyReport base) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("total_sales_percent", percent(now.totalSales(), base.totalSales()));
        c.put("sales_count_percent", percent(BigDecimal.valueOf(now.totalSalesCount()), BigDecimal.valueOf(base.totalSalesCount())));
        return c;
    }

    private static BigDecimal percent(BigDecimal now, BigDecimal base) {
        if (base.signum() == 0) {
            return null;
        }
        return now.subtract(base).multiply(BigDecimal.valueOf(100)).divide(base, 1, RoundingMode.HALF_UP);
    }
}
