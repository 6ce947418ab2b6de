package dev.kassa.analytics.customer;

import dev.kassa.analytics.AnalyticsErrors;
import dev.kassa.analytics.period.Periods;
import dev.kassa.platform.error.FieldErrors;
import dev.kassa.platform.export.Column;
import dev.kassa.platform.export.ExportFormat;
import dev.kassa.platform.export.Exports;
import dev.kassa.platform.export.RowSource;
import dev.kassa.platform.security.Access;
import dev.kassa.platform.web.PageResponse;
import dev.kassa.platform.web.SqlOrdering;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.kassa.platform.data.Values.blankToNull;

/**
 * Customers by RFM (spec §8.3 N9–N11, with the REWRITE): recency over the whole history, so At Risk and Can't Lose
 * Them are reachable, and the store's own thresholds ({@code /api/analytics/settings}).
 */
@RestController
@RequestMapping("/api/analytics/customer-analytics")
class CustomerAnalyticsController {

    /** Customers to win back, biggest spenders first. */
    record AtRisk(int count, List<CustomerAnalyticsRepository.Row> customers) {}

    static final Set<String> SEGMENTS = Set.of(
            "Champions",
            "Loyal Customers",
            "Potential Loyalists",
            "New Customers",
            "Promising",
            "Need Attention",
            "At Risk",
            "Can't Lose Them",
            "Hibernating",
            "Lost");
    private static final SqlOrdering ORDERING = SqlOrdering.of(
            "-monetary",
            "a.id",
            Map.of(
                    "monetary",
                    "a.monetary",
                    "frequency",
                    "a.frequency",
                    "recency_days",
                    "a.recency_days",
                    "rfm_score",
                    "a.rfm_score"));

    /** The columns of customers by RFM as a file. */
    static final List<Column<CustomerAnalyticsRepository.Row>> COLUMNS = List.of(
            Column.of("export.rfm.name", CustomerAnalyticsRepository.Row::customerName),
            Column.of("export.rfm.phone", CustomerAnalyticsRepository.Row::customerPhone),
            Column.of("export.rfm.segment", CustomerAnalyticsRepository.Row::segment),
            Column.of("export.rfm.score", CustomerAnalyticsRepository.Row::rfmScore),
            Column.of("export.rfm.recency_days", CustomerAnalyticsRepository.Row::recencyDays),
            Column.of("export.rfm.frequency", CustomerAnalyticsRepository.Row::frequency),
            Column.of("export.rfm.monetary", CustomerAnalyticsRepository.Row::monetary),
            Column.of("export.rfm.purchases", CustomerAnalyticsRepository.Row::purchasesCount),
            Column.of("export.rfm.total_spent", CustomerAnalyticsRepository.Row::totalSpent),
            Column.of("export.rfm.average_purchase", CustomerAnalyticsRepository.Row::avgPurchaseAmount),
            Column.of("export.rfm.credit_purchases", CustomerAnalyticsRepository.Row::creditPurchases),
            Column.of("export.rfm.credit_amount", CustomerAnalyticsRepository.Row::totalCreditAmount));

    /** The list's filters, checked. */
    private record Filter(Long customer, String segment, Integer rfmScore) {
        static Filter of(String customer, String segment, String score) {
            Long customerId = Periods.id("customer", customer);
            if (segment != null && !segment.isBlank() && !SEGMENTS.contains(segment.trim())) {
                throw FieldErrors.single("segment", "analytics.segment_unknown");
            }
            Integer rfm = score == null || score.isBlank()
                    ? null
                    : Periods.number("rfm_score", score, 0, 1, 5, "analytics.rfm_score_invalid");
            return new Filter(customerId, blankToNull(segment), rfm);
        }
    }

    private final CustomerAnalyticsService analytics;
    private final Exports exports;

    CustomerAnalyticsController(CustomerAnalyticsService analytics, Exports exports) {
        this.analytics = analytics;
        this.exports = exports;
    }

    @Operation(
            summary = "Customers by RFM as a file: ?format=csv (default) or xlsx, with the list's filters (customer, "
                    + "segment, rfm_score) and ordering; name, phone, segment, scores, spend, purchases, credit. Owners "
                    + "and managers")
    @GetMapping("/export")
    @PreAuthorize(Access.FILES)
    ResponseEntity<StreamingResponseBody> export(
            ExportFormat format,
            @RequestParam(required = false) String customer,
            @RequestParam(required = false) String segment,
            @RequestParam(name = "rfm_score", required = false) String score,
            @RequestParam(required = false) String ordering) {
        Filter f = Filter.of(customer, segment, score);
        String orderBy = ORDERING.orderBy(ordering);
        return exports.file(
                format,
                "customer-analytics",
                null,
                COLUMNS,
                RowSource.pages(
                        500,
                        Sort.unsorted(),
                        page -> analytics.page(f.customer(), f.segment(), f.rfmScore(), orderBy, page),
                        () -> {}));
    }

    @Operation(
            summary =
                    "Customers by RFM, biggest spenders first: filters customer (id), segment, rfm_score (1–5); ordering monetary, "
                            + "frequency, recency_days, rfm_score (prefix - for descending)")
    @GetMapping
    @PreAuthorize(Access.VIEW_SALES_REPORTS)
    PageResponse<CustomerAnalyticsRepository.Row> list(
            @RequestParam(required = false) String customer,
            @RequestParam(required = false) String segment,
            @RequestParam(name = "rfm_score", required = false) String score,
            @RequestParam(required = false) String ordering,
            PageRequest page) {
        Filter f = Filter.of(customer, segment, score);
        String orderBy = ORDERING.orderBy(ordering);
        return PageResponse.of(analytics.page(f.customer(), f.segment(), f.rfmScore(), orderBy, page), r -> r);
    }

    @Operation(summary = "One customer's RFM row by its id")
    @GetMapping("/{id}")
    @PreAuthorize(Access.VIEW_SALES_REPORTS)
    CustomerAnalyticsRepository.Row get(@PathVariable long id) {
        return analytics.find(id).orElseThrow(() -> AnalyticsErrors.REPORT_NOT_FOUND.exception());
    }

    @Operation(summary = "Segments with their customers, spend and average purchase, biggest spend first")
    @GetMapping("/segments")
    @PreAuthorize(Access.VIEW_SALES_REPORTS)
    CustomerAnalyticsService.Segments segments() {
        return analytics.segments();
    }

    @Operation(
            summary = "Customers to win back: At Risk, Can't Lose Them, Hibernating and Lost, biggest spenders first")
    @GetMapping("/at-risk")
    @PreAuthorize(Access.VIEW_SALES_REPORTS)
    AtRisk atRisk() {
        List<CustomerAnalyticsRepository.Row> rows = analytics.atRisk();
        return new AtRisk(rows.size(), rows);
    }
}
