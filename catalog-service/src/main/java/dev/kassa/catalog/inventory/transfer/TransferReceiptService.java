package dev.kassa.catalog.inventory.transfer;

import dev.kassa.catalog.CatalogErrors;
import dev.kassa.catalog.catalogue.product.ProductService;
import dev.kassa.catalog.inventory.stock.TransferStockService;
import dev.kassa.platform.error.FieldErrors;
import dev.kassa.platform.events.OutboxPublisher;
import dev.kassa.platform.security.Caller;
import dev.kassa.platform.tenancy.TenantContext;
import dev.kassa.platform.validation.RequestRules;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A receipt of a transfer at its destination (issue 64 point 5): each line's goods spread over the parts that left the
 * source, in the order they left, each piece a new batch with the part's cost, number and dates; with {@code close}, what
 * is still missing after it is lost at the source's cost and the transfer is received; each product's cost price follows
 * what came (weighted average). {@code TransferReceived} tells the source.
 */
@Service
class TransferReceiptService {

    /** A receipt's pieces, each a new batch: what it takes of a part, of which line, and how much of each part. */
    private record Pieces(
            List<TransferStockService.Incoming> incoming,
            List<Long> parts,
            List<Long> lines,
            Map<Long, BigDecimal> takenOfPart) {}

    /** What a receipt does to the lines, what the source is told, what came and was lost, and whether all is done. */
    private record Outcome(
            List<TransferRepository.LineChange> changes,
            List<TransferReceived.Line> announced,
            BigDecimal receivedCost,
            BigDecimal lostValue,
            boolean all) {}

    private final TransferRepository transfers;
    private final TransferReceiptRepository made;
    private final TransferStockService stock;
    private final OutboxPublisher outbox;
    private final ProductService catalog;
    private final RequestRules rules;

    TransferReceiptService(
            TransferRepository transfers,
            TransferReceiptRepository made,
            TransferStockService stock,
            OutboxPublisher outbox,
            ProductService catalog,
            RequestRules rules) {
        this.rules = rules;
        this.transfers = transfers;
        this.made = made;
        this.stock = stock;
        this.outbox = outbox;
        this.catalog = catalog;
    }

    /** Whether a receipt was made under {@code requestKey} already (a retry answers as the transfer stands). */
    boolean madeUnder(String requestKey) {
        return requestKey != null && made.receiptOf(requestKey).isPresent();
    }

    /** Inside the transfer's lock: {@code transfer} is this store's incoming copy, shipped and not yet all received. */
    @Transactional(propagation = Propagation.MANDATORY)
    void receive(
            Caller caller,
            TransferRepository.Row transfer,
            String requestKey,
            TransferService.TransferReceiveRequest r) {
        List<TransferRepository.Line> lines = transfers.lines(transfer.id());
        Map<Long, TransferRepository.Line> byId = new HashMap<>();
        lines.forEach(l -> byId.put(l.id(), l));
        boolean close = Boolean.TRUE.equals(r.close());
        Map<Long, BigDecimal> coming = coming(rules.check(r), lines, byId, r, close);
        refuseOverReceipt(coming, byId);
        Map<Long, List<TransferRepository.Part>> parts = new HashMap<>();
        transfers.parts(transfer.id()).forEach(p -> parts.computeIfAbsent(p.lineId(), k -> new ArrayList<>())
                .add(p));
        Pieces pieces = pieces(coming, byId, parts);
        Map<Long, List<Long>> batchesOfLine = takeIn(pieces, transfer.number(), caller.userId());
        Outcome outcome = outcome(lines, parts, coming, close, pieces.takenOfPart(), batchesOfLine);
        transfers.linesReceived(outcome.changes());
        long receipt = made.receipt(transfer.id(), requestKey, caller.userId(), r.notes() == null ? "" : r.notes());
        TransferStatus status = transfer.status()
                .moveTo(
                        outcome.all() ? TransferStatus.RECEIVED : TransferStatus.PARTIALLY_RECEIVED,
                        CatalogErrors.TRANSFER_STATUS);
        transfers.status(transfer.id(), status, null);
        outbox.publish(
                TenantContext.require().key(),
                new TransferReceived(
                        transfer.id(),
                        transfer.sourceId(),
                        transfer.number(),
                        transfer.fromStore(),
                        transfer.toStore(),
                        receipt,
                        status.wire(),
                        caller.userId(),
                        Instant.now(),
                        outcome.receivedCost(),
                        outcome.lostValue(),
                        outcome.announced()));
    }

    /**
     * What the receipt takes of each line (by id, in the order named; no lines named: all still to come of each line
     * with a product here), its declared rules' {@code errors} joined by those of the transfer's lines; refused when it
     * takes nothing and does not close the transfer.
     */
    private static Map<Long, BigDecimal> coming(
            FieldErrors errors,
            List<TransferRepository.Line> lines,
            Map<Long, TransferRepository.Line> byId,
            TransferService.TransferReceiveRequest r,
            boolean close) {
        Map<Long, BigDecimal> coming = new LinkedHashMap<>();
        if (r.lines() == null) {
            lines.stream()
                    .filter(l -> l.productId() != null && l.remaining().signum() > 0)
                    .forEach(l -> coming.put(l.id(), l.remaining()));
        } else {
            for (int i = 0; i < r.lines().size(); i++) {
                TransferService.TransferReceivedLineForm f = r.lines().get(i);
                if (f == null || f.line() == null) {
                    continue;
                }
                String prefix = "lines." + i + ".";
                TransferRepository.Line line = byId.get(f.line());
                if (line == null) {
                    errors.add(prefix + "line", "catalog.transfer_line_unknown", String.valueOf(f.line()));
                } else if (line.productId() == null) {
                    errors.add(prefix + "line", "catalog.transfer_line_no_product");
                }
                if (line != null && line.productId() != null && f.quantity() != null) {
                    coming.merge(line.id(), f.quantity().setScale(3, RoundingMode.HALF_UP), BigDecimal::add);
                }
            }
        }
        if (coming.isEmpty() && !close) {
            errors.add("lines", "catalog.purchase_lines_size", TransferService.MAX_LINES);
        }
        errors.throwIfAny();
        return coming;
    }

    /** Refuses a receipt of more than a line still has to come, naming each such line. */
    private static void refuseOverReceipt(Map<Long, BigDecimal> coming, Map<Long, TransferRepository.Line> byId) {
        List<Map<String, Object>> over = new ArrayList<>();
        coming.forEach((id, quantity) -> {
            TransferRepository.Line l = byId.get(id);
            if (quantity.compareTo(l.remaining()) > 0) {
                over.add(Map.of(
                        "line", id,
                        "shipped", l.shippedQuantity().toPlainString(),
                        "received", l.receivedQuantity().toPlainString(),
                        "receiving", quantity.toPlainString()));
            }
        });
        if (!over.isEmpty()) {
            throw CatalogErrors.TRANSFER_OVER_RECEIPT.exception(Map.of("lines", over));
        }
    }

    /** Spreads what comes of each line over the parts that left for it, in the order they left: a piece of each. */
    private static Pieces pieces(
            Map<Long, BigDecimal> coming,
            Map<Long, TransferRepository.Line> byId,
            Map<Long, List<TransferRepository.Part>> parts) {
        Pieces pieces = new Pieces(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new HashMap<>());
        coming.forEach((id, quantity) -> {
            BigDecimal left = quantity;
            for (TransferRepository.Part p : parts.getOrDefault(id, List.of())) {
                BigDecimal piece = p.quantity().subtract(p.receivedQuantity()).min(left);
                if (piece.signum() > 0) {
                    pieces.incoming()
                            .add(new TransferStockService.Incoming(
                                    byId.get(id).productId(),
                                    piece,
                                    p.costPrice(),
                                    p.batchNumber(),
                                    p.manufacturingDate(),
                                    p.expiryDate()));
                    pieces.parts().add(p.id());
                    pieces.lines().add(id);
                    pieces.takenOfPart().put(p.id(), piece);
                    left = left.subtract(piece);
                }
            }
        });
        return pieces;
    }

    /** Takes the pieces in, a batch each, and records each on its part; answers the new batches of each line. */
    private Map<Long, List<Long>> takeIn(Pieces pieces, String reference, Long userId) {
        List<Long> batches = pieces.incoming().isEmpty() ? List.of() : receive(pieces.incoming(), reference, userId);
        List<TransferRepository.PartChange> partChanges = new ArrayList<>();
        Map<Long, List<Long>> batchesOfLine = new HashMap<>();
        for (int i = 0; i < batches.size(); i++) {
            partChanges.add(new TransferRepository.PartChange(
                    pieces.parts().get(i), pieces.incoming().get(i).quantity(), batches.get(i)));
            batchesOfLine
                    .computeIfAbsent(pieces.lines().get(i), k -> new ArrayList<>())
                    .add(batches.get(i));
        }
        transfers.partsReceived(partChanges);
        return batchesOfLine;
    }

    /**
     * Each line's change (what came now and, with {@code close}, what is still missing, lost at its parts' cost) and
     * what the source is told of it; the cost of what came, the value lost, and whether nothing is left to come.
     */
    private static Outcome outcome(
            List<TransferRepository.Line> lines,
            Map<Long, List<TransferRepository.Part>> parts,
            Map<Long, BigDecimal> coming,
            boolean close,
            Map<Long, BigDecimal> takenOfPart,
            Map<Long, List<Long>> batchesOfLine) {
        List<TransferRepository.LineChange> changes = new ArrayList<>();
        List<TransferReceived.Line> announced = new ArrayList<>();
        BigDecimal receivedCost = BigDecimal.ZERO.setScale(2);
        BigDecimal lostValue = BigDecimal.ZERO.setScale(2);
        boolean all = true;
        for (TransferRepository.Line l : lines) {
            BigDecimal now = coming.getOrDefault(l.id(), BigDecimal.ZERO.setScale(3));
            BigDecimal lost = close ? l.remaining().subtract(now) : BigDecimal.ZERO.setScale(3);
            BigDecimal value = BigDecimal.ZERO.setScale(2);
            for (TransferRepository.Part p : parts.getOrDefault(l.id(), List.of())) {
                BigDecimal taken = takenOfPart.getOrDefault(p.id(), BigDecimal.ZERO);
                receivedCost = receivedCost.add(cost(taken, p.costPrice()));
                if (close) {
                    value = value.add(
                            cost(p.quantity().subtract(p.receivedQuantity()).subtract(taken), p.costPrice()));
                }
            }
            all &= l.remaining().subtract(now).subtract(lost).signum() <= 0;
            if (now.signum() > 0 || lost.signum() > 0) {
                changes.add(new TransferRepository.LineChange(l.id(), now, lost, value));
                announced.add(new TransferReceived.Line(
                        l.id(),
                        l.sourceLineId(),
                        l.productId(),
                        now,
                        lost,
                        value,
                        batchesOfLine.getOrDefault(l.id(), List.of())));
                lostValue = lostValue.add(value);
            }
        }
        return new Outcome(changes, announced, receivedCost, lostValue, all);
    }

    /**
     * Takes the goods in, and moves each product's cost price to the weighted average of its stock and what came (as a
     * purchase receipt does), its stock and cost read under the products' locks.
     */
    private List<Long> receive(List<TransferStockService.Incoming> incoming, String reference, Long userId) {
        TransferStockService.Received in = stock.receive(incoming, reference, userId);
        catalog.costsFollowReceipts(in.averageCosts());
        return in.batches();
    }

    private static BigDecimal cost(BigDecimal quantity, BigDecimal price) {
        return quantity.multiply(price).setScale(2, RoundingMode.HALF_UP);
    }
}
