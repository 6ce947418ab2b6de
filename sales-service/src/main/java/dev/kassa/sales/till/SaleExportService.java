package dev.kassa.sales.till;

import dev.kassa.platform.error.Messages;
import dev.kassa.platform.export.Column;
import dev.kassa.platform.export.ExportFormat;
import dev.kassa.platform.export.Exports;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Service;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.util.List;

/**
 * The sales list as a file for the accountant: a row per sale (its totals and what each tender paid) or a row per sold
 * line, with the list's filters and order, streamed from a cursor.
 */
@Service
public class SaleExportService {

    static final List<Column<SaleExportRepository.SaleRow>> SALES = List.of(
            Column.of("export.sales.receipt_number", r -> r.receipt().number()),
            Column.of("export.sales.status", r -> status(r.receipt().status())),
            Column.of("export.sales.business_date", r -> r.receipt().businessDate()),
            Column.of("export.sales.completed_at", r -> r.receipt().completedAt()),
            Column.of("export.sales.register", SaleExportRepository.SaleRow::register),
            Column.of("export.sales.cashier", SaleExportRepository.SaleRow::cashier),
            Column.of("export.sales.customer", SaleExportRepository.SaleRow::customer),
            Column.of("export.sales.customer_phone", SaleExportRepository.SaleRow::customerPhone),
            Column.of("export.sales.quantity", SaleExportRepository.SaleRow::quantity),
            Column.of("export.sales.subtotal", SaleExportRepository.SaleRow::subtotal),
            Column.of("export.sales.discount", SaleExportRepository.SaleRow::discount),
            Column.of("export.sales.tax", SaleExportRepository.SaleRow::tax),
            Column.of("export.sales.total", SaleExportRepository.SaleRow::total),
            Column.of("export.sales.cash", SaleExportRepository.SaleRow::cash),
            Column.of("export.sales.card", SaleExportRepository.SaleRow::card),
            Column.of("export.sales.other", SaleExportRepository.SaleRow::other));

    static final List<Column<SaleExportRepository.LineRow>> LINES = List.of(
            Column.of("export.sales.receipt_number", r -> r.receipt().number()),
            Column.of("export.sales.status", r -> status(r.receipt().status())),
            Column.of("export.sales.business_date", r -> r.receipt().businessDate()),
            Column.of("export.sales.completed_at", r -> r.receipt().completedAt()),
            Column.of("export.sales.cashier", SaleExportRepository.LineRow::cashier),
            Column.of("export.sales.customer", SaleExportRepository.LineRow::customer),
            Column.of("export.sales.sku", SaleExportRepository.LineRow::sku),
            Column.of("export.sales.product", SaleExportRepository.LineRow::product),
            Column.of("export.sales.unit", SaleExportRepository.LineRow::unit),
            Column.of("export.sales.quantity", SaleExportRepository.LineRow::quantity),
            Column.of("export.sales.unit_price", SaleExportRepository.LineRow::unitPrice),
            Column.of("export.sales.discount", SaleExportRepository.LineRow::discount),
            Column.of("export.sales.tax_rate", SaleExportRepository.LineRow::taxRate),
            Column.of("export.sales.line_total", SaleExportRepository.LineRow::lineTotal),
            Column.of("export.sales.refunded_quantity", SaleExportRepository.LineRow::refundedQuantity));

    private final SaleExportRepository rows;
    private final Exports exports;

    SaleExportService(SaleExportRepository rows, Exports exports) {
        this.rows = rows;
        this.exports = exports;
    }

    /** The file; {@code lines} makes it a row per sold line. A bad ordering is refused before anything is written. */
    ResponseEntity<StreamingResponseBody> export(
            ExportFormat format, SaleFilter filter, String ordering, boolean lines) {
        SaleSearchRepository.Filter search = filter.query();
        String orderBy = SaleSearchRepository.ORDERING.orderBy(ordering);
        return lines
                ? exports.file(format, "sale-lines", filter.period(), LINES, row -> rows.lines(search, orderBy, row))
                : exports.file(format, "sales", filter.period(), SALES, row -> rows.sales(search, orderBy, row));
    }

    private static String status(SaleStatus status) {
        return Messages.get("sale.status." + status.wire());
    }
}
