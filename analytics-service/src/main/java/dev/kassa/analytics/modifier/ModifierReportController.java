package dev.kassa.analytics.modifier;

import dev.kassa.analytics.period.PeriodQuery;
import dev.kassa.analytics.period.Periods;
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
 * Sales by modifier (issue 65 point 2; Loyverse's "sales by modifier"): for each option of a modifier group, the sales it
 * was chosen in, the units sold with it and what it added to them, in a period.
 */
@RestController
@RequestMapping("/api/analytics/modifiers")
class ModifierReportController {

    record ModifierReport(Periods.DateRange period, BigDecimal amount, List<ModifierReportRepository.Option> results) {}

    private static final List<Column<ModifierReportRepository.Option>> COLUMNS = List.of(
            Column.of("export.modifiers.option", ModifierReportRepository.Option::optionId),
            Column.of("export.modifiers.group", ModifierReportRepository.Option::group),
            Column.of("export.modifiers.name", ModifierReportRepository.Option::name),
            Column.of("export.modifiers.sales_count", ModifierReportRepository.Option::salesCount),
            Column.of("export.modifiers.quantity", ModifierReportRepository.Option::quantity),
            Column.of("export.modifiers.amount", ModifierReportRepository.Option::amount));

    private final ModifierReportRepository options;
    private final Exports exports;

    ModifierReportController(ModifierReportRepository options, Exports exports) {
        this.options = options;
        this.exports = exports;
    }

    @Operation(
            summary = "Sales by modifier: start_date and end_date (default the last 30 days, at most 366); each option "
                    + "sold, its group, the sales it was chosen in, the units sold with it and what it added, most first. "
                    + "Owners and managers")
    @GetMapping
    @PreAuthorize(Access.VIEW_SALES_REPORTS)
    ModifierReport report(@ParameterObject PeriodQuery period) {
        Periods.Range range = period.range();
        List<ModifierReportRepository.Option> rows = options.between(range.start(), range.end());
        return new ModifierReport(
                Periods.DateRange.of(range),
                rows.stream().map(ModifierReportRepository.Option::amount).reduce(BigDecimal.ZERO, BigDecimal::add),
                rows);
    }

    @Operation(
            summary = "Sales by modifier as a file: ?format=csv (default) or xlsx, start_date and end_date as the "
                    + "report. Owners and managers")
    @GetMapping("/export")
    @PreAuthorize(Access.FILES)
    ResponseEntity<StreamingResponseBody> export(ExportFormat format, @ParameterObject PeriodQuery period) {
        Periods.Range range = period.range();
        return exports.file(format, "modifiers", range.start() + "_" + range.end(), COLUMNS, row -> options.between(
                        range.start(), range.end())
                .forEach(row));
    }
}
