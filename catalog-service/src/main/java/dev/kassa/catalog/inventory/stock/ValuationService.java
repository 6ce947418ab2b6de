package dev.kassa.catalog.inventory.stock;

import dev.kassa.platform.error.FieldErrors;
import dev.kassa.platform.tenancy.Tenant;
import dev.kassa.platform.tenancy.TenantContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * What the store's stock is worth (issue 63, point 6): at cost (each batch's own purchase price) and at retail (its
 * product's sale price), and the margin the sale of all of it would bring; now, or at the end of a past business day in
 * the store's time zone, from the ledger and the products' price history.
 */
@Service
public class ValuationService {

    /** A group's (or the store's) figures: money to the cent, units to the thousandth, the margin's share of retail. */
    public record Figures(
            long products,
            BigDecimal quantity,
            BigDecimal costValue,
            BigDecimal retailValue,
            BigDecimal margin,
            BigDecimal marginPercent) {

        static Figures of(ValuationRepository.Group g) {
            BigDecimal cost = money(g.cost());
            BigDecimal retail = money(g.retail());
            BigDecimal margin = retail.subtract(cost);
            return new Figures(
                    g.products(),
                    g.quantity().setScale(3, RoundingMode.HALF_UP),
                    cost,
                    retail,
                    margin,
                    retail.signum() == 0
                            ? null
                            : margin.multiply(BigDecimal.valueOf(100)).divide(retail, 2, RoundingMode.HALF_UP));
        }

        static final Figures NONE = new Figures(
                0,
                BigDecimal.ZERO.setScale(3),
                BigDecimal.ZERO.setScale(2),
                BigDecimal.ZERO.setScale(2),
                BigDecimal.ZERO.setScale(2),
                null);
    }

    /** One category's, supplier's or location's figures ({@code id} null: products without one). */
    public record Group(Long id, String name, Figures figures) {}

    /** The valuation: as of which business day (null: now), how it is grouped, the store's totals and the groups. */
    public record Valuation(LocalDate asOf, String groupBy, Figures totals, List<Group> groups) {}

    private final ValuationRepository repository;

    ValuationService(ValuationRepository repository) {
        this.repository = repository;
    }

    /**
     * {@code asOf} a business date not after today (blank: now); {@code groupBy} category (default), supplier, location
     * or none; {@code location} (null: all) the stock at one location only (a batch never changes its location: a move
     * makes a copy, so the stock at a location on a past day is exact too).
     */
    @Transactional(readOnly = true)
    public Valuation value(String asOf, String groupBy, Long location) {
        Tenant tenant = TenantContext.require();
        FieldErrors errors = new FieldErrors();
        LocalDate date = errors.date("as_of", asOf);
        if (date != null && date.isAfter(tenant.today())) {
            errors.add("as_of", "catalog.valuation_future");
        }
        String by = FieldErrors.blank(groupBy) ? "category" : groupBy.trim().toLowerCase(Locale.ROOT);
        ValuationRepository.GroupBy grouping =
                switch (by) {
                    case "category" -> ValuationRepository.GroupBy.CATEGORY;
                    case "supplier" -> ValuationRepository.GroupBy.SUPPLIER;
                    case "location" -> ValuationRepository.GroupBy.LOCATION;
                    case "none" -> ValuationRepository.GroupBy.NONE;
                    default -> {
                        errors.add("group_by", "catalog.valuation_group_by");
                        yield null;
                    }
                };
        errors.throwIfAny();
        // the end of the business day: its next day's start in the store's time zone
        Instant at = date == null
                ? null
                : date.plusDays(1).atStartOfDay(tenant.zone()).toInstant();
        List<ValuationRepository.Group> rows = repository.groups(grouping, at, location);
        List<Group> groups = rows.stream()
                .filter(g -> !g.total())
                .map(g -> new Group(g.id(), g.name(), Figures.of(g)))
                .toList();
        // no stock at all: the totals' row is there with nothing summed (a null sum)
        Figures totals = rows.stream()
                .filter(g -> g.total() && g.quantity() != null)
                .findFirst()
                .map(Figures::of)
                .orElse(Figures.NONE);
        return new Valuation(date, by, totals, groups);
    }

    private static BigDecimal money(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP);
    }
}
