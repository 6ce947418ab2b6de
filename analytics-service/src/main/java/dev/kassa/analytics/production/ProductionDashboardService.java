package dev.kassa.analytics.production;

import dev.kassa.platform.tenancy.TenantContext;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The plant's dashboard (issue 87 point 9, MPSYSTEM's dashboard): each line's status and how long it has had it, the
 * latest activities, and the alerts a plant manager acts on: lines down longer than the threshold, orders late (due
 * before today and not done) and at risk (due within two days, not yet released).
 */
@Service
public class ProductionDashboardService {

    /** A line on the dashboard: its status, since when, and for how many minutes. */
    public record LineNow(long line, String code, String status, String reason, Instant since, long minutes) {}

    /** An alert: what kind, about what, and why. */
    public record Alert(String kind, String subject, String detail) {}

    private final ProductionRepository plant;
    private final Duration downAlert;

    ProductionDashboardService(
            ProductionRepository plant, @Value("${kassa.analytics.production.down-alert:30m}") Duration downAlert) {
        this.plant = plant;
        this.downAlert = downAlert;
    }

    @Transactional(readOnly = true)
    public List<LineNow> lines() {
        Instant now = Instant.now();
        return plant.lines().stream()
                .map(l -> new LineNow(
                        l.line(),
                        l.code(),
                        l.status(),
                        l.reason(),
                        l.since(),
                        Duration.between(l.since(), now).toMinutes()))
                .toList();
    }

    @Transactional(readOnly = true)
    public List<ProductionRepository.Activity> activities(int limit) {
        return plant.activities(Math.max(1, Math.min(200, limit)));
    }

    @Transactional(readOnly = true)
    public List<Alert> alerts() {
        List<Alert> alerts = new ArrayList<>();
        for (LineNow l : lines()) {
            if ("down".equals(l.status()) && l.minutes() >= downAlert.toMinutes()) {
                alerts.add(new Alert(
                        "line_down", l.code(), l.minutes() + " min" + (l.reason() == null ? "" : ": " + l.reason())));
            }
        }
        LocalDate today = TenantContext.require().today();
        for (ProductionRepository.Order o : plant.openDueBy(today.plusDays(2))) {
            if (o.dueDate().isBefore(today)) {
                alerts.add(new Alert("order_late", o.number(), "due " + o.dueDate() + ", " + o.status()));
            } else if ("new".equals(o.status()) || "planned".equals(o.status())) {
                alerts.add(new Alert("order_at_risk", o.number(), "due " + o.dueDate() + ", " + o.status()));
            }
        }
        return alerts;
    }
}
