package dev.kassa.analytics.profit;

import dev.kassa.analytics.period.PeriodQuery;
import dev.kassa.analytics.period.Periods;
import dev.kassa.platform.error.FieldErrors;
import dev.kassa.platform.error.Messages;
import dev.kassa.platform.export.Column;
import dev.kassa.platform.export.ExportFormat;
import dev.kassa.platform.export.Exports;
import dev.kassa.platform.security.Access;
import dev.kassa.platform.tenancy.Tenant;
import dev.kassa.platform.tenancy.TenantContext;
import io.swagger.v3.oas.annotations.Operation;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Cost of goods sold and gross profit of a period (issue 63 point 7; Square's and Loyverse's profit reports): net sales
 * (after every discount, less refunds), their cost at the batches the goods were taken from, gross profit and margin, in
 * total and per day, product, category or cashier. A refund takes back its sale's share on the refund's date, at the
 * cost of what it returned, and counts to the cashier of the sale.
 */
@RestController
@RequestMapping("/api/analytics/gross-profit")
class GrossProfitController {

    /** A group of the period with its figures ({@code id}, {@code date}, {@code name}, {@code sku} as the grouping has them). */
    record GrossProfitRow(
            Long id,
            LocalDate date,
            String name,
            String sku,
            BigDecimal quantity,
            Long salesCount,
            BigDecimal revenue,
            BigDecimal cost,
            BigDecimal grossProfit,
            BigDecimal grossMargin) {

        static GrossProfitRow of(GrossProfitRepository.Line l) {
            GrossProfitRepository.Sums s = l.sums();
            return new GrossProfitRow(
                    l.id(),
                    l.date(),
                    l.name(),
                    l.sku(),
                    s.quantity(),
                    s.salesCount(),
                    s.revenue(),
                    s.cost(),
                    s.grossProfit(),
                    s.grossMargin());
        }
    }

    /** The period's totals (every sale and refund of it, whatever the grouping's {@code limit}). */
    record GrossProfitTotals(
            BigDecimal revenue,
            BigDecimal cost,
            BigDecimal grossProfit,
            BigDecimal grossMargin,
            BigDecimal quantity,
            Long salesCount) {}

    /** {@code count}: the groups in all; {@code results}: the first {@code limit} of them. */
    record GrossProfitReport(
            Periods.DateRange period,
            String groupBy,
            GrossProfitTotals totals,
            int count,
            List<GrossProfitRow> results) {}

    private static final List<String> GROUPS = List.of("day", "product", "category", "cashier");

    private static final Column<GrossProfitRow> QUANTITY =
            Column.of("export.profit.quantity", GrossProfitRow::quantity);
    private static final Column<GrossProfitRow> SALES =
            Column.of("export.profit.sales_count", GrossProfitRow::salesCount);
    private static final List<Column<GrossProfitRow>> FIGURES = List.of(
            Column.of("export.profit.revenue", GrossProfitRow::revenue),
            Column.of("export.profit.cost", GrossProfitRow::cost),
            Column.of("export.profit.gross_profit", GrossProfitRow::grossProfit),
            Column.of("export.profit.margin", GrossProfitRow::grossMargin));

    /** Each grouping's columns as a file. */
    private static final Map<String, List<Column<GrossProfitRow>>> COLUMNS = Map.of(
            "day",
            columns(List.of(Column.of("export.profit.date", GrossProfitRow::date), SALES, QUANTITY)),
            "product",
            columns(List.of(
                    Column.of("export.performance.sku", GrossProfitRow::sku),
                    Column.of("export.performance.name", GrossProfitRow::name),
                    SALES,
                    QUANTITY)),
            "category",
            columns(List.of(Column.of("export.profit.category", GrossProfitRow::name), QUANTITY)),
            "cashier",
            columns(List.of(Column.of("export.profit.cashier", GrossProfitRow::name), SALES, QUANTITY)));

    private final GrossProfitRepository profits;
    private final Exports exports;

    GrossProfitController(GrossProfitRepository profits, Exports exports) {
        this.profits = profits;
        this.exports = exports;
    }

    @Operation(
            summary = "Net sales, cost of goods sold (the batches' own costs), gross profit and margin of a period: "
                    + "start_date and end_date (default the last 30 days, at most 366), group_by day (default, oldest "
                    + "first), product, category or cashier (most gross profit first), limit 1–1000 (default 400); "
                    + "refunds take back their sale's share. Owners and managers")
    @GetMapping
    @PreAuthorize(Access.VIEW_SALES_REPORTS)
    GrossProfitReport report(
            @ParameterObject PeriodQuery period,
            @RequestParam(name = "group_by", required = false) String groupBy,
            @RequestParam(required = false) String limit) {
        Tenant tenant = TenantContext.require();
        Periods.Range range = period.range();
        String by = grouping(groupBy);
        int n = Periods.number("limit", limit, 400, 1, 1000, "analytics.profit_limit_invalid");
        GrossProfitRepository.Lines lines = lines(tenant, by, range, n);
        GrossProfitRepository.Sums t = profits.totals(range.start(), range.end());
        return new GrossProfitReport(
                Periods.DateRange.of(range),
                by,
                new GrossProfitTotals(
                        t.revenue(), t.cost(), t.grossProfit(), t.grossMargin(), t.quantity(), t.salesCount()),
                lines.count(),
                lines.lines().stream().map(GrossProfitRow::of).toList());
    }

    @Operation(
            summary =
                    "The gross profit report as a file: ?format=csv (default) or xlsx, start_date, end_date and group_by "
                            + "as the report (every group, no limit). Owners and managers")
    @GetMapping("/export")
    @PreAuthorize(Access.FILES)
    ResponseEntity<StreamingResponseBody> export(
            ExportFormat format,
            @ParameterObject PeriodQuery period,
            @RequestParam(name = "group_by", required = false) String groupBy) {
        Tenant tenant = TenantContext.require();
        Periods.Range range = period.range();
        String by = grouping(groupBy);
        return exports.file(
                format,
                "gross-profit-" + by,
                range.start() + "_" + range.end(),
                COLUMNS.get(by),
                row -> lines(tenant, by, range, Integer.MAX_VALUE).lines().stream()
                        .map(GrossProfitRow::of)
                        .forEach(row));
    }

    private GrossProfitRepository.Lines lines(Tenant tenant, String by, Periods.Range range, int limit) {
        GrossProfitRepository.Lines lines =
                switch (by) {
                    case "product" -> profits.byProduct(range.start(), range.end(), limit);
                    case "category" -> profits.byCategory(range.start(), range.end(), limit);
                    case "cashier" -> profits.byCashier(tenant.key(), range.start(), range.end(), limit);
                    default -> profits.byDay(range.start(), range.end(), limit);
                };
        if (!by.equals("category")) {
            return lines;
        }
        // products without a category: named in the caller's language
        return new GrossProfitRepository.Lines(
                lines.lines().stream()
                        .map(l -> l.id() == null
                                ? new GrossProfitRepository.Line(
                                        null, null, Messages.get("analytics.no_category"), null, l.sums())
                                : l)
                        .toList(),
                lines.count());
    }

    private static String grouping(String groupBy) {
        String by = groupBy == null || groupBy.isBlank() ? "day" : groupBy.trim();
        if (!GROUPS.contains(by)) {
            throw FieldErrors.single("group_by", "analytics.group_by_invalid");
        }
        return by;
    }

    private static List<Column<GrossProfitRow>> columns(List<Column<GrossProfitRow>> first) {
        List<Column<GrossProfitRow>> all = new ArrayList<>(first);
        all.addAll(FIGURES);
        return List.copyOf(all);
    }
}
