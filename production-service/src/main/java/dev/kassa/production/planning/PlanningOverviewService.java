package dev.kassa.production.planning;

import dev.kassa.platform.tenancy.TenantContext;
import dev.kassa.production.line.LineService;
import dev.kassa.production.line.LineView;
import dev.kassa.production.order.OrderService;
import dev.kassa.production.order.OrderStatus;
import dev.kassa.production.order.OrderView;
import dev.kassa.production.routing.Routing;
import dev.kassa.production.routing.RoutingService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What planning shows (MPSYSTEM's planning screen): the orders waiting to be planned, each line's queue, and the plan's
 * figures (orders by status, late and at risk, each line's load over the next 7 days).
 */
@Service
public class PlanningOverviewService {

    /** Days before its due date an order not yet released is at risk. */
    static final int AT_RISK_DAYS = 2;

    /** An order waiting to be planned: whether its product has a routing, and the hours its operations take. */
    public record NewOrder(OrderView order, boolean hasRouting, BigDecimal hours) {}

    /** A line's queue: its planned operations by start. */
    public record LineQueue(long line, String code, String name, String status, List<PlannedOperation> operations) {}

    /** A line's load: planned hours over open hours in the next 7 days. */
    public record LineLoad(
            long line, String code, BigDecimal plannedHours, BigDecimal openHours, BigDecimal loadPercent) {}

    /** The plan's figures. */
    public record Stats(
            Map<String, Integer> ordersByStatus, List<String> late, List<String> atRisk, List<LineLoad> lines) {}

    private final PlanningRepository planned;
    private final OrderService orders;
    private final RoutingService routings;
    private final LineService lines;

    PlanningOverviewService(
            PlanningRepository planned, OrderService orders, RoutingService routings, LineService lines) {
        this.planned = planned;
        this.orders = orders;
        this.routings = routings;
        this.lines = lines;
    }

    @Transactional(readOnly = true)
    public List<NewOrder> newOrders() {
        List<NewOrder> waiting = new ArrayList<>();
        for (OrderView o : orders.inStatus(List.of(OrderStatus.NEW))) {
            Optional<Routing> routing = routings.of(o.product());
            BigDecimal hours = routing.map(r -> hours(r.operations().stream()
                            .map(op -> op.duration(o.quantity()))
                            .reduce(Duration.ZERO, Duration::plus)))
                    .orElse(null);
            waiting.add(new NewOrder(o, routing.isPresent(), hours));
        }
        return waiting;
    }

    @Transactional(readOnly = true)
    public List<LineQueue> queue(Long line) {
        Map<Long, LineQueue> queues = new LinkedHashMap<>();
        for (LineView l : lines.active()) {
            if (line == null || l.id() == line) {
                queues.put(
                        l.id(),
                        new LineQueue(l.id(), l.code(), l.name(), l.status().code(), new ArrayList<>()));
            }
        }
        for (PlannedOperation o : planned.queue(line)) {
            LineQueue q = queues.get(o.line());
            if (q != null) {
                q.operations().add(o);
            }
        }
        return List.copyOf(queues.values());
    }

    @Transactional(readOnly = true)
    public Stats stats() {
        ZoneId zone = TenantContext.require().zone();
        LocalDate today = TenantContext.require().today();
        Map<String, Integer> byStatus = new LinkedHashMap<>();
        for (OrderStatus s : OrderStatus.values()) {
            byStatus.put(s.code(), 0);
        }
        List<OrderView> open = new ArrayList<>();
        for (OrderView o : orders.inStatus(EnumSet.allOf(OrderStatus.class))) {
            byStatus.merge(o.status().code(), 1, Integer::sum);
            if (!o.status().isFinal()) {
                open.add(o);
            }
        }
        Map<Long, Instant> finish = new LinkedHashMap<>();
        for (PlannedOperation op : planned.queue(null)) {
            finish.merge(op.order(), op.plannedEnd(), (a, b) -> a.isAfter(b) ? a : b);
        }
        List<String> late = new ArrayList<>();
        List<String> atRisk = new ArrayList<>();
        for (OrderView o : open) {
            if (o.dueDate() == null) {
                continue;
            }
            Instant dueEnd = o.dueDate().plusDays(1).atStartOfDay(zone).toInstant();
            Instant end = finish.get(o.id());
            if (o.dueDate().isBefore(today) || (end != null && end.isAfter(dueEnd))) {
                late.add(o.number());
            } else if (!o.dueDate().isAfter(today.plusDays(AT_RISK_DAYS))
                    && o.status().editable()) {
                atRisk.add(o.number());
            }
        }
        return new Stats(byStatus, late, atRisk, loads(zone));
    }

    /** Each active line's planned and open hours over the next 7 days. */
    private List<LineLoad> loads(ZoneId zone) {
        Instant from = Instant.now();
        Instant to = from.plus(Duration.ofDays(7));
        WorkingTime.Span week = new WorkingTime.Span(from, to);
        Map<Long, Duration> taken = new LinkedHashMap<>();
        for (PlannedOperation op : planned.queue(null)) {
            WorkingTime.Span run = new WorkingTime.Span(op.plannedStart(), op.plannedEnd());
            if (run.overlaps(week)) {
                Instant s = run.start().isBefore(from) ? from : run.start();
                Instant e = run.end().isAfter(to) ? to : run.end();
                taken.merge(op.line(), Duration.between(s, e), Duration::plus);
            }
        }
        List<LineLoad> loads = new ArrayList<>();
        for (LineView line : lines.active()) {
            WorkingTime time = new WorkingTime(line.calendar(), zone);
            Duration open = Duration.ZERO;
            for (LocalDate day = from.atZone(zone).toLocalDate();
                    !day.isAfter(to.atZone(zone).toLocalDate());
                    day = day.plusDays(1)) {
                for (WorkingTime.Span w : time.windows(day)) {
                    if (w.overlaps(week)) {
                        Instant s = w.start().isBefore(from) ? from : w.start();
                        Instant e = w.end().isAfter(to) ? to : w.end();
                        open = open.plus(Duration.between(s, e));
                    }
                }
            }
            BigDecimal plannedHours = hours(taken.getOrDefault(line.id(), Duration.ZERO));
            BigDecimal openHours = hours(open);
            BigDecimal percent = openHours.signum() == 0
                    ? BigDecimal.ZERO.setScale(1)
                    : plannedHours.multiply(BigDecimal.valueOf(100)).divide(openHours, 1, RoundingMode.HALF_UP);
            loads.add(new LineLoad(line.id(), line.code(), plannedHours, openHours, percent));
        }
        return loads;
    }

    private static BigDecimal hours(Duration d) {
        return BigDecimal.valueOf(d.toSeconds()).divide(BigDecimal.valueOf(3600), 2, RoundingMode.HALF_UP);
    }
}
