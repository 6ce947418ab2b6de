package dev.kassa.analytics.period;

import dev.kassa.platform.tenancy.TenantContext;
import io.swagger.v3.oas.annotations.Parameter;
import org.springframework.web.bind.annotation.BindParam;

/**
 * A report's period as its query names it, {@code ?start_date=2025-11-01&end_date=2025-11-20} (YYYY-MM-DD, both or
 * neither): a handler reads it as {@code @ParameterObject PeriodQuery period}.
 */
public record PeriodQuery(
        @BindParam("start_date") @Parameter(name = "start_date") String start,
        @BindParam("end_date") @Parameter(name = "end_date") String end) {

    /** The dates asked for, else the 30 days up to the store's today; at most 366 days ({@link Periods#range}). */
    public Periods.Range range() {
        return Periods.range(start, end, TenantContext.require().today(), 30);
    }
}
