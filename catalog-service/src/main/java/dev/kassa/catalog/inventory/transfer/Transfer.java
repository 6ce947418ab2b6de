package dev.kassa.catalog.inventory.transfer;

import dev.kassa.catalog.CatalogErrors;
import dev.kassa.catalog.inventory.stock.TransferStockService;
import dev.kassa.platform.error.FieldErrors;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A transfer loaded once with its lines and parts under its lock: the only place its status changes. At the source a
 * draft is {@link #ship() shipped} or {@link #cancel() cancelled} and later {@link #told told} what the destination
 * received; at the destination its copy {@link #receive plans a receipt} (each line's goods spread over the parts that
 * left for it), is {@link #received received} and answers the event it raises. Every move is guarded by
 * {@link TransferStatus}; the repository loads and saves it; no Spring, no database here.
 */
final class Transfer {

    /** A receipt's pieces, each a new batch: what it takes of a part, of which line, and how much of each part. */
    record Pieces(
            List<TransferStockService.Incoming> incoming,
            List<Long> parts,
            List<Long> lines,
            Map<Long, BigDecimal> takenOfPart) {}

    /** A receipt planned: what comes of each line, whether it closes the transfer, and its pieces. */
    record Receiving(Map<Long, BigDecimal> coming, boolean close, Pieces pieces) {}

    /** What a receipt does to the lines, what the source is told, what came and was lost, and whether all is done. */
    record Outcome(
            List<TransferRepository.LineChange> changes,
            List<TransferReceived.Line> announced,
            BigDecimal receivedCost,
            BigDecimal lostValue,
            boolean all) {}

    private final TransferRepository.Row row;
    private final List<TransferRepository.Line> lines;
    private final Map<Long, TransferRepository.Line> byId = new HashMap<>();
    private final Map<Long, List<TransferRepository.Part>> parts = new HashMap<>();
    private TransferStatus status;

    Transfer(TransferRepository.Row row, List<TransferRepository.Line> lines, List<TransferRepository.Part> parts) {
        this.row = row;
        this.status = row.status();
        this.lines = List.copyOf(lines);
        lines.forEach(l -> byId.put(l.id(), l));
        parts.forEach(p ->
                this.parts.computeIfAbsent(p.lineId(), k -> new ArrayList<>()).add(p));
    }

    long id() {
        return row.id();
    }

    TransferRepository.Row row() {
        return row;
    }

    List<TransferRepository.Line> lines() {
        return lines;
    }

    TransferStatus status() {
        return status;
    }

    /**
     * Ships this store's draft; answers whether it moved (shipped already: no move). Refused for the destination's copy
     * and for a cancelled transfer.
     */
    boolean ship() {
        if (row.direction() != Direction.OUT || status == TransferStatus.CANCELLED) {
            throw status.refused(CatalogErrors.TRANSFER_STATUS);
        }
        if (status != TransferStatus.DRAFT) {
            return false;
        }
        status = status.moveTo(TransferStatus.SHIPPED, CatalogErrors.TRANSFER_STATUS);
        return true;
    }

    /** Cancels this store's draft; answers whether it moved (cancelled again: no move). */
    boolean cancel() {
        if (status == TransferStatus.CANCELLED) {
            return false;
        }
        if (row.direction() != Direction.OUT) {
            throw status.refused(CatalogErrors.TRANSFER_STATUS);
        }
        status = status.moveTo(TransferStatus.CANCELLED, CatalogErrors.TRANSFER_STATUS);
        return true;
    }

    /**
     * Plans a receipt at the destination: what comes of each line (none named: all still to come of each line with a
     * product here), refused unless goods may still come to this copy, above what a line still has to come, or when it
     * takes nothing and does not close; the request's declared {@code errors} joined by those of the lines.
     */
    Receiving receive(TransferService.TransferReceiveRequest r, FieldErrors errors) {
        if (row.direction() != Direction.IN || !status.receivable()) {
            throw status.refused(CatalogErrors.TRANSFER_STATUS);
        }
        boolean close = Boolean.TRUE.equals(r.close());
        Map<Long, BigDecimal> coming = coming(errors, r, close);
        refuseOverReceipt(coming);
        return new Receiving(coming, close, pieces(coming));
    }

    /**
     * The receipt went into batches ({@code batchesOfLine}): each line's change, what the source is told, and the
     * transfer {@code received} when nothing is left to come, else {@code partially_received}.
     */
    Outcome received(Receiving receiving, Map<Long, List<Long>> batchesOfLine) {
        Outcome outcome = outcome(receiving, batchesOfLine);
        status = status.moveTo(
                outcome.all() ? TransferStatus.RECEIVED : TransferStatus.PARTIALLY_RECEIVED,
                CatalogErrors.TRANSFER_STATUS);
        return outcome;
    }

    /** The event of receipt {@code receipt} by {@code by}, for the source. */
    TransferReceived announced(long receipt, Long by, Outcome outcome) {
        return new TransferReceived(
                row.id(),
                row.sourceId(),
                row.number(),
                row.fromStore(),
                row.toStore(),
                receipt,
                status.code(),
                by,
                Instant.now(),
                outcome.receivedCost(),
                outcome.lostValue(),
                outcome.announced());
    }

    /**
     * At the source: the destination's receipt gave its copy {@code reported}; this copy follows when that is a move it
     * may make (a report that came late, after a later one, changes nothing). Answers whether it moved.
     */
    boolean told(TransferStatus reported) {
        if (row.direction() != Direction.OUT || !status.canBecome(reported)) {
            return false;
        }
        status = reported;
        return true;
    }

    /**
     * What the receipt takes of each line (by id, in the order named; no lines named: all still to come of each line
     * with a product here), its declared rules' {@code errors} joined by those of the transfer's lines; refused when it
     * takes nothing and does not close the transfer.
     */
    private Map<Long, BigDecimal> coming(FieldErrors errors, TransferService.TransferReceiveRequest r, boolean close) {
        Map<Long, BigDecimal> coming = new LinkedHashMap<>();
        if (r.lines() == null) {
            lines.stream()
                    .filter(l -> l.goods().productId() != null && l.remaining().signum() > 0)
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
                } else if (line.goods().productId() == null) {
                    errors.add(prefix + "line", "catalog.transfer_line_no_product");
                }
                if (line != null && line.goods().productId() != null && f.quantity() != null) {
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
    private void refuseOverReceipt(Map<Long, BigDecimal> coming) {
        List<Map<String, Object>> over = new ArrayList<>();
        coming.forEach((id, quantity) -> {
            TransferRepository.Line l = byId.get(id);
            if (quantity.compareTo(l.remaining()) > 0) {
                over.add(Map.of(
                        "line", id,
                        "shipped", l.goods().shippedQuantity().toPlainString(),
                        "received", l.receivedQuantity().toPlainString(),
                        "receiving", quantity.toPlainString()));
            }
        });
        if (!over.isEmpty()) {
            throw CatalogErrors.TRANSFER_OVER_RECEIPT.exception(Map.of("lines", over));
        }
    }

    /** Spreads what comes of each line over the parts that left for it, in the order they left: a piece of each. */
    private Pieces pieces(Map<Long, BigDecimal> coming) {
        Pieces pieces = new Pieces(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new HashMap<>());
        coming.forEach((id, quantity) -> {
            BigDecimal left = quantity;
            for (TransferRepository.Part p : parts.getOrDefault(id, List.of())) {
                BigDecimal piece = p.quantity().subtract(p.receivedQuantity()).min(left);
                if (piece.signum() > 0) {
                    pieces.incoming()
                            .add(new TransferStockService.Incoming(
                                    byId.get(id).goods().productId(),
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

    /**
     * Each line's change (what came now and, with {@code close}, what is still missing, lost at its parts' cost) and
     * what the source is told of it; the cost of what came, the value lost, and whether nothing is left to come.
     */
    private Outcome outcome(Receiving receiving, Map<Long, List<Long>> batchesOfLine) {
        Map<Long, BigDecimal> coming = receiving.coming();
        boolean close = receiving.close();
        Map<Long, BigDecimal> takenOfPart = receiving.pieces().takenOfPart();
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
                        l.goods().sourceLineId(),
                        l.goods().productId(),
                        now,
                        lost,
                        value,
                        batchesOfLine.getOrDefault(l.id(), List.of())));
                lostValue = lostValue.add(value);
            }
        }
        return new Outcome(changes, announced, receivedCost, lostValue, all);
    }

    private static BigDecimal cost(BigDecimal quantity, BigDecimal price) {
        return quantity.multiply(price).setScale(2, RoundingMode.HALF_UP);
    }
}
