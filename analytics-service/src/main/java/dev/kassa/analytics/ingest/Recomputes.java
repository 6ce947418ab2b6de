package dev.kassa.analytics.ingest;

import dev.kassa.analytics.customer.CustomerAnalytics;
import dev.kassa.analytics.daily.DailySalesRepository;
import dev.kassa.analytics.facts.Affected;
import dev.kassa.analytics.product.ProductPerformanceRepository;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the events of one inbox transaction change in the reports. A new fact is added at once to its date's daily report
 * (its sums, and whether its customer and products are the day's first: the facts of one store arrive one after another,
 * in order, on their partition) and to its products' rows of that date; the products' month rows, the rows of products
 * whose earlier facts changed, and a customer's RFM row are recomputed once just before that transaction commits: a poll
 * of a hundred sales of one store's day sums each product's month once, not a hundred times.
 * Inside the transaction, so a failing recompute rolls the events back with it and they come again.
 */
@Component
class Recomputes {

    private final DailySalesRepository daily;
    private final ProductPerformanceRepository performance;
    private final CustomerAnalytics customers;

    Recomputes(DailySalesRepository daily, ProductPerformanceRepository performance, CustomerAnalytics customers) {
        this.daily = daily;
        this.performance = performance;
        this.customers = customers;
    }

    private static final class Pending {
        final Map<LocalDate, Set<Long>> monthsProducts = new TreeMap<>();
        final Map<LocalDate, Set<Long>> corrected = new TreeMap<>();
        final Set<Long> customers = new LinkedHashSet<>();
    }

    void recorded(Affected affected) {
        Pending pending = pending();
        if (affected.fact() != null) {
            daily.add(affected.fact());
            performance.add(affected.fact());
            pending.monthsProducts
                    .computeIfAbsent(affected.date().withDayOfMonth(1), d -> new HashSet<>())
                    .addAll(affected.products());
        }
        affected.corrected().forEach((date, products) -> pending.corrected
                .computeIfAbsent(date, d -> new HashSet<>())
                .addAll(products));
    }

    void customer(long customerId) {
        pending().customers.add(customerId);
    }

    private Pending pending() {
        return InboxTransaction.collected(this, Pending::new, this::run);
    }

    private void run(Pending pending) {
        pending.monthsProducts.forEach(performance::resumMonth);
        pending.corrected.forEach(performance::recompute);
        pending.customers.forEach(customers::purchased);
    }
}
