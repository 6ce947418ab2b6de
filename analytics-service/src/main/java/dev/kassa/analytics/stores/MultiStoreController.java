package dev.kassa.analytics.stores;

import dev.kassa.platform.security.Access;
import dev.kassa.platform.web.Success;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The owner's stores side by side (spec §8.4), at auth's path: {@code GET /api/users/stores/multi-store-analytics/}, routed
 * here by the gateway. No tenant key: the stores are those the caller's token says they own.
 */
@RestController
class MultiStoreController {

    private final MultiStoreReportService report;

    MultiStoreController(MultiStoreReportService report) {
        this.report = report;
    }

    @Operation(
            summary =
                    "Sales of every store the caller owns, side by side and in total: period = today | yesterday | week | month "
                            + "(each store's own local dates), or start_date and end_date (default the last 30 days); sorted by sales")
    @GetMapping("/api/users/stores/multi-store-analytics")
    @PreAuthorize(Access.MEMBER)
    Success<MultiStoreReportService.MultiStoreSales> get(
            @AuthenticationPrincipal Jwt token,
            @RequestParam(required = false) String period,
            @RequestParam(name = "start_date", required = false) String start,
            @RequestParam(name = "end_date", required = false) String end) {
        return report.of(token, period, start, end);
    }
}
