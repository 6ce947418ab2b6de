package dev.kassa.catalog.inventory.stock;

import dev.kassa.platform.error.Messages;
import dev.kassa.platform.export.Column;
import dev.kassa.platform.export.ExportFormat;
import dev.kassa.platform.export.Exports;
import dev.kassa.platform.export.RowSource;
import dev.kassa.platform.tenancy.TenantContext;
import org.springframework.data.domain.Sort;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * The stock ledger and the batches as files: every movement with its product, batch, reason, quantity and the value at
 * the batch's cost (from a cursor, newest first), and every batch with what is left of it and what that is worth.
 */
@Service
public class StockExportService {

    static final List<Column<StockRepository.MovementRow>> MOVEMENTS = List.of(
            Column.of("export.movements.at", StockRepository.MovementRow::at),
            Column.of("export.movements.sku", StockRepository.MovementRow::sku),
            Column.of("export.movements.product", StockRepository.MovementRow::product),
            Column.of("export.movements.batch", StockRepository.MovementRow::batch),
            Column.of("export.movements.reason", StockRepository.MovementRow::reason),
            Column.of("export.movements.quantity", StockRepository.MovementRow::quantity),
            Column.of("export.movements.cost", StockRepository.MovementRow::cost),
            Column.of("export.movements.value", m -> value(m.quantity(), m.cost())),
            Column.of("export.movements.reference", StockRepository.MovementRow::reference),
            Column.of("export.movements.note", StockRepository.MovementRow::note),
            Column.of("export.movements.created_by", StockRepository.MovementRow::createdBy),
            Column.of("export.movements.location", StockRepository.MovementRow::location));

    static final List<Column<BatchRepository.View>> BATCHES = List.of(
            Column.of("export.batches.batch_number", BatchRepository.View::batchNumber),
            Column.of("export.batches.barcode", BatchRepository.View::barcode),
            Column.of("export.batches.product", BatchRepository.View::productName),
            Column.of("export.batches.supplier", BatchRepository.View::supplierName),
            Column.of("export.batches.quantity", BatchRepository.View::quantity),
            Column.of("export.batches.reserved", BatchRepository.View::reservedQuantity),
            Column.of("export.batches.purchase_price", BatchRepository.View::purchasePrice),
            Column.of("export.batches.value", b -> value(b.quantity(), b.purchasePrice())),
            Column.of("export.batches.manufacturing_date", BatchRepository.View::manufacturingDate),
            Column.of("export.batches.expiry_date", BatchRepository.View::expiryDate),
            Column.of("export.batches.days_until_expiry", BatchRepository.View::daysUntilExpiry),
            Column.of("export.batches.is_active", BatchRepository.View::isActive),
            Column.of("export.batches.is_expired", BatchRepository.View::isExpired),
            Column.of("export.batches.status", b -> Messages.get("batch.status." + b.status())),
            Column.of("export.batches.status_reason", BatchRepository.View::statusReason),
            Column.of("export.batches.received_at", BatchRepository.View::receivedAt),
            Column.of("export.batches.location", BatchRepository.View::locationCode));

    private static final int PAGE = 500;

    private final StockService stock;
    private final StockRepository repository;
    private final Exports exports;

    StockExportService(StockService stock, StockRepository repository, Exports exports) {
        this.stock = stock;
        this.repository = repository;
        this.exports = exports;
    }

    /** The store's movements, newest first; an unknown product is refused before anything is written. */
    @Transactional(readOnly = true)
    ResponseEntity<StreamingResponseBody> movements(ExportFormat format, MovementFilter filter) {
        if (filter.product() != null) {
            stock.requireProduct(filter.product());
        }
        return exports.file(format, "stock-movements", null, MOVEMENTS, row -> repository.forEachMovement(filter, row));
    }

    /** The batches the list's filters find, in its order (earliest expiry first by default). */
    ResponseEntity<StreamingResponseBody> batches(ExportFormat format, BatchFilter filter, String ordering) {
        BatchRepository.Filter on = filter.on(TenantContext.require().today());
        BatchRepository.ORDERING.orderBy(ordering);
        return exports.file(
                format,
                "batches",
                null,
                BATCHES,
                RowSource.pages(PAGE, Sort.unsorted(), page -> stock.batches(on, ordering, page), () -> {}));
    }

    /** What a quantity is worth at a cost; nothing when the cost is not known. */
    static BigDecimal value(BigDecimal quantity, BigDecimal cost) {
        return quantity == null || cost == null ? null : quantity.multiply(cost).setScale(2, RoundingMode.HALF_UP);
    }
}
