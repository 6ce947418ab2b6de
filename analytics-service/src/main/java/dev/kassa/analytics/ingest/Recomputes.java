package dev.kassa.analytics.ingest;

import dev.kassa.analytics.customer.CustomerAnalytics;
import dev.kassa.analytics.daily.DailySalesRepository;
import dev.kassa.analytics.facts.Affected;
import dev.kassa.analytics.product.ProductPerformanceRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the events of one inbox transaction change in the reports. A new fact is added to its date's daily report at once
 * (its sums, and whether its customer and products are the day's first: the facts of one store arrive one after another,
 * in order, on their partition); the products' rows and a customer's RFM row are recomputed once just before that
 * transaction commits: a poll of a hundred sales of one store's day recomputes each product once, not a hundred times.
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
        final Map<LocalDate, Set<Long>> productsByDate = new TreeMap<>();
        final Set<Long> customers = new LinkedHashSet<>();
    }

    void recorded(Affected affected) {
        if (affected.fact() != null) {
            daily.add(affected.fact());
        }
        Pending pending = pending();
        affected.productsByDate().forEach((date, products) ->
                pending.productsByDate.computeIfAbsent(date, d -> new HashSet<>()).addAll(products));
    }

    void customer(long customerId) {
        pending().customers.add(customerId);
    }

    private Pending pending() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            throw new IllegalStateException("Recomputes are collected inside the inbox's transaction");
        }
        Pending pending = (Pending) TransactionSynchronizationManager.getResource(this);
        if (pending == null) {
            Pending created = new Pending();
            TransactionSynchronizationManager.bindResource(this, created);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    run(created);
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(Recomputes.this);
                }
            });
            pending = created;
        }
        return pending;
    }

    private void run(Pending pending) {
        pending.productsByDate.forEach(performance::recompute);
        pending.customers.forEach(customers::purchased);
    }
}
