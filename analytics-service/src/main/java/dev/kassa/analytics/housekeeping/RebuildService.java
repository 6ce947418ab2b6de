package dev.kassa.analytics.housekeeping;

import dev.kassa.analytics.customer.CustomerAnalyticsService;
import dev.kassa.analytics.daily.DailySalesRepository;
import dev.kassa.analytics.product.ProductPerformanceRepository;
import dev.kassa.analytics.profit.CashierDailyRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;

/** Recomputes every report of a period from the facts, in one transaction. */
@Service
class RebuildService {

    private final DailySalesRepository daily;
    private final ProductPerformanceRepository performance;
    private final CustomerAnalyticsService customers;
    private final CashierDailyRepository cashiers;

    RebuildService(
            DailySalesRepository daily,
            ProductPerformanceRepository performance,
            CustomerAnalyticsService customers,
            CashierDailyRepository cashiers) {
        this.daily = daily;
        this.cashiers = cashiers;
        this.performance = performance;
        this.customers = customers;
    }

    @Transactional
    int between(LocalDate from, LocalDate to) {
        int days = 0;
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            daily.recompute(d);
            cashiers.recompute(d);
            days++;
        }
        performance.recompute(from, to);
        customers.rescoreAll();
        return days;
    }
}
