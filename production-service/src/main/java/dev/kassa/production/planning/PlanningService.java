package dev.kassa.production.planning;

import dev.kassa.platform.error.FieldErrors;
import dev.kassa.platform.security.Caller;
import dev.kassa.platform.tenancy.TenantContext;
import dev.kassa.platform.validation.DomainValidated;
import dev.kassa.platform.validation.RequestRules;
import dev.kassa.platform.validation.Required;
import dev.kassa.production.ProductionErrors;
import dev.kassa.production.line.LineService;
import dev.kassa.production.line.LineView;
import dev.kassa.production.order.OrderService;
import dev.kassa.production.routing.Routing;
import dev.kassa.production.routing.RoutingService;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Planning an order (issue 87 point 4, finite capacity): each operation of its product's routing on the fitting line
 * where it finishes first, after the operation before it, within the line's calendar and around the work already
 * planned there (released and running work never moves); or on the line and at the start given. The order becomes
 * {@code planned}; planning it again replaces its operations.
 */
@Service
public class PlanningService {

    /** How to plan: from when ({@code not_before}), and per operation the line or the slot chosen by hand. */
    @DomainValidated
    record PlanRequest(String notBefore, @Size(max = 50) @Valid List<Choice> operations) {}

    /** An operation ({@code seq}) on {@code line}, starting exactly at {@code start} if given. */
    record Choice(@Required @Positive Integer seq, @Positive Long line, String start) {}

    /** An order's plan: its operations on the lines, when it finishes and whether that is after its due date. */
    public record Plan(
            long order, LocalDate dueDate, Instant plannedFinish, boolean late, List<PlannedOperation> operations) {}

    private final PlanningRepository planned;
    private final OrderService orders;
    private final RoutingService routings;
    private final LineService lines;
    private final RequestRules rules;

    PlanningService(
            PlanningRepository planned,
            OrderService orders,
            RoutingService routings,
            LineService lines,
            RequestRules rules) {
        this.planned = planned;
        this.orders = orders;
        this.routings = routings;
        this.lines = lines;
        this.rules = rules;
    }

    @Transactional
    Plan plan(long id, PlanRequest r, Caller caller) {
        ZoneId zone = TenantContext.require().zone();
        FieldErrors errors = rules.check(r);
        Instant notBefore = r.notBefore() == null ? null : errors.dateTime("not_before", r.notBefore(), zone);
        Map<Integer, Choice> chosen = new HashMap<>();
        Map<Integer, Instant> starts = new HashMap<>();
        List<Choice> choices = r.operations() == null ? List.of() : r.operations();
        for (int i = 0; i < choices.size(); i++) {
            Choice c = choices.get(i);
            if (c != null && c.seq() != null) {
                chosen.put(c.seq(), c);
                if (c.start() != null) {
                    starts.put(c.seq(), errors.dateTime("operations." + i + ".start", c.start(), zone));
                }
            }
        }
        errors.throwIfAny();
        planned.lockPlanning(TenantContext.require().key());
        OrderService.Plannable order = orders.toPlan(id);
        Routing routing = routings.of(order.product()).orElseThrow(ProductionErrors.NO_ROUTING::exception);
        for (int i = 0; i < choices.size(); i++) {
            Choice c = choices.get(i);
            if (c != null && c.seq() != null && (c.seq() > routing.operations().size())) {
                errors.add("operations." + i + ".seq", "production.plan_operation_unknown");
            }
        }
        errors.throwIfAny();
        List<LineView> active = lines.active();
        Map<Long, List<WorkingTime.Span>> busy = new HashMap<>();
        for (PlannedOperation o : planned.holdingBut(id)) {
            busy.computeIfAbsent(o.line(), k -> new ArrayList<>())
                    .add(new WorkingTime.Span(o.plannedStart(), o.plannedEnd()));
        }
        Instant ready = notBefore == null || notBefore.isBefore(Instant.now()) ? Instant.now() : notBefore;
        List<PlanningRepository.Placed> placed = new ArrayList<>();
        for (Routing.Operation op : routing.operations()) {
            Placement best = place(op, order, active, chosen.get(op.seq()), starts.get(op.seq()), ready, busy, zone);
            placed.add(new PlanningRepository.Placed(
                    op.seq(),
                    op.name(),
                    best.line().id(),
                    best.run().start(),
                    best.run().end(),
                    op.setupMinutes(),
                    op.runRate()));
            busy.computeIfAbsent(best.line().id(), k -> new ArrayList<>()).add(best.run());
            ready = best.run().end();
        }
        planned.replace(id, placed);
        orders.planned(id, note(placed, active), caller);
        return plan(id, order.dueDate(), zone);
    }

    /** An operation's place: its line and its run there. */
    private record Placement(LineView line, WorkingTime.Span run) {}

    /** Where {@code op} runs: on the line and slot chosen, else on the fitting line where it finishes first. */
    private static Placement place(
            Routing.Operation op,
            OrderService.Plannable order,
            List<LineView> active,
            Choice choice,
            Instant start,
            Instant ready,
            Map<Long, List<WorkingTime.Span>> busy,
            ZoneId zone) {
        List<LineView> fitting =
                active.stream().filter(l -> QueueDecoder.fits(op, l)).toList();
        if (choice != null && choice.line() != null) {
            fitting = fitting.stream().filter(l -> l.id() == choice.line()).toList();
            if (fitting.isEmpty()) {
                throw FieldErrors.single("operations", "production.plan_line_unfit");
            }
        }
        if (fitting.isEmpty()) {
            throw ProductionErrors.NO_FITTING_LINE.exception(op.seq());
        }
        var length = op.duration(order.quantity());
        Placement best = null;
        for (LineView line : fitting) {
            WorkingTime time = new WorkingTime(line.calendar(), zone);
            List<WorkingTime.Span> taken = busy.getOrDefault(line.id(), List.of());
            Optional<WorkingTime.Span> run;
            if (start != null) {
                run = time.runFrom(start, length)
                        .filter(s -> s.start().equals(start) && !start.isBefore(ready))
                        .filter(s -> taken.stream().noneMatch(s::overlaps));
                if (run.isEmpty()) {
                    continue;
                }
            } else {
                run = time.earliest(ready, length, taken);
            }
            if (run.isPresent()
                    && (best == null || run.get().end().isBefore(best.run().end()))) {
                best = new Placement(line, run.get());
            }
        }
        if (best == null) {
            throw start != null
                    ? ProductionErrors.SLOT_NOT_FREE.exception(op.seq())
                    : ProductionErrors.NO_OPEN_TIME.exception(op.seq());
        }
        return best;
    }

    private static String note(List<PlanningRepository.Placed> placed, List<LineView> active) {
        Map<Long, String> codes = new HashMap<>();
        active.forEach(l -> codes.put(l.id(), l.code()));
        List<String> parts = new ArrayList<>();
        placed.forEach(p -> parts.add(p.seq() + ": " + codes.get(p.line())));
        return String.join(", ", parts);
    }

    /** An order planned no more drops its operations (its quantity changed), in the same transaction. */
    @EventListener
    void unplanned(OrderService.Unplanned order) {
        planned.replace(order.order(), List.of());
    }

    /** The order's plan as it stands (404 for an order the store does not have). */
    @Transactional(readOnly = true)
    public Plan planOf(long order) {
        var view = orders.get(order, null);
        return plan(order, view.dueDate(), TenantContext.require().zone());
    }

    private Plan plan(long order, LocalDate due, ZoneId zone) {
        List<PlannedOperation> operations = planned.of(order);
        Instant finish = operations.isEmpty()
                ? null
                : operations.get(operations.size() - 1).plannedEnd();
        boolean late = finish != null
                && due != null
                && finish.isAfter(due.plusDays(1).atStartOfDay(zone).toInstant());
        return new Plan(order, due, finish, late, operations);
    }
}
