package dev.kassa.analytics.customer;

import dev.kassa.platform.error.FieldErrors;
import dev.kassa.platform.security.Access;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

/** The store's analytics settings: the RFM window and thresholds (the owner's to change; everyone is rescored). */
@RestController
@RequestMapping("/api/analytics/settings")
class SettingsController {

    /** Thresholds for scores 5, 4, 3 and 2: recency at most, frequency and monetary at least. */
    record SettingsBody(
            Integer rfmWindowDays,
            List<Integer> rfmRecencyDays,
            List<Integer> rfmFrequency,
            List<BigDecimal> rfmMonetary) {
        static SettingsBody from(RfmSettings s) {
            return new SettingsBody(
                    s.windowDays(),
                    Arrays.stream(s.recencyDays()).boxed().toList(),
                    Arrays.stream(s.frequency()).boxed().toList(),
                    List.of(s.monetary()));
        }
    }

    private final CustomerAnalyticsService analytics;

    SettingsController(CustomerAnalyticsService analytics) {
        this.analytics = analytics;
    }

    @Operation(summary = "The store's analytics settings (owner)")
    @GetMapping
    @PreAuthorize(Access.MANAGE_STORE)
    SettingsBody get() {
        return SettingsBody.from(analytics.settings());
    }

    @Operation(
            summary =
                    "Change the RFM window (7–366 days) and thresholds for scores 5, 4, 3, 2 (owner): recency days increasing, "
                            + "frequency and monetary decreasing; every customer is rescored")
    @PutMapping
    @PreAuthorize(Access.MANAGE_STORE)
    SettingsBody put(@Valid @RequestBody SettingsBody body) {
        RfmSettings current = analytics.settings();
        FieldErrors errors = new FieldErrors();
        int window = body.rfmWindowDays() == null ? current.windowDays() : body.rfmWindowDays();
        if (window < 7 || window > 366) {
            errors.add("rfm_window_days", "analytics.window_invalid");
        }
        int[] recency = ints(errors, "rfm_recency_days", body.rfmRecencyDays(), current.recencyDays(), true);
        int[] frequency = ints(errors, "rfm_frequency", body.rfmFrequency(), current.frequency(), false);
        BigDecimal[] monetary = current.monetary();
        if (body.rfmMonetary() != null) {
            List<BigDecimal> m = body.rfmMonetary();
            boolean ok = m.size() == 4 && m.stream().allMatch(v -> v != null && v.signum() > 0 && v.scale() <= 2);
            for (int i = 1; ok && i < 4; i++) {
                ok = m.get(i).compareTo(m.get(i - 1)) < 0;
            }
            if (ok) {
                monetary = m.toArray(BigDecimal[]::new);
            } else {
                errors.add("rfm_monetary", "analytics.thresholds_decreasing");
            }
        }
        errors.throwIfAny();
        return SettingsBody.from(analytics.update(new RfmSettings(window, recency, frequency, monetary)));
    }

    private static int[] ints(
            FieldErrors errors, String field, List<Integer> given, int[] current, boolean increasing) {
        if (given == null) {
            return current;
        }
        boolean ok = given.size() == 4 && given.stream().allMatch(v -> v != null && v > 0 && v <= 100_000);
        for (int i = 1; ok && i < 4; i++) {
            ok = increasing ? given.get(i) > given.get(i - 1) : given.get(i) < given.get(i - 1);
        }
        if (!ok) {
            errors.add(field, increasing ? "analytics.thresholds_increasing" : "analytics.thresholds_decreasing");
            return current;
        }
        return given.stream().mapToInt(Integer::intValue).toArray();
    }
}
