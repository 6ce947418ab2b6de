package dev.kassa.analytics.ingest;

import dev.kassa.analytics.customer.CustomerAnalyticsService;
import dev.kassa.analytics.daily.DailySalesRepository;
import dev.kassa.analytics.facts.Affected;
import dev.kassa.analytics.product.ProductPerformanceRepository;
import dev.kassa.analytics.product.ProductRepository;
import dev.kassa.analytics.profit.CashierDailyRepository;
import dev.kassa.platform.events.InboxTransaction;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the events of one inbox transaction change in the reports, written once just before that transaction commits: the
 * products the sales named, then the new facts added to their dates' daily reports (their sums, and which customers and
 * products are the day's first: the facts of one store arrive one after another, in order, on their partition) and to
 * their products' rows of those dates, all of them in one statement each; then the products' month rows, the rows of
 * products whose earlier facts changed, and the customers' RFM rows are recomputed once. A poll of a hundred sales of one
 * store's day costs a few statements, not a few hundred. Inside the transaction, so a failing write rolls the events back
 * with it and they come again.
 */
@Component
class Recomputes {

    private final DailySalesRepository daily;
    private final ProductPerformanceRepository performance;
    private final CustomerAnalyticsService customers;
    private final ProductRepository products;
    private final CashierDailyRepository cashiers;

    Recomputes(
            DailySalesRepository daily,
            ProductPerformanceRepository performance,
            CustomerAnalyticsService customers,
            ProductRepository products,
            CashierDailyRepository cashiers) {
        this.daily = daily;
        this.cashiers = cashiers;
        this.performance = performance;
        this.customers = customers;
        this.products = products;
    }

    private static final class Pending {
        final Map<Long, String> names = new LinkedHashMap<>();
        final List<String> facts = new ArrayList<>();
        final Map<LocalDate, Set<Long>> monthsProducts = new TreeMap<>();
        final Map<LocalDate, Set<Long>> corrected = new TreeMap<>();
        final Set<Long> customers = new LinkedHashSet<>();
    }

    void recorded(Affected affected) {
        Pending pending = pending();
        if (affected.fact() != null) {
            pending.facts.add(affected.fact());
            pending.monthsProducts
                    .computeIfAbsent(affected.date().withDayOfMonth(1), d -> new HashSet<>())
                    .addAll(affected.products());
        }
        affected.corrected().forEach((date, products) -> pending.corrected
                .computeIfAbsent(date, d -> new HashSet<>())
                .addAll(products));
    }

    /** Products a sale named, with their names as sold (kept for reports of products catalog no longer has). */
    void named(Map<Long, String> namesById) {
        Map<Long, String> names = pending().names;
        namesById.forEach(names::putIfAbsent);
    }

    void customer(long customerId) {
        pending().customers.add(customerId);
    }

    private Pending pending() {
        return InboxTransaction.collected(this, Pending::new, this::run);
    }

    private void run(Pending pending) {
        products.seen(pending.names);
        daily.addAll(pending.facts);
        cashiers.addAll(pending.facts);
        performance.addAll(pending.facts);
        pending.monthsProducts.forEach(performance::resumMonth);
        pending.corrected.forEach(performance::recompute);
        // refunds that got their sale's cost and cashier when it came after them: their days' cost and cashiers again
        pending.corrected.keySet().forEach(date -> {
            daily.recompute(date);
            cashiers.recompute(date);
        });
        pending.customers.forEach(customers::purchased);
    }
}
