package dev.kassa.analytics.production;

import dev.kassa.platform.security.Access;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** The plant's dashboard (issue 87 point 9): read by who reads production (owners, managers, operators, viewers). */
@RestController
@RequestMapping("/api/analytics/production")
class ProductionDashboardController {

    record Lines(List<ProductionDashboardService.LineNow> lines) {}

    record Activities(List<ProductionRepository.Activity> results) {}

    record Alerts(int count, List<ProductionDashboardService.Alert> results) {}

    private final ProductionDashboardService dashboard;

    ProductionDashboardController(ProductionDashboardService dashboard) {
        this.dashboard = dashboard;
    }

    @Operation(summary = "Each line's status, since when and for how many minutes (from production's events)")
    @GetMapping("/lines")
    @PreAuthorize(Access.READ_PRODUCTION)
    Lines lines() {
        return new Lines(dashboard.lines());
    }

    @Operation(
            summary =
                    "The plant's latest activities, newest first: lines' status changes, orders made and moved (limit, 50)")
    @GetMapping("/activities")
    @PreAuthorize(Access.READ_PRODUCTION)
    Activities activities(@RequestParam(defaultValue = "50") int limit) {
        return new Activities(dashboard.activities(limit));
    }

    @Operation(
            summary =
                    "What needs a plant manager: lines down longer than kassa.analytics.production.down-alert (30 min), "
                            + "orders late (due before today, not done) and at risk (due within 2 days, not yet released)")
    @GetMapping("/alerts")
    @PreAuthorize(Access.READ_PRODUCTION)
    Alerts alerts() {
        List<ProductionDashboardService.Alert> alerts = dashboard.alerts();
        return new Alerts(alerts.size(), alerts);
    }
}
