package dev.kassa.analytics.daily;

import dev.kassa.analytics.AnalyticsErrors;
import dev.kassa.analytics.facts.GrossMargin;
import dev.kassa.analytics.period.PeriodQuery;
import dev.kassa.analytics.period.Periods;
import dev.kassa.platform.error.Messages;
import dev.kassa.platform.export.Column;
import dev.kassa.platform.export.ExportFormat;
import dev.kassa.platform.export.Exports;
import dev.kassa.platform.security.Access;
import dev.kassa.platform.tenancy.TenantContext;
import dev.kassa.platform.web.PageResponse;
import dev.kassa.platform.web.SqlOrdering;
import io.swagger.v3.oas.annotations.Operation;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

@RestController
@RequestMapping("/api/analytics/daily-sales")
class DailySalesController {

    /** A report's period, both ends included, and its number of days. */
    record ReportPeriod(String startDate, String endDate, long days) {}

    /** A period's totals; {@code avg_sale} is the period's average sale, not the mean of daily averages. */
    record PeriodSums(
            BigDecimal totalSales,
            int totalCount,
            BigDecimal totalRefunds,
            BigDecimal totalDiscount,
            BigDecimal totalTax,
            BigDecimal totalItems,
            BigDecimal avgSale,
            BigDecimal totalCost,
            BigDecimal grossProfit,
            BigDecimal grossMargin) {}

    record PeriodReport(ReportPeriod period, PeriodSums totals, List<DailyReport> dailyReports) {}

    /** One day of a trend (a day without sales has zeros). */
    record TrendDay(String date, BigDecimal totalSales, int totalCount, BigDecimal avgSale) {}

    /** {@code period} says in words which days the trend covers. */
    record Trends(String period, List<TrendDay> trends) {}

    private static final SqlOrdering ORDERING = SqlOrdering.of(
            "-date",
            "id",
            Map.of("date", "date", "total_sales", "total_sales", "total_sales_count", "total_sales_count"));

    /** The columns of the daily report as a file, a row a day. */
    static final List<Column<DailyReport>> COLUMNS = List.of(
            Column.of("export.daily.date", DailyReport::date),
            Column.of("export.daily.sales_count", DailyReport::totalSalesCount),
            Column.of("export.daily.total_sales", DailyReport::totalSales),
            Column.of("export.daily.cash_sales", DailyReport::cashSales),
            Column.of("export.daily.card_sales", DailyReport::cardSales),
            Column.of("export.daily.credit_sales", DailyReport::creditSales),
            Column.of("export.daily.discount", DailyReport::totalDiscount),
            Column.of("export.daily.tax", DailyReport::totalTax),
            Column.of("export.daily.refunds", DailyReport::totalRefunds),
            Column.of("export.daily.refunds_count", DailyReport::refundsCount),
            Column.of("export.daily.items_sold", DailyReport::totalItemsSold),
            Column.of("export.daily.average_sale", DailyReport::avgSaleAmount),
            Column.of("export.daily.customers", DailyReport::uniqueCustomers),
            Column.of("export.daily.new_customers", DailyReport::newCustomers),
            Column.of("export.profit.cost", DailyReport::totalCost),
            Column.of("export.profit.gross_profit", DailyReport::grossProfit),
            Column.of("export.profit.margin", DailyReport::grossMargin));

    private final DailySalesRepository reports;
    private final Exports exports;

    DailySalesController(DailySalesRepository reports, Exports exports) {
        this.reports = reports;
        this.exports = exports;
    }

    @Operation(
            summary = "The daily report of a period as a file: ?format=csv (default) or xlsx, start_date and end_date "
                    + "(default the last 30 days, at most 366), a row a day, days without sales included. Owners and "
                    + "managers")
    @GetMapping("/export")
    @PreAuthorize(Access.FILES)
    public ResponseEntity<StreamingResponseBody> export(ExportFormat format, @ParameterObject PeriodQuery period) {
        Periods.Range range = period.range();
        return exports.file(format, "daily-sales", range.start() + "_" + range.end(), COLUMNS, row -> {
            Map<LocalDate, DailyReport> byDate = new HashMap<>();
            reports.between(range.start(), range.end()).forEach(r -> byDate.put(r.date(), r));
            for (LocalDate d = range.start(); !d.isAfter(range.end()); d = d.plusDays(1)) {
                row.accept(byDate.getOrDefault(d, DailyReport.empty(d)));
            }
        });
    }

    @Operation(summary = "Today's report in the store's time zone (zeros before the first sale of the day)")
    @GetMapping("/today")
    @PreAuthorize(Access.VIEW_SALES_REPORTS)
    public DailyReport today() {
        var today = TenantContext.require().today();
        return reports.forDate(today).orElseGet(() -> reports.emptyDay(today));
    }

    @Operation(
            summary =
                    "Totals and daily reports of a period: ?start_date=2025-01-01&end_date=2025-01-31 (at most 366 days)")
    @GetMapping("/period")
    @PreAuthorize(Access.VIEW_SALES_REPORTS)
    public PeriodReport period(
            @RequestParam(name = "start_date", required = false) String start,
            @RequestParam(name = "end_date", required = false) String end) {
        Periods.Range range =
                Periods.checked(Periods.requiredDate("start_date", start), Periods.requiredDate("end_date", end));
        LocalDate from = range.start();
        LocalDate to = range.end();
        List<DailyReport> days = reports.between(from, to);
        BigDecimal total = days.stream().map(DailyReport::totalSales).reduce(new BigDecimal("0.00"), BigDecimal::add);
        int count = days.stream().mapToInt(DailyReport::totalSalesCount).sum();
        BigDecimal gross = days.stream()
                .map(d -> d.totalSales().add(d.totalRefunds()))
                .reduce(new BigDecimal("0.00"), BigDecimal::add);
        BigDecimal cost = days.stream().map(DailyReport::totalCost).reduce(new BigDecimal("0.00"), BigDecimal::add);
        PeriodSums totals = new PeriodSums(
                total,
                count,
                days.stream().map(DailyReport::totalRefunds).reduce(new BigDecimal("0.00"), BigDecimal::add),
                days.stream().map(DailyReport::totalDiscount).reduce(new BigDecimal("0.00"), BigDecimal::add),
                days.stream().map(DailyReport::totalTax).reduce(new BigDecimal("0.00"), BigDecimal::add),
                days.stream().map(DailyReport::totalItemsSold).reduce(new BigDecimal("0.000"), BigDecimal::add),
                // the average sale of the period (not the mean of daily averages, spec §8.3 N4 defect)
                count == 0 ? new BigDecimal("0.00") : gross.divide(BigDecimal.valueOf(count), 2, RoundingMode.HALF_UP),
                cost,
                total.subtract(cost),
                GrossMargin.percent(total, total.subtract(cost)));
        return new PeriodReport(new ReportPeriod(from.toString(), to.toString(), range.days()), totals, days);
    }

    @Operation(summary = "Sales per day for the last N days (default 30, at most 366), every day present, oldest first")
    @GetMapping("/trends")
    @PreAuthorize(Access.VIEW_SALES_REPORTS)
    public Trends trends(@RequestParam(required = false) String days) {
        int n = Periods.number("days", days, 30, 1, 366, "analytics.days_invalid");
        LocalDate today = TenantContext.require().today();
        LocalDate from = today.minusDays(n - 1L);
        Map<LocalDate, DailyReport> byDate = new HashMap<>();
        reports.between(from, today).forEach(r -> byDate.put(r.date(), r));
        List<TrendDay> trend = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(today); d = d.plusDays(1)) {
            DailyReport r = byDate.getOrDefault(d, DailyReport.empty(d));
            trend.add(new TrendDay(d.toString(), r.totalSales(), r.totalSalesCount(), r.avgSaleAmount()));
        }
        return new Trends(Messages.get("analytics.last_days", n), trend);
    }

    @Operation(
            summary =
                    "Daily reports, newest first (paginated): filter date=YYYY-MM-DD; ordering date, total_sales, total_sales_count "
                            + "(prefix - for descending)")
    @GetMapping
    @PreAuthorize(Access.VIEW_SALES_REPORTS)
    public PageResponse<DailyReport> list(
            @RequestParam(required = false) String date,
            @RequestParam(required = false) String ordering,
            PageRequest page) {
        LocalDate day = Periods.optionalDate("date", date);
        String orderBy = ORDERING.orderBy(ordering);
        return PageResponse.of(reports.page(day, orderBy, page), r -> r);
    }

    @Operation(summary = "One daily report by its id")
    @GetMapping("/{id}")
    @PreAuthorize(Access.VIEW_SALES_REPORTS)
    public DailyReport get(@PathVariable long id) {
        return reports.find(id).orElseThrow(() -> AnalyticsErrors.REPORT_NOT_FOUND.exception());
    }
}
