package dev.kassa.analytics.daily;

import dev.kassa.platform.security.Access;
import dev.kassa.platform.tenancy.TenantContext;
import dev.kassa.platform.web.PageRequests;
import dev.kassa.platform.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/analytics/daily-sales")
class DailySalesController {

    private final DailySalesRepository reports;

    DailySalesController(DailySalesRepository reports) {
        this.reports = reports;
    }

    @Operation(summary = "Today's report in the store's time zone (zeros before the first sale of the day)")
    @GetMapping("/today")
    @PreAuthorize(Access.VIEW_ANALYTICS)
    @Transactional(readOnly = true)
    public DailyReport today() {
        var today = TenantContext.require().today();
        return reports.forDate(today).orElseGet(() -> DailyReport.empty(today));
    }

    @Operation(summary = "Daily reports, newest first (paginated)")
    @GetMapping
    @PreAuthorize(Access.VIEW_ANALYTICS)
    @Transactional(readOnly = true)
    public PageResponse<DailyReport> list(@RequestParam(required = false) String page, @RequestParam(name = "page_size", required = false) String pageSize) {
        PageRequest request = PageRequests.of(page, pageSize, Sort.unsorted());
        return PageResponse.of(new PageImpl<>(reports.page(request.getPageSize(), (int) request.getOffset()), request, reports.count()), r -> r);
    }
}
