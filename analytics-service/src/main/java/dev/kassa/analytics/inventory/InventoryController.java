package dev.kassa.analytics.inventory;

import dev.kassa.analytics.AnalyticsErrors;
import dev.kassa.analytics.period.Periods;
import dev.kassa.platform.export.Column;
import dev.kassa.platform.export.ExportFormat;
import dev.kassa.platform.export.Exports;
import dev.kassa.platform.security.Access;
import dev.kassa.platform.tenancy.TenantContext;
import dev.kassa.platform.web.PageResponse;
import dev.kassa.platform.web.SqlOrdering;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Stock over time (spec §8.3 N12–N15), kept current from catalog's stock events: today's row of a product changes
 * within seconds of a sale, a receipt or an adjustment. Owners, managers and stockkeepers.
 */
@RestController
@RequestMapping("/api/analytics/inventory-snapshots")
class InventoryController {

    /** Each product's latest snapshot; {@code date} is the newest of them. */
    record LatestSnapshots(String date, List<SnapshotRepository.Snapshot> snapshots) {}

    /** The products flagged (low or out of stock) as of the newest snapshot date. */
    record FlaggedProducts(String date, int count, List<SnapshotRepository.Snapshot> products) {}

    private static final SqlOrdering ORDERING = SqlOrdering.of(
            "-date",
            "s.id",
            Map.of(
                    "date",
                    "s.date, s.product_id",
                    "quantity_on_hand",
                    "s.quantity_on_hand",
                    "turnover_rate",
                    "s.turnover_rate",
                    "days_of_stock",
                    "s.days_of_stock"));

    /** The columns of the stock as it stands as a file. */
    static final List<Column<SnapshotRepository.Snapshot>> COLUMNS = List.of(
            Column.of("export.stock.product", SnapshotRepository.Snapshot::productName),
            Column.of("export.stock.date", SnapshotRepository.Snapshot::date),
            Column.of("export.stock.on_hand", SnapshotRepository.Snapshot::quantityOnHand),
            Column.of("export.stock.reserved", SnapshotRepository.Snapshot::reservedQuantity),
            Column.of("export.stock.available", SnapshotRepository.Snapshot::availableQuantity),
            Column.of("export.stock.cost_value", SnapshotRepository.Snapshot::totalCost),
            Column.of("export.stock.retail_value", SnapshotRepository.Snapshot::totalValue),
            Column.of("export.stock.turnover", SnapshotRepository.Snapshot::turnoverRate),
            Column.of("export.stock.days_of_stock", SnapshotRepository.Snapshot::daysOfStock),
            Column.of("export.stock.out_of_stock", SnapshotRepository.Snapshot::isOutOfStock),
            Column.of("export.stock.low_stock", SnapshotRepository.Snapshot::isLowStock),
            Column.of("export.stock.overstock", SnapshotRepository.Snapshot::isOverstock));

    private final SnapshotRepository snapshots;
    private final Exports exports;

    InventoryController(SnapshotRepository snapshots, Exports exports) {
        this.snapshots = snapshots;
        this.exports = exports;
    }

    @Operation(
            summary = "The stock as it stands as a file (each product's latest snapshot, by name): ?format=csv "
                    + "(default) or xlsx; on hand, reserved, available, value at cost and at retail, turnover, days of "
                    + "stock, flags. Owners and managers")
    @GetMapping("/export")
    @PreAuthorize(Access.FILES)
    ResponseEntity<StreamingResponseBody> export(ExportFormat format) {
        return exports.file(format, "stock", null, COLUMNS, row -> snapshots
                .latest(SnapshotRepository.ALL, SnapshotRepository.BY_NAME)
                .forEach(row));
    }

    @Operation(
            summary =
                    "Snapshots, newest first: filters product (id), date, is_low_stock, is_out_of_stock, is_overstock; "
                            + "ordering date, quantity_on_hand, turnover_rate, days_of_stock (prefix - for descending)")
    @GetMapping
    @PreAuthorize(Access.VIEW_ANALYTICS)
    PageResponse<SnapshotRepository.Snapshot> list(
            @RequestParam(required = false) String product,
            @RequestParam(required = false) String date,
            @RequestParam(name = "is_low_stock", required = false) String low,
            @RequestParam(name = "is_out_of_stock", required = false) String out,
            @RequestParam(name = "is_overstock", required = false) String over,
            @RequestParam(required = false) String ordering,
            PageRequest page) {
        Long productId = Periods.id("product", product);
        LocalDate day = Periods.optionalDate("date", date);
        Boolean isLow = Periods.flag("is_low_stock", low);
        Boolean isOut = Periods.flag("is_out_of_stock", out);
        Boolean isOver = Periods.flag("is_overstock", over);
        String orderBy = ORDERING.orderBy(ordering);
        return PageResponse.of(snapshots.page(productId, day, isLow, isOut, isOver, orderBy, page), s -> s);
    }

    @Operation(summary = "One snapshot by its id")
    @GetMapping("/{id}")
    @PreAuthorize(Access.VIEW_ANALYTICS)
    SnapshotRepository.Snapshot get(@PathVariable long id) {
        return snapshots.find(id).orElseThrow(() -> AnalyticsErrors.REPORT_NOT_FOUND.exception());
    }

    @Operation(summary = "The stock as it stands: each product's latest snapshot; date is the newest of them")
    @GetMapping("/latest")
    @PreAuthorize(Access.VIEW_ANALYTICS)
    LatestSnapshots latest() {
        List<SnapshotRepository.Snapshot> rows = snapshots.latest(SnapshotRepository.ALL, SnapshotRepository.BY_NAME);
        // a store with no product yet has an empty stock list as of today, not a missing one
        return new LatestSnapshots(
                rows.isEmpty() ? TenantContext.require().today().toString() : newest(rows), rows);
    }

    @Operation(summary = "Products low on stock (above zero, at most their minimum), the fewest days of stock first")
    @GetMapping("/low-stock-alerts")
    @PreAuthorize(Access.VIEW_ANALYTICS)
    FlaggedProducts lowStock() {
        return flagged(SnapshotRepository.LOW, SnapshotRepository.BY_DAYS_OF_STOCK);
    }

    @Operation(summary = "Products with nothing left")
    @GetMapping("/out-of-stock")
    @PreAuthorize(Access.VIEW_ANALYTICS)
    FlaggedProducts outOfStock() {
        return flagged(SnapshotRepository.OUT, SnapshotRepository.BY_NAME);
    }

    private FlaggedProducts flagged(String filter, String order) {
        LocalDate newest =
                snapshots.newestDate().orElseGet(() -> TenantContext.require().today());
        List<SnapshotRepository.Snapshot> rows = snapshots.latest(filter, order);
        return new FlaggedProducts(newest.toString(), rows.size(), rows);
    }

    private static String newest(List<SnapshotRepository.Snapshot> rows) {
        return rows.stream()
                .map(SnapshotRepository.Snapshot::date)
                .max(Comparator.naturalOrder())
                .orElseThrow()
                .toString();
    }
}
