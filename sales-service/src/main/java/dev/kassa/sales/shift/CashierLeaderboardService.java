package dev.kassa.sales.shift;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.kassa.platform.error.FieldErrors;
import dev.kassa.platform.tenancy.EmployeeDirectory;
import dev.kassa.platform.tenancy.TenantContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * The cashier leaderboard of spec §5.2.6 over a period of the store's local dates ({@code YYYY-MM-DD}, both ends
 * included) or ISO date-times; by default the current month up to now. Each cashier's sales as they were made, and who
 * they are now from the store's employee directory (the sale keeps the name it was made under).
 */
@Service
public class CashierLeaderboardService {

    /** A leaderboard row: {@code id} is the cashier's user; {@code net_sales} the sales less their refunds. */
    public record Cashier(
            @JsonUnwrapped SessionRepository.Sold sold,
            BigDecimal netSales,
            Long employeeId,
            String phone,
            String role) {

        static Cashier of(SessionRepository.Sold sold, Optional<EmployeeDirectory.Employee> now) {
            return new Cashier(
                    sold.named(now.map(EmployeeDirectory.Employee::fullName).orElse(sold.fullName())),
                    sold.totalSales().subtract(sold.refunds()),
                    now.map(EmployeeDirectory.Employee::employeeId).orElse(null),
                    now.map(EmployeeDirectory.Employee::phone).orElse(null),
                    now.map(EmployeeDirectory.Employee::role).orElse(null));
        }
    }

    /** The period, as ISO date-times with the store's offset. */
    public record StatsPeriod(String from, String to) {}

    /** The leaderboard, best first. */
    public record CashierStats(StatsPeriod period, List<Cashier> cashiers, int totalCashiers) {}

    private static final int DEFAULT_LIMIT = 50;
    private static final int MAX_LIMIT = 500;

    private final SessionRepository sessions;
    private final EmployeeDirectory staff;

    CashierLeaderboardService(SessionRepository sessions, EmployeeDirectory staff) {
        this.sessions = sessions;
        this.staff = staff;
    }

    @Transactional(readOnly = true)
    public CashierStats of(String dateFrom, String dateTo, String limit) {
        ZoneId zone = TenantContext.require().zone();
        FieldErrors errors = new FieldErrors();
        Instant from = instant(errors, "date_from", dateFrom, zone, false);
        Instant to = instant(errors, "date_to", dateTo, zone, true);
        int max = limit(errors, limit);
        errors.throwIfAny();
        if (from == null) {
            from = TenantContext.require()
                    .today()
                    .withDayOfMonth(1)
                    .atStartOfDay(zone)
                    .toInstant();
        }
        if (to == null) {
            to = Instant.now();
        }
        if (!from.isBefore(to)) {
            throw FieldErrors.single("date_to", "sales.period_invalid");
        }
        String store = TenantContext.require().key();
        List<Cashier> cashiers = sessions.cashierStats(from, to, max).stream()
                .map(sold -> Cashier.of(sold, staff.byUser(store, sold.id())))
                .toList();
        // a date's end is shown as its last second (spec §5.2.6: 23:59:59), though the period runs to the next midnight
        // exclusive
        Instant shownTo = dateTo != null && dateTo.trim().length() == 10 ? to.minusSeconds(1) : to;
        StatsPeriod period = new StatsPeriod(
                from.atZone(zone).toOffsetDateTime().toString(),
                shownTo.atZone(zone).toOffsetDateTime().toString());
        return new CashierStats(period, cashiers, cashiers.size());
    }

    private static int limit(FieldErrors errors, String limit) {
        if (limit == null || limit.isBlank()) {
            return DEFAULT_LIMIT;
        }
        int max;
        try {
            max = Integer.parseInt(limit.trim());
        } catch (NumberFormatException e) {
            max = 0;
        }
        if (max < 1 || max > MAX_LIMIT) {
            errors.add("limit", "validation.invalid");
        }
        return max;
    }

    /** {@code YYYY-MM-DD} in the store's zone (start of the day, or start of the next day for an end), or an ISO date-time. */
    private static Instant instant(FieldErrors errors, String field, String value, ZoneId zone, boolean end) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.trim().length() == 10) {
            FieldErrors day = new FieldErrors();
            LocalDate date = day.date(field, value);
            if (date == null) {
                errors.add(field, "validation.datetime");
                return null;
            }
            return (end ? date.plusDays(1) : date).atStartOfDay(zone).toInstant();
        }
        return errors.dateTime(field, value, zone);
    }
}
