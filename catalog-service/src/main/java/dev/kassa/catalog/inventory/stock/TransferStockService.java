package dev.kassa.catalog.inventory.stock;

import dev.kassa.catalog.CatalogErrors;
import dev.kassa.catalog.catalogue.StockLevel;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Goods moving between an owner's stores (issue 64 point 5) through the stock ledger: shipping takes them out of the
 * source's sellable batches, earliest expiry first and never what tills hold, all lines or none; receiving makes batches
 * at the destination with the same cost, number and dates. Each with a {@code transfer} movement naming the transfer and
 * each product's {@code StockChanged}.
 */
@Service
public class TransferStockService {

    /** The ledger's reason for goods leaving for, or coming from, another of the owner's stores. */
    static final String REASON = "transfer";

    /** A line to ship: the product and how many. */
    public record Outgoing(long line, long product, BigDecimal quantity) {}

    /** What left one batch for a line: how many, at what cost, the batch's number and dates. */
    public record Part(
            long sourceBatch, BigDecimal quantity, BigDecimal cost, String number, LocalDate made, LocalDate expiry) {}

    /** Goods for one new batch at the destination. */
    public record Incoming(
            long product, BigDecimal quantity, BigDecimal cost, String number, LocalDate made, LocalDate expiry) {}

    private final StockRepository repository;
    private final BatchRepository batches;
    private final StockLevelRepository stock;
    private final StockEvents events;

    TransferStockService(
            StockRepository repository, BatchRepository batches, StockLevelRepository stock, StockEvents events) {
        this.repository = repository;
        this.batches = batches;
        this.stock = stock;
        this.events = events;
    }

    /**
     * Takes each line's goods out of its product's sellable batches (FEFO, never what tills hold), the products locked in
     * id order first; answers each line's parts. When a line cannot have all it asks, nothing is taken: 409
     * {@code transfer_short_stock} naming each such line with what could go.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Map<Long, List<Part>> ship(List<Outgoing> lines, String reference, Long userId) {
        List<Long> products =
                lines.stream().map(Outgoing::product).distinct().sorted().toList();
        Map<Long, StockRepository.LockedProduct> locked = repository.lockProducts(products);
        Map<Long, StockLevel> before = events.before(products);
        Map<Long, List<StockRepository.ShippableBatch>> sellable = new HashMap<>();
        repository.sellableBatches(products).forEach(b -> sellable.computeIfAbsent(b.product(), p -> new ArrayList<>())
                .add(b));
        Map<Long, BigDecimal> taken = new HashMap<>();
        Map<Long, List<Part>> parts = new LinkedHashMap<>();
        List<Map<String, Object>> lacking = new ArrayList<>();
        for (Outgoing line : lines) {
            StockRepository.LockedProduct product = locked.get(line.product());
            BigDecimal wanted = line.quantity();
            BigDecimal free = BigDecimal.ZERO;
            List<Part> made = new ArrayList<>();
            for (StockRepository.ShippableBatch b : sellable.getOrDefault(line.product(), List.of())) {
                BigDecimal left = b.quantity()
                        .subtract(b.held())
                        .subtract(taken.getOrDefault(b.id(), BigDecimal.ZERO))
                        .max(BigDecimal.ZERO);
                free = free.add(left);
                BigDecimal take = left.min(wanted);
                if (take.signum() > 0 && product != null && product.tracked()) {
                    made.add(new Part(b.id(), take, b.cost(), b.number(), b.made(), b.expiry()));
                    taken.merge(b.id(), take, BigDecimal::add);
                    wanted = wanted.subtract(take);
                }
            }
            if (wanted.signum() > 0 || product == null || !product.tracked()) {
                lacking.add(Map.of(
                        "line", line.line(),
                        "product", line.product(),
                        "quantity", line.quantity().toPlainString(),
                        "available", free.setScale(3).toPlainString()));
            }
            parts.put(line.line(), made);
        }
        if (!lacking.isEmpty()) {
            throw CatalogErrors.TRANSFER_SHORT_STOCK.exception(Map.of("lines", lacking));
        }
        List<BatchSpread.Take> takes = new ArrayList<>();
        List<StockLevelRepository.Movement> movements = new ArrayList<>();
        lines.forEach(line -> parts.get(line.line()).forEach(p -> {
            takes.add(new BatchSpread.Take(p.sourceBatch(), p.quantity().negate()));
            movements.add(new StockLevelRepository.Movement(
                    line.product(), p.sourceBatch(), p.quantity().negate()));
        }));
        batches.changeQuantities(takes);
        record(movements, before, reference, userId);
        return parts;
    }

    /** Takes goods in as new batches (approved: they were sellable where they came from); answers their ids in order. */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Long> receive(List<Incoming> parts, String reference, Long userId) {
        List<Long> products =
                parts.stream().map(Incoming::product).distinct().sorted().toList();
        repository.lockProducts(products);
        Map<Long, StockLevel> before = events.before(products);
        List<Long> ids = new ArrayList<>(parts.size());
        List<StockLevelRepository.Movement> movements = new ArrayList<>();
        for (Incoming p : parts) {
            long id = batches.insert(
                    p.product(),
                    p.number(),
                    BatchCodes.barcode(),
                    p.quantity(),
                    p.cost(),
                    p.made(),
                    p.expiry(),
                    null,
                    "",
                    reference,
                    false);
            ids.add(id);
            movements.add(new StockLevelRepository.Movement(p.product(), id, p.quantity()));
        }
        record(movements, before, reference, userId);
        return ids;
    }

    private void record(
            List<StockLevelRepository.Movement> movements,
            Map<Long, StockLevel> before,
            String reference,
            Long userId) {
        if (!movements.isEmpty()) {
            stock.recordMovements(
                    movements, REASON, movements.stream().map(m -> reference).toList(), userId);
            events.changed(before, REASON, reference);
        }
    }
}
