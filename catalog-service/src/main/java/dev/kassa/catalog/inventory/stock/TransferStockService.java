package dev.kassa.catalog.inventory.stock;

import dev.kassa.catalog.CatalogErrors;
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

    /** A line to ship: the product and how many. */
    public record Outgoing(long line, long product, BigDecimal quantity) {}

    /** What left one batch for a line: how many, at what cost, the batch's number and dates. */
    public record Part(
            long sourceBatch, BigDecimal quantity, BigDecimal cost, String number, LocalDate made, LocalDate expiry) {}

    /** Goods for one new batch at the destination. */
    public record Incoming(
            long product, BigDecimal quantity, BigDecimal cost, String number, LocalDate made, LocalDate expiry) {}

    /** What a receipt made: the new batches' ids in order, and each product's cost price after it. */
    public record Received(List<Long> batches, Map<Long, BigDecimal> averageCosts) {}

    private final StockRepository repository;
    private final StockLedger ledger;
    private final Placements placements;

    TransferStockService(StockRepository repository, StockLedger ledger, Placements placements) {
        this.repository = repository;
        this.ledger = ledger;
        this.placements = placements;
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
        StockLedger.Entry entry = ledger.open(products, StockReason.TRANSFER, reference, userId);
        Map<Long, List<StockRepository.ShippableBatch>> sellable = new HashMap<>();
        repository.sellableBatches(products).forEach(b -> sellable.computeIfAbsent(b.product(), p -> new ArrayList<>())
                .add(b));
        Map<Long, BigDecimal> taken = new HashMap<>();
        Map<Long, List<Part>> parts = new LinkedHashMap<>();
        List<Map<String, Object>> lacking = new ArrayList<>();
        for (Outgoing line : lines) {
            boolean tracked = entry.tracked(line.product());
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
                if (take.signum() > 0 && tracked) {
                    made.add(new Part(b.id(), take, b.cost(), b.number(), b.made(), b.expiry()));
                    taken.merge(b.id(), take, BigDecimal::add);
                    wanted = wanted.subtract(take);
                }
            }
            if (wanted.signum() > 0 || !tracked) {
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
        lines.forEach(line -> parts.get(line.line())
                .forEach(p -> entry.change(
                        line.product(), p.sourceBatch(), p.quantity().negate())));
        entry.post();
        return parts;
    }

    /**
     * Takes goods in as new batches (approved: they were sellable where they came from), the products locked in id order
     * first; answers their ids in order and each product's cost after them (the weighted average of its stock and what
     * came).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Received receive(List<Incoming> parts, String reference, Long userId, Long location) {
        Long placed = placements.placed(location);
        StockLedger.Entry entry =
                ledger.open(parts.stream().map(Incoming::product).toList(), StockReason.TRANSFER, reference, userId);
        List<Long> ids = new ArrayList<>(parts.size());
        for (Incoming p : parts) {
            ids.add(entry.arrive(
                    new StockLedger.NewBatch(
                            p.product(), p.number(), p.quantity(), p.cost(), p.made(), p.expiry(), null, "", reference),
                    placed));
        }
        entry.post();
        return new Received(ids, entry.averageCosts());
    }
}
