package dev.kassa.analytics.stores;

import dev.kassa.platform.error.Messages;
import dev.kassa.platform.export.Column;
import dev.kassa.platform.export.ExportFormat;
import dev.kassa.platform.export.Exports;
import dev.kassa.platform.security.Access;
import dev.kassa.platform.security.Caller;
import dev.kassa.platform.web.Success;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The owner's stores side by side (spec §8.4), at auth's path: {@code GET /api/users/stores/multi-store-analytics/}, routed
 * here by the gateway. No tenant key: the stores are those the caller's token says they own.
 */
@RestController
class MultiStoreController {

    private final MultiStoreReportService report;
    private final Exports exports;

    MultiStoreController(MultiStoreReportService report, Exports exports) {
        this.report = report;
        this.exports = exports;
    }

    @Operation(
            summary =
                    "Sales of every store the caller owns, side by side and in total: period = today | yesterday | week | month "
                            + "(each store's own local dates), or start_date and end_date (default the last 30 days); sorted by sales")
    @GetMapping("/api/users/stores/multi-store-analytics")
    @PreAuthorize(Access.MEMBER)
    Success<MultiStoreReportService.MultiStoreSales> get(
            Caller caller,
            @RequestParam(required = false) String period,
            @RequestParam(name = "start_date", required = false) String start,
            @RequestParam(name = "end_date", required = false) String end) {
        return report.of(caller, period, start, end);
    }

    /** The owner's stores as a file: a row a store, best sales first, then their total. */
    static final List<Column<MultiStoreReportService.StoreSales>> COLUMNS = List.of(
            Column.of("export.stores.store", MultiStoreReportService.StoreSales::storeName),
            Column.of("export.stores.key", MultiStoreReportService.StoreSales::tenantKey),
            Column.of("export.stores.address", MultiStoreReportService.StoreSales::address),
            Column.of("export.stores.start_date", s -> s.period().startDate()),
            Column.of("export.stores.end_date", s -> s.period().endDate()),
            Column.of("export.daily.sales_count", MultiStoreReportService.StoreSales::salesCount),
            Column.of("export.daily.total_sales", MultiStoreReportService.StoreSales::totalSales),
            Column.of("export.daily.discount", MultiStoreReportService.StoreSales::totalDiscount),
            Column.of("export.daily.items_sold", MultiStoreReportService.StoreSales::totalItemsSold),
            Column.of("export.daily.average_sale", MultiStoreReportService.StoreSales::avgSale),
            Column.of("export.profit.cost", MultiStoreReportService.StoreSales::totalCost),
            Column.of("export.profit.gross_profit", MultiStoreReportService.StoreSales::grossProfit),
            Column.of("export.profit.margin", MultiStoreReportService.StoreSales::grossMargin),
            Column.of("export.stock.cost_value", MultiStoreReportService.StoreSales::stockValue));

    @Operation(
            summary = "The owner's stores side by side as a file: ?format=csv (default) or xlsx, the same period "
                    + "parameters; a row a store (best sales first) and a last row with their total")
    @GetMapping("/api/users/stores/multi-store-analytics/export")
    @PreAuthorize(Access.MEMBER)
    ResponseEntity<StreamingResponseBody> export(
            Caller caller,
            ExportFormat format,
            @RequestParam(required = false) String period,
            @RequestParam(name = "start_date", required = false) String start,
            @RequestParam(name = "end_date", required = false) String end) {
        MultiStoreReportService.MultiStoreSales sales =
                report.of(caller, period, start, end).data();
        MultiStoreReportService.Aggregated all = sales.aggregated();
        List<MultiStoreReportService.StoreSales> rows = new ArrayList<>(sales.byStore());
        rows.add(new MultiStoreReportService.StoreSales(
                null,
                Messages.get("export.stores.total"),
                "",
                "",
                "",
                sales.period(),
                all.totalSales(),
                all.totalSalesCount(),
                all.totalDiscount(),
                all.totalItemsSold(),
                all.avgSaleAmount(),
                all.totalCost(),
                all.grossProfit(),
                all.grossMargin(),
                all.stockValue(),
                all.stockRetailValue()));
        return exports.file(
                format,
                "stores",
                "owner-" + caller.userId(),
                sales.period().startDate() + "_" + sales.period().endDate(),
                ZoneOffset.UTC,
                COLUMNS,
                rows);
    }
}
