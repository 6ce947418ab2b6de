package dev.kassa.production.planning;

import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;
import dev.kassa.platform.security.Caller;
import dev.kassa.platform.tenancy.TenantContext;
import dev.kassa.production.line.LineService;
import dev.kassa.production.order.OrderService;
import dev.kassa.production.order.OrderStatus;
import dev.kassa.production.order.OrderView;
import dev.kassa.production.routing.Routing;
import dev.kassa.production.routing.RoutingService;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Optimising the queues (issue 87 point 4, MPSYSTEM's "optimize-queue"): the planned orders re-sequenced by Timefold
 * Solver within a time limit, starting from earliest-due-date order, to cut lateness first, then changeovers, then
 * makespan; released and running work stays where it is. Answers the figures before (the plan as it stands), of
 * earliest-due-date sequencing and after; the new plan is kept only when it beats the plan as it stands ({@code applied});
 * a dry run changes nothing.
 */
@Service
public class QueueOptimizationService {

    /** How long the solver may search (seconds), and whether only to preview. */
    record OptimizeRequest(Boolean dryRun, @Min(1) @Max(30) Integer seconds) {}

    /** A plan's figures. */
    public record Figures(BigDecimal totalLatenessHours, int ordersLate, int setups, BigDecimal makespanHours) {}

    /** What optimising found. */
    public record Result(
            boolean dryRun,
            boolean applied,
            int orders,
            Figures before,
            Figures earliestDueDate,
            Figures after,
            List<String> notMoved) {}

    private final PlanningRepository planned;
    private final OrderService orders;
    private final RoutingService routings;
    private final LineService lines;

    QueueOptimizationService(
            PlanningRepository planned, OrderService orders, RoutingService routings, LineService lines) {
        this.planned = planned;
        this.orders = orders;
        this.routings = routings;
        this.lines = lines;
    }

    @Transactional
    Result optimize(OptimizeRequest r, Caller caller) {
        boolean dryRun = r.dryRun() != null && r.dryRun();
        planned.lockPlanning(TenantContext.require().key());
        ZoneId zone = TenantContext.require().zone();
        Instant now = Instant.now();
        Map<Long, OrderView> byId = new LinkedHashMap<>();
        orders.inStatus(List.of(OrderStatus.PLANNED)).forEach(o -> byId.put(o.id(), o));
        List<PlannedOperation> all = planned.queue(null);
        Map<Long, Routing> routing =
                routings.of(byId.values().stream().map(OrderView::product).collect(Collectors.toSet()));
        // an order whose product has no routing any more is not moved: its work stays where it is, as released work
        // does
        List<QueueDecoder.Fixed> fixed = all.stream()
                .filter(o -> !byId.containsKey(o.order()) || !routing.containsKey(o.product()))
                .map(o -> new QueueDecoder.Fixed(o.line(), o.product(), o.plannedEnd()))
                .toList();
        QueueDecoder decoder = new QueueDecoder(lines.active(), zone, routing, fixed, now);
        List<QueueDecoder.Job> edd = byId.values().stream()
                .filter(o -> routing.containsKey(o.product()))
                .map(o -> new QueueDecoder.Job(
                        o.id(),
                        o.number(),
                        o.product(),
                        o.quantity(),
                        o.dueDate(),
                        3 - o.priority().ordinal()))
                .sorted(Comparator.comparing(QueueDecoder.Job::dueDate, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(QueueDecoder.Job::priorityRank)
                        .thenComparing(QueueDecoder.Job::order))
                .toList();
        Figures before = stored(all, byId, zone, now);
        QueueDecoder.Schedule eddSchedule = decoder.decode(edd);
        QueueDecoder.Schedule best = solve(decoder, edd, eddSchedule, r.seconds() == null ? 3 : r.seconds());
        Figures after = figures(best);
        // kept only when it beats the plan as it stands: less lateness, or as little and done sooner
        boolean applied = !dryRun
                && (after.totalLatenessHours().compareTo(before.totalLatenessHours()) < 0
                        || (after.totalLatenessHours().compareTo(before.totalLatenessHours()) == 0
                                && after.makespanHours().compareTo(before.makespanHours()) <= 0));
        if (applied) {
            save(best, all, caller);
        }
        List<String> notMoved = byId.values().stream()
                .filter(o ->
                        !routing.containsKey(o.product()) || best.unplaceable().contains(o.id()))
                .map(OrderView::number)
                .toList();
        return new Result(dryRun, applied, byId.size(), before, figures(eddSchedule), after, notMoved);
    }

    /** The solver's best sequence within {@code seconds}, started from earliest-due-date order, if it beats that. */
    private static QueueDecoder.Schedule solve(
            QueueDecoder decoder, List<QueueDecoder.Job> edd, QueueDecoder.Schedule eddSchedule, int seconds) {
        if (edd.size() < 2) {
            return eddSchedule;
        }
        QueuePlan solved = SolverFactory.<QueuePlan>create(new SolverConfig()
                        .withSolutionClass(QueuePlan.class)
                        .withEntityClasses(QueuePlan.Sequence.class)
                        .withEasyScoreCalculatorClass(QueuePlan.Score.class)
                        .withTerminationConfig(new TerminationConfig()
                                .withSpentLimit(Duration.ofSeconds(seconds))
                                .withUnimprovedSpentLimit(Duration.ofMillis(800))))
                .buildSolver()
                .solve(new QueuePlan(decoder, edd));
        QueueDecoder.Schedule found = decoder.decode(solved.order());
        return better(found, eddSchedule) ? found : eddSchedule;
    }

    /** Lexicographically: less lateness, then fewer setups, then a shorter makespan. */
    private static boolean better(QueueDecoder.Schedule a, QueueDecoder.Schedule b) {
        if (a.unplaceable().size() != b.unplaceable().size()) {
            return a.unplaceable().size() < b.unplaceable().size();
        }
        if (a.latenessMinutes() != b.latenessMinutes()) {
            return a.latenessMinutes() < b.latenessMinutes();
        }
        if (a.setups() != b.setups()) {
            return a.setups() < b.setups();
        }
        return a.makespanMinutes() < b.makespanMinutes();
    }

    /**
     * The new plan stored order by order: each still planned (under its lock; one released or cancelled meanwhile is left
     * as it is) and placed differently from where it was gets its operations replaced and the move in its history.
     */
    private void save(QueueDecoder.Schedule schedule, List<PlannedOperation> was, Caller caller) {
        Map<Long, List<String>> before = new HashMap<>();
        was.forEach(o -> before.computeIfAbsent(o.order(), k -> new ArrayList<>())
                .add(o.seq() + "@" + o.line() + ":" + o.plannedStart() + "-" + o.plannedEnd()));
        Map<Long, List<PlanningRepository.Placed>> perOrder = new LinkedHashMap<>();
        for (QueueDecoder.Placement p : schedule.placements()) {
            perOrder.computeIfAbsent(p.order(), k -> new ArrayList<>())
                    .add(new PlanningRepository.Placed(
                            p.seq(), p.name(), p.line(), p.start(), p.end(), p.setupMinutes(), p.runRate()));
        }
        perOrder.forEach((order, placed) -> {
            List<String> now = placed.stream()
                    .map(p -> p.seq() + "@" + p.line() + ":" + p.start() + "-" + p.end())
                    .toList();
            if (!now.equals(before.get(order)) && orders.stillPlanned(order)) {
                planned.replace(order, placed);
                orders.planned(order, "optimised", caller);
            }
        });
    }

    /** The figures of the plan as it stands: the planned orders' operations where they are now. */
    private static Figures stored(List<PlannedOperation> all, Map<Long, OrderView> movable, ZoneId zone, Instant now) {
        Map<Long, Instant> finish = new HashMap<>();
        Instant makespan = now;
        int setups = 0;
        Map<Long, Long> lastOnLine = new HashMap<>();
        List<PlannedOperation> byStart = all.stream()
                .sorted(Comparator.comparing(PlannedOperation::plannedStart))
                .toList();
        for (PlannedOperation op : byStart) {
            Long before = lastOnLine.put(op.line(), op.product());
            if (movable.containsKey(op.order())) {
                finish.merge(op.order(), op.plannedEnd(), (a, b) -> a.isAfter(b) ? a : b);
                setups += before == null || before != op.product() ? 1 : 0;
                makespan = op.plannedEnd().isAfter(makespan) ? op.plannedEnd() : makespan;
            }
        }
        long lateness = 0;
        int late = 0;
        for (Map.Entry<Long, Instant> e : finish.entrySet()) {
            OrderView o = movable.get(e.getKey());
            if (o.dueDate() != null) {
                Instant due = o.dueDate().plusDays(1).atStartOfDay(zone).toInstant();
                if (e.getValue().isAfter(due)) {
                    lateness += Duration.between(due, e.getValue()).toMinutes();
                    late++;
                }
            }
        }
        return new Figures(
                hours(lateness),
                late,
                setups,
                hours(Duration.between(now, makespan).toMinutes()));
    }

    private static Figures figures(QueueDecoder.Schedule s) {
        return new Figures(hours(s.latenessMinutes()), s.ordersLate(), s.setups(), hours(s.makespanMinutes()));
    }

    private static BigDecimal hours(long minutes) {
        return BigDecimal.valueOf(minutes).divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP);
    }
}
