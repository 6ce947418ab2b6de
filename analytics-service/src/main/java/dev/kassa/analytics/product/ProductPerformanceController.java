package dev.kassa.analytics.product;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.kassa.analytics.AnalyticsErrors;
import dev.kassa.analytics.facts.GrossMargin;
import dev.kassa.analytics.period.PeriodQuery;
import dev.kassa.analytics.period.Periods;
import dev.kassa.platform.error.FieldErrors;
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
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How each product sells (spec §8.3 N6–N8): revenue, quantity and profit per business date, net of refunds. Profit is
 * revenue minus the purchase price of the batch each unit was sold from (not today's cost price, as in the original).
 */
@RestController
@RequestMapping("/api/analytics/product-performance")
class ProductPerformanceController {

    /** A period of local dates, both ends included. */
    record TopProducts(Periods.DateRange period, List<ProductPerformanceRepository.Top> topProducts) {}

    /** A slow mover under the original's field names ({@code product__id}, …). */
    record SlowMover(
            @JsonProperty("product__id") long productId,
            @JsonProperty("product__name") String productName,
            @JsonProperty("product__sku") String productSku,
            BigDecimal totalQuantity) {}

    /** {@code period} says in words which days were looked at. */
    record SlowMovers(String period, List<SlowMover> slowMovers) {}

    private static final SqlOrdering ORDERING = SqlOrdering.of(
            "-date",
            "pp.id",
            Map.of(
                    "date",
                    "pp.date, pp.total_revenue desc",
                    "total_revenue",
                    "pp.total_revenue",
                    "quantity_sold",
                    "pp.quantity_sold",
                    "profit_margin",
                    "pp.profit_margin",
                    "total_profit",
                    "pp.total_profit"));
    private static final Set<String> ORDER_BY = Set.of("revenue", "quantity", "profit");

    /** The columns of a period's products as a file, best revenue first. */
    static final List<Column<ProductPerformanceRepository.Top>> COLUMNS = List.of(
            Column.of("export.performance.sku", ProductPerformanceRepository.Top::productSku),
            Column.of("export.performance.name", ProductPerformanceRepository.Top::productName),
            Column.of("export.performance.quantity", ProductPerformanceRepository.Top::totalQuantity),
            Column.of("export.performance.revenue", ProductPerformanceRepository.Top::totalRevenue),
            Column.of("export.performance.profit", ProductPerformanceRepository.Top::totalProfit),
            Column.of("export.performance.margin", ProductPerformanceController::margin),
            Column.of("export.performance.sales_count", ProductPerformanceRepository.Top::salesCount));

    private final ProductPerformanceRepository performance;
    private final Exports exports;

    ProductPerformanceController(ProductPerformanceRepository performance, Exports exports) {
        this.performance = performance;
        this.exports = exports;
    }

    @Operation(
            summary =
                    "Every product sold in a period as a file: ?format=csv (default) or xlsx, start_date and end_date "
                            + "(default the last 30 days, at most 366); SKU, name, quantity, revenue, profit at the batches' "
                            + "cost, margin (%), sales, net of refunds, best revenue first. Owners and managers")
    @GetMapping("/export")
    @PreAuthorize(Access.FILES)
    ResponseEntity<StreamingResponseBody> export(ExportFormat format, @ParameterObject PeriodQuery period) {
        Periods.Range range = period.range();
        return exports.file(
                format, "product-performance", range.start() + "_" + range.end(), COLUMNS, row -> performance
                        .top(range.start(), range.end(), "revenue", Integer.MAX_VALUE)
                        .forEach(row));
    }

    /** Profit as a percentage of revenue; none without revenue. */
    static BigDecimal margin(ProductPerformanceRepository.Top top) {
        if (top.totalRevenue() == null || top.totalRevenue().signum() == 0 || top.totalProfit() == null) {
            return null;
        }
        return GrossMargin.percent(top.totalRevenue(), top.totalProfit());
    }

    @Operation(
            summary =
                    "Per product and day, newest first: filters product (id), date; ordering date, total_revenue, quantity_sold, "
                            + "profit_margin, total_profit (prefix - for descending)")
    @GetMapping
    @PreAuthorize(Access.VIEW_SALES_REPORTS)
    PageResponse<ProductPerformanceRepository.Row> list(
            @RequestParam(required = false) String product,
            @RequestParam(required = false) String date,
            @RequestParam(required = false) String ordering,
            PageRequest page) {
        Long productId = Periods.id("product", product);
        LocalDate day = Periods.optionalDate("date", date);
        String orderBy = ORDERING.orderBy(ordering);
        return PageResponse.of(performance.page(productId, day, orderBy, page), r -> r);
    }

    @Operation(summary = "One product's day by its id")
    @GetMapping("/{id}")
    @PreAuthorize(Access.VIEW_SALES_REPORTS)
    ProductPerformanceRepository.Row get(@PathVariable long id) {
        return performance.find(id).orElseThrow(() -> AnalyticsErrors.REPORT_NOT_FOUND.exception());
    }

    @Operation(
            summary = "The best products of a period: start_date and end_date (default the last 30 days, at most 366), "
                    + "limit 1–100 (default 10), order_by revenue (default), quantity or profit")
    @GetMapping("/top-products")
    @PreAuthorize(Access.VIEW_SALES_REPORTS)
    TopProducts top(
            @ParameterObject PeriodQuery period,
            @RequestParam(required = false) String limit,
            @RequestParam(name = "order_by", required = false) String orderBy) {
        Periods.Range range = period.range();
        int n = Periods.number("limit", limit, 10, 1, 100, "analytics.limit_invalid");
        String by = orderBy == null || orderBy.isBlank() ? "revenue" : orderBy.trim();
        if (!ORDER_BY.contains(by)) {
            throw FieldErrors.single("order_by", "analytics.order_by_invalid");
        }
        return new TopProducts(Periods.DateRange.of(range), performance.top(range.start(), range.end(), by, n));
    }

    @Operation(
            summary =
                    "Products that sold fewer than 5 units in the last N days (default 30, at most 366), fewest first, at most 20; "
                            + "products that sold nothing at all are included")
    @GetMapping("/slow-movers")
    @PreAuthorize(Access.VIEW_SALES_REPORTS)
    SlowMovers slow(@RequestParam(required = false) String days) {
        int n = Periods.number("days", days, 30, 1, 366, "analytics.days_invalid");
        LocalDate from = TenantContext.require().today().minusDays(n - 1L);
        List<SlowMover> rows = performance.slowMovers(from).stream()
                .map(s -> new SlowMover(s.productId(), s.productName(), s.productSku(), s.totalQuantity()))
                .toList();
        return new SlowMovers(Messages.get("analytics.last_days", n), rows);
    }
}
