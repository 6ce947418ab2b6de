package dev.kassa.analytics.housekeeping;

import dev.kassa.analytics.period.Periods;
import dev.kassa.platform.security.Access;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;

/** Recomputes reports from the stored facts (the owner's, after a fix or a replay). */
@RestController
class RebuildController {

    record RebuildRequest(String date, String startDate, String endDate) {}

    private final RebuildService rebuild;

    RebuildController(RebuildService rebuild) {
        this.rebuild = rebuild;
    }

    @Operation(
            summary =
                    "Recompute the daily reports, product rows and customers' RFM rows of a date or a period (at most 366 days) "
                            + "from the stored sale facts (owner)")
    @PostMapping("/api/analytics/rebuild")
    @PreAuthorize(Access.MANAGE_STORE)
    Rebuilt rebuild(@Valid @RequestBody RebuildRequest body) {
        Periods.Range range;
        if (body.date() != null && !body.date().isBlank()) {
            LocalDate day = Periods.requiredDate("date", body.date());
            range = new Periods.Range(day, day);
        } else {
            range = Periods.checked(
                    Periods.requiredDate("start_date", body.startDate()),
                    Periods.requiredDate("end_date", body.endDate()));
        }
        int days = rebuild.between(range.start(), range.end());
        return new Rebuilt("success", new Rebuilt.Period(range.start(), range.end(), days));
    }

    /** What a rebuild recomputed: the period and its number of days. */
    record Rebuilt(String status, Period rebuilt) {
        record Period(LocalDate startDate, LocalDate endDate, int days) {}
    }
}
