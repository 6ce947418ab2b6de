package dev.kassa.analytics.dashboard;

import dev.kassa.platform.security.Access;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The owner's and manager's first screen: today against yesterday and the same weekday last week, the day's best
 * products, refunds, what is low or out of stock, and the shifts open now. Dates are the store's business dates.
 */
@RestController
@RequestMapping("/api/analytics/dashboard")
class DashboardController {

    private final DashboardService dashboard;

    DashboardController(DashboardService dashboard) {
        this.dashboard = dashboard;
    }

    @Operation(
            summary =
                    "Today's KPIs against yesterday and the same weekday last week, top 5 products today, refunds, low and "
                            + "out-of-stock products, open shifts")
    @GetMapping
    @PreAuthorize(Access.VIEW_SALES_REPORTS)
    DashboardService.DashboardView get() {
        return dashboard.today();
    }
}
