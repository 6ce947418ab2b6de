package dev.kassa.analytics.customer;

import dev.kassa.platform.tenancy.TenantContext;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Customer analytics for reading: rows computed on an earlier day are brought to today first (recency moves every day
 * even without sales), so every answer is as of the store's today. Settings changes rescore everyone.
 */
@Service
public class CustomerAnalyticsService {

    /** The period the segments cover, {@code YYYY-MM-DD}. */
    record SegmentPeriod(String periodStart, String periodEnd) {}

    /** Each segment with its customers, spend and average purchase, biggest spend first. */
    record Segments(SegmentPeriod period, List<CustomerAnalyticsRepository.SegmentTotal> segments) {}

    private final CustomerAnalyticsRepository rows;
    private final SettingsRepository settings;

    CustomerAnalyticsService(CustomerAnalyticsRepository rows, SettingsRepository settings) {
        this.rows = rows;
        this.settings = settings;
    }

    /** After a sale or refund of {@code customerId}: their row, as of today. Inside the inbox's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void purchased(long customerId) {
        rows.recompute(customerId, TenantContext.require().today(), settings.rfm());
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<Long> customerOf(String saleId) {
        return rows.customerOf(saleId);
    }

    /** Every customer's row again, as of today (a rebuild). Inside the caller's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void rescoreAll() {
        rows.recomputeAll(TenantContext.require().today(), settings.rfm());
    }

    @Transactional
    Page<CustomerAnalyticsRepository.Row> page(
            Long customer, String segment, Integer score, String orderBy, Pageable page) {
        current();
        return rows.page(customer, segment, score, orderBy, page);
    }

    @Transactional
    Optional<CustomerAnalyticsRepository.Row> find(long id) {
        current();
        return rows.find(id);
    }

    /** The segments of the store's customers; a store with none yet has the current window and no segment rows. */
    @Transactional
    Segments segments() {
        current();
        LocalDate today = TenantContext.require().today();
        SegmentPeriod window =
                new SegmentPeriod(today.minusDays(settings.rfm().windowDays()).toString(), today.toString());
        return rows.period()
                .map(period -> new Segments(
                        new SegmentPeriod(
                                period.get("period_start").toString(),
                                period.get("period_end").toString()),
                        rows.segments()))
                .orElseGet(() -> new Segments(window, List.of()));
    }

    @Transactional
    List<CustomerAnalyticsRepository.Row> atRisk() {
        current();
        return rows.atRisk();
    }

    @Transactional(readOnly = true)
    RfmSettings settings() {
        return settings.rfm();
    }

    @Transactional
    RfmSettings update(RfmSettings changed) {
        settings.save(changed);
        rows.recomputeAll(TenantContext.require().today(), changed);
        return changed;
    }

    private void current() {
        LocalDate today = TenantContext.require().today();
        if (rows.staleBefore(today)) {
            rows.recomputeAll(today, settings.rfm());
        }
    }
}
