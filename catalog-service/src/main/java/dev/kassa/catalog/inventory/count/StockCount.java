package dev.kassa.catalog.inventory.count;

import dev.kassa.catalog.CatalogErrors;
import dev.kassa.catalog.catalogue.StockLevel;
import dev.kassa.platform.error.KassaError;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A stock-take loaded under its lock (shared while devices add lines, exclusive to apply or cancel it): the only place
 * its status changes and its running totals are worked out. It {@link #take takes lines} while open, is
 * {@link #apply() applied} (answering the event it raises) or {@link #cancel() cancelled}, each move guarded by
 * {@link CountStatus}. The repository loads it and writes what it answers; no Spring, no database here. Its items (up to
 * ten thousand products) stay in the database: a change reads only those its lines name, locked in id order.
 */
final class StockCount {

    /** How a line counts: {@code add} to the product's running total, or {@code set} it. */
    enum Mode {
        ADD,
        SET;

        String wire() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** A line's mode as a client wrote it (any case, spaces around; none: {@code add}). */
        static Mode of(String given) {
            return given == null ? ADD : valueOf(given.trim().toUpperCase(Locale.ROOT));
        }
    }

    /** A line as counted: the product, how many, how it counts, on which device. */
    record Taken(long product, BigDecimal quantity, Mode mode, String device) {}

    /** What lines come to: each line as kept (with what the shelf should have held), each product's running total. */
    record Counted(List<CountRepository.Line> lines, Map<Long, CountRepository.Line> totals) {}

    private final long id;
    private final boolean blind;
    private CountStatus status;

    StockCount(long id, CountStatus status, boolean blind) {
        this.id = id;
        this.status = status;
        this.blind = blind;
    }

    long id() {
        return id;
    }

    CountStatus status() {
        return status;
    }

    /** Whether what was expected is hidden from counters who do not manage the store (a blind count, while open). */
    boolean hidesExpected() {
        return blind && status.isOpen();
    }

    /** Refused ({@code count_closed}) unless the count still takes lines. */
    void requireOpen() {
        if (!status.isOpen()) {
            throw CatalogErrors.COUNT_CLOSED.exception(Map.of("count_status", status.code()), status.code());
        }
    }

    /**
     * The lines in their order: each keeps what the shelf should have held then ({@code levels}: on hand less what tills
     * hold), and each product's running total follows from {@code running} (null: not counted yet), {@code add} adding
     * to it and {@code set} replacing it.
     */
    Counted take(List<Taken> taken, Map<Long, BigDecimal> running, Map<Long, StockLevel> levels) {
        requireOpen();
        List<CountRepository.Line> lines = new ArrayList<>();
        Map<Long, CountRepository.Line> totals = new LinkedHashMap<>();
        for (Taken t : taken) {
            StockLevel level = levels.get(t.product());
            BigDecimal expected = level.onHand()
                    .subtract(level.reserved())
                    .max(BigDecimal.ZERO)
                    .setScale(3);
            BigDecimal quantity = t.quantity().setScale(3, RoundingMode.UNNECESSARY);
            String mode = t.mode().wire();
            lines.add(new CountRepository.Line(t.product(), quantity, mode, t.device(), expected));
            BigDecimal before =
                    totals.containsKey(t.product()) ? totals.get(t.product()).quantity() : running.get(t.product());
            BigDecimal total = t.mode() == Mode.SET || before == null ? quantity : before.add(quantity);
            totals.put(t.product(), new CountRepository.Line(t.product(), total, mode, t.device(), expected));
        }
        return new Counted(lines, totals);
    }

    /** Applies the count; answers whether it moved (applied again: no move; a cancelled one is refused). */
    boolean apply() {
        return moveUnlessAlready(CountStatus.APPLIED, CatalogErrors.COUNT_CANCELLED);
    }

    /** Cancels the count; answers whether it moved (cancelled again: no move; an applied one is refused). */
    boolean cancel() {
        return moveUnlessAlready(CountStatus.CANCELLED, CatalogErrors.COUNT_APPLIED);
    }

    /** The event of the count applied by {@code by}, with its totals as they stand after it ({@code row}). */
    StockCounted counted(CountRepository.Row row, long by) {
        CountRepository.Totals t = row.totals();
        return new StockCounted(
                id,
                CountService.reference(id),
                row.name(),
                t.products(),
                t.counted(),
                t.differing(),
                t.surplusValue().setScale(2, RoundingMode.HALF_UP),
                t.shortageValue().setScale(2, RoundingMode.HALF_UP),
                by,
                row.finishedAt());
    }

    private boolean moveUnlessAlready(CountStatus next, KassaError refusal) {
        if (status == next) {
            return false;
        }
        status = status.moveTo(next, refusal);
        return true;
    }
}
