package dev.kassa.production.planning;

import dev.kassa.production.line.LineView;
import dev.kassa.production.routing.Routing;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a sequence of orders into a schedule, as a plant's planner would: each order in turn, each of its operations
 * after the one before, appended to the fitting line where it finishes first (in the line's calendar, after what that
 * line already runs); a line's setup is spent only when its previous job made another product (a changeover). Released
 * and running work stays where it is. What the optimiser scores, and what planning stores.
 */
final class QueueDecoder {

    /** An order to place: what, how much, by when. */
    record Job(long order, String number, long product, BigDecimal quantity, LocalDate dueDate, int priorityRank) {}

    /** Work that does not move: a line is busy until its end, last making {@code product}. */
    record Fixed(long line, long product, Instant end) {}

    /** An operation placed. */
    record Placement(
            long order,
            int seq,
            String name,
            long line,
            Instant start,
            Instant end,
            boolean setup,
            int setupMinutes,
            BigDecimal runRate) {}

    /** A sequence's schedule and its figures. */
    record Schedule(
            List<Placement> placements,
            long latenessMinutes,
            int ordersLate,
            int setups,
            long makespanMinutes,
            List<Long> unplaceable) {}

    private final List<LineView> lines;
    private final Map<Long, WorkingTime> times = new HashMap<>();
    private final Map<Long, Routing> routings;
    private final Map<Long, Instant> freeFrom = new HashMap<>();
    private final Map<Long, Long> lastProduct = new HashMap<>();
    private final Instant now;
    private final ZoneId zone;

    QueueDecoder(List<LineView> lines, ZoneId zone, Map<Long, Routing> routings, List<Fixed> fixed, Instant now) {
        this.lines = lines;
        this.zone = zone;
        this.routings = routings;
        this.now = now;
        for (LineView l : lines) {
            times.put(l.id(), new WorkingTime(l.calendar(), zone));
            freeFrom.put(l.id(), now);
        }
        for (Fixed f : fixed) {
            if (freeFrom.containsKey(f.line()) && f.end().isAfter(freeFrom.get(f.line()))) {
                freeFrom.put(f.line(), f.end());
                lastProduct.put(f.line(), f.product());
            }
        }
    }

    /** The schedule of {@code jobs} placed in this order. */
    Schedule decode(List<Job> jobs) {
        Map<Long, Instant> free = new HashMap<>(freeFrom);
        Map<Long, Long> last = new HashMap<>(lastProduct);
        List<Placement> placements = new ArrayList<>();
        List<Long> unplaceable = new ArrayList<>();
        long lateness = 0;
        int late = 0;
        int setups = 0;
        Instant makespan = now;
        for (Job job : jobs) {
            List<Placement> mine = place(job, free, last);
            if (mine == null) {
                unplaceable.add(job.order());
                continue;
            }
            placements.addAll(mine);
            setups += (int)
                    mine.stream().filter(p -> p.setup() && p.setupMinutes() > 0).count();
            Instant ready = mine.get(mine.size() - 1).end();
            if (ready.isAfter(makespan)) {
                makespan = ready;
            }
            if (job.dueDate() != null) {
                Instant due = job.dueDate().plusDays(1).atStartOfDay(zone).toInstant();
                if (ready.isAfter(due)) {
                    lateness += Duration.between(due, ready).toMinutes();
                    late++;
                }
            }
        }
        return new Schedule(
                placements,
                lateness,
                late,
                setups,
                Duration.between(now, makespan).toMinutes(),
                unplaceable);
    }

    /**
     * The job's operations, each appended to the fitting line where it finishes first ({@code free} and {@code last}
     * move on with them); null when its product has no routing or an operation fits no line.
     */
    private List<Placement> place(Job job, Map<Long, Instant> free, Map<Long, Long> last) {
        Routing routing = routings.get(job.product());
        if (routing == null || routing.operations().isEmpty()) {
            return null;
        }
        Instant ready = now;
        List<Placement> mine = new ArrayList<>();
        for (Routing.Operation op : routing.operations()) {
            Placement best = null;
            for (LineView line : lines) {
                if (!fits(op, line)) {
                    continue;
                }
                boolean setup = !Long.valueOf(job.product()).equals(last.get(line.id()));
                Duration length = op.duration(job.quantity());
                if (!setup) {
                    length = length.minusMinutes(op.setupMinutes());
                }
                Instant from = free.get(line.id()).isAfter(ready) ? free.get(line.id()) : ready;
                Optional<WorkingTime.Span> run = times.get(line.id()).runFrom(from, length);
                if (run.isPresent() && (best == null || run.get().end().isBefore(best.end()))) {
                    best = new Placement(
                            job.order(),
                            op.seq(),
                            op.name(),
                            line.id(),
                            run.get().start(),
                            run.get().end(),
                            setup,
                            op.setupMinutes(),
                            op.runRate());
                }
            }
            if (best == null) {
                return null;
            }
            mine.add(best);
            free.put(best.line(), best.end());
            last.put(best.line(), job.product());
            ready = best.end();
        }
        return mine;
    }

    /** Whether {@code line} can do {@code op}: the line it names, or a line of its kind. */
    static boolean fits(Routing.Operation op, LineView line) {
        return op.line() != null
                ? op.line() == line.id()
                : line.kind().toLowerCase(Locale.ROOT).equals(op.lineKind().toLowerCase(Locale.ROOT));
    }
}
