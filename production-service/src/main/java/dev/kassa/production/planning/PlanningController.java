package dev.kassa.production.planning;

import dev.kassa.platform.security.Access;
import dev.kassa.platform.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Planning (issue 87 point 4): MPSYSTEM's stats, new orders, production queue and planning an order. */
@RestController
class PlanningController {

    /** Lists answered whole. */
    record NewOrders(int count, List<PlanningOverviewService.NewOrder> results) {}

    record Queue(List<PlanningOverviewService.LineQueue> lines) {}

    private final PlanningService planning;
    private final PlanningOverviewService figures;
    private final QueueOptimizationService optimizer;

    PlanningController(PlanningService planning, PlanningOverviewService figures, QueueOptimizationService optimizer) {
        this.planning = planning;
        this.figures = figures;
        this.optimizer = optimizer;
    }

    @Operation(
            summary = "Optimise the queues (owner, manager): the planned orders re-sequenced by a solver (Timefold) to "
                    + "cut lateness first, then changeovers, then makespan, from earliest-due-date order; released and "
                    + "running work is not moved. {dry_run?: preview only, seconds?: 1-30 (3)}. Answers the figures "
                    + "before, of earliest-due-date sequencing and after")
    @PostMapping("/api/production/planning/optimize")
    @PreAuthorize(Access.MANAGE_PRODUCTION)
    QueueOptimizationService.Result optimize(
            @Valid @RequestBody(required = false) QueueOptimizationService.OptimizeRequest r, Caller caller) {
        return optimizer.optimize(r == null ? new QueueOptimizationService.OptimizeRequest(null, null) : r, caller);
    }

    @Operation(
            summary =
                    "Plan an order (owner, manager): each operation of its product's routing on the fitting line where "
                            + "it finishes first, after the one before, within the line's calendar and around planned work; "
                            + "{not_before?, operations?: [{seq, line?, start?}]} to choose a line or an exact start; the order "
                            + "becomes planned (planning again replaces its plan; released and running orders are not moved)")
    @PostMapping("/api/production/orders/{id}/plan")
    @PreAuthorize(Access.MANAGE_PRODUCTION)
    PlanningService.Plan plan(
            @PathVariable long id, @RequestBody(required = false) PlanningService.PlanRequest r, Caller caller) {
        return planning.plan(id, r == null ? new PlanningService.PlanRequest(null, null) : r, caller);
    }

    @Operation(summary = "An order's plan: its operations on the lines, its planned finish and whether it is late")
    @GetMapping("/api/production/orders/{id}/plan")
    @PreAuthorize(Access.READ_PRODUCTION)
    PlanningService.Plan plan(@PathVariable long id) {
        return planning.planOf(id);
    }

    @Operation(summary = "Orders waiting to be planned, by due date: whether each has a routing, and its hours")
    @GetMapping("/api/production/planning/new-orders")
    @PreAuthorize(Access.READ_PRODUCTION)
    NewOrders newOrders() {
        List<PlanningOverviewService.NewOrder> waiting = figures.newOrders();
        return new NewOrders(waiting.size(), waiting);
    }

    @Operation(summary = "Each active line's queue: its planned operations by start (line= for one line)")
    @GetMapping("/api/production/planning/queue")
    @PreAuthorize(Access.READ_PRODUCTION)
    Queue queue(@RequestParam(required = false) Long line) {
        return new Queue(figures.queue(line));
    }

    @Operation(
            summary = "The plan's figures: orders by status, late and at risk (due within 2 days, not yet released), "
                    + "each line's load over the next 7 days")
    @GetMapping("/api/production/planning/stats")
    @PreAuthorize(Access.READ_PRODUCTION)
    PlanningOverviewService.Stats stats() {
        return figures.stats();
    }
}
