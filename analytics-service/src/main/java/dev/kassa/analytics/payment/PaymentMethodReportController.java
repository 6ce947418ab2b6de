package dev.kassa.analytics.payment;

import dev.kassa.analytics.period.PeriodQuery;
import dev.kassa.analytics.period.Periods;
import dev.kassa.platform.error.Messages;
import dev.kassa.platform.export.Column;
import dev.kassa.platform.export.ExportFormat;
import dev.kassa.platform.export.Exports;
import dev.kassa.platform.security.Access;
import io.swagger.v3.oas.annotations.Operation;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.math.BigDecimal;
import java.util.List;

/**
 * Sales by payment method (issue 65 point 7; QRes' payment methods, Loyverse's "sales by payment type"): what each method
 * took and paid back in a period, the store's own methods by the code its tills pay with. Facts recorded before the store
 * counted by method show as cash, card, credit and {@code other}.
 */
@RestController
@RequestMapping("/api/analytics/payment-methods")
class PaymentMethodReportController {

    /** {@code name}: Kassa's name of a built-in method in the caller's language, else its code. */
    record MethodRow(
            String paymentMethod, String name, long salesCount, BigDecimal sales, BigDecimal refunds, BigDecimal net) {

        static MethodRow of(PaymentMethodReportRepository.Method m) {
            String key = "payment.method." + m.code();
            String name = Messages.get(key);
            return new MethodRow(
                    m.code(), key.equals(name) ? m.code() : name, m.salesCount(), m.sales(), m.refunds(), m.net());
        }
    }

    record Totals(BigDecimal sales, BigDecimal refunds, BigDecimal net) {}

    record PaymentMethodReport(Periods.DateRange period, Totals totals, List<MethodRow> results) {}

    private static final List<Column<MethodRow>> COLUMNS = List.of(
            Column.of("export.payments.method", MethodRow::paymentMethod),
            Column.of("export.payments.name", MethodRow::name),
            Column.of("export.payments.sales_count", MethodRow::salesCount),
            Column.of("export.payments.sales", MethodRow::sales),
            Column.of("export.payments.refunds", MethodRow::refunds),
            Column.of("export.payments.net", MethodRow::net));

    private final PaymentMethodReportRepository methods;
    private final Exports exports;

    PaymentMethodReportController(PaymentMethodReportRepository methods, Exports exports) {
        this.methods = methods;
        this.exports = exports;
    }

    @Operation(
            summary = "Sales and refunds of a period by payment method: start_date and end_date (default the last 30 "
                    + "days, at most 366); each method's sales, their count, refunds paid back by it and the net, most "
                    + "first. Owners and managers")
    @GetMapping
    @PreAuthorize(Access.VIEW_SALES_REPORTS)
    PaymentMethodReport report(@ParameterObject PeriodQuery period) {
        Periods.Range range = period.range();
        List<MethodRow> rows = rows(range);
        return new PaymentMethodReport(
                Periods.DateRange.of(range),
                new Totals(
                        sum(rows.stream().map(MethodRow::sales).toList()),
                        sum(rows.stream().map(MethodRow::refunds).toList()),
                        sum(rows.stream().map(MethodRow::net).toList())),
                rows);
    }

    @Operation(
            summary = "The payment methods report as a file: ?format=csv (default) or xlsx, start_date and end_date as "
                    + "the report. Owners and managers")
    @GetMapping("/export")
    @PreAuthorize(Access.FILES)
    ResponseEntity<StreamingResponseBody> export(ExportFormat format, @ParameterObject PeriodQuery period) {
        Periods.Range range = period.range();
        return exports.file(format, "payment-methods", range.start() + "_" + range.end(), COLUMNS, row -> rows(range)
                .forEach(row));
    }

    private List<MethodRow> rows(Periods.Range range) {
        return methods.between(range.start(), range.end()).stream()
                .map(MethodRow::of)
                .toList();
    }

    private static BigDecimal sum(List<BigDecimal> values) {
        return values.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
