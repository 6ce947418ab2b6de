package dev.kassa.sales.till;

import dev.kassa.platform.error.FieldErrors;
import dev.kassa.platform.security.Caller;
import dev.kassa.sales.catalog.CatalogClient;
import dev.kassa.sales.catalog.Hold;
import dev.kassa.sales.catalog.Modifier;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The price each line of a sale sent whole keeps ({@link SaleUploadService}): an online till's must be the catalogue's; an offline
 * till's (the sale already happened) may be one the product had around the sale, or below such a price within the
 * uploader's discount cap, which the sale's decisions then name.
 */
@Component
class UploadPrices {

    /**
     * How long before its sale an offline till's price may date from: a till that sells offline synced its catalogue at
     * most this long before (a price the product had from then until the upload is kept).
     */
    static final Duration PRICE_WINDOW = Duration.ofDays(7);

    /** A sale's holds, in the order of its lines, and for an offline line sold at another price the prices it had. */
    record Held(List<Hold> holds, Map<Integer, List<BigDecimal>> pricesHad) {}

    private final CatalogClient catalog;
    private final Discounts discounts;

    UploadPrices(CatalogClient catalog, Discounts discounts) {
        this.catalog = catalog;
        this.discounts = discounts;
    }

    /**
     * For each line an offline till sold at a price other than the catalogue's, the prices the product had from
     * {@link #PRICE_WINDOW} before the sale, but not before its shift opened ({@code shiftOpened}: a till synced its
     * catalogue when it opened the shift at the latest), until now (asked of catalog before the sale's transaction).
     */
    Map<Integer, List<BigDecimal>> had(
            SaleUploadService.NewSale r, List<Hold> holds, Instant soldAt, Instant shiftOpened) {
        Instant since = soldAt.minus(PRICE_WINDOW);
        if (shiftOpened.isAfter(since)) {
            since = shiftOpened;
        }
        Map<Integer, List<BigDecimal>> had = new HashMap<>();
        for (int i = 0; i < holds.size(); i++) {
            BigDecimal till = r.items().get(i).unitPrice();
            Hold hold = holds.get(i);
            if (till != null && till.compareTo(hold.unitPrice()) != 0) {
                // the product's prices, each with what the options the line chose add (when the line was taken, for a
                // table's order; now, for a till's line)
                BigDecimal kept = r.items().get(i).optionsPrice();
                BigDecimal options = kept != null ? kept : Modifier.sum(hold.modifiers());
                had.put(
                        i,
                        catalog.pricesSince(hold.product().id(), since).stream()
                                .map(p -> p.add(options))
                                .toList());
            }
        }
        return had;
    }

    /**
     * Each hold at the price its line keeps, in the order of the lines. A price that is not the catalogue's is refused on
     * its line ({@code errors}) for an online till ({@code decisions} null); an offline till's is kept when
     * {@link #offlinePrice} allows it, and named in {@code decisions} with a line held beyond the stock.
     */
    List<Hold> priced(
            Caller caller, SaleUploadService.NewSale r, Held held, FieldErrors errors, List<UploadDecision> decisions) {
        List<Hold> priced = new ArrayList<>();
        List<Hold> holds = held.holds();
        for (int i = 0; i < holds.size(); i++) {
            Hold hold = holds.get(i);
            SaleLine line = r.items().get(i);
            BigDecimal catalogPrice = hold.unitPrice();
            if (line.unitPrice() != null && line.unitPrice().compareTo(catalogPrice) != 0) {
                if (decisions == null) {
                    errors.add("items." + i + ".unit_price", "sales.price_changed", catalogPrice.toPlainString());
                } else {
                    BigDecimal tillPrice = line.unitPrice().setScale(2);
                    List<BigDecimal> had = held.pricesHad().getOrDefault(i, List.of(catalogPrice));
                    if (offlinePrice(caller, errors, i, line.quantityOrOne(), tillPrice, had)) {
                        decisions.add(UploadDecision.priceChanged(i, tillPrice, catalogPrice));
                        hold = hold.at(tillPrice);
                    }
                }
            }
            if (hold.isShort() && decisions != null) {
                decisions.add(UploadDecision.stockShort(i, line.quantityOrOne(), hold.shortfall()));
            }
            priced.add(hold);
        }
        return priced;
    }

    /**
     * Whether an offline till may keep {@code tillPrice} for line {@code i}: a price the product had around the sale, or one
     * below such a price by no more than the uploader may take off (a cashier's cap: 403 {@code discount_needs_manager}
     * beyond it). Any other price (above every price it had, or between them by more than that) is refused on the line.
     */
    private boolean offlinePrice(
            Caller caller, FieldErrors errors, int i, BigDecimal quantity, BigDecimal tillPrice, List<BigDecimal> had) {
        if (had.stream().anyMatch(p -> p.compareTo(tillPrice) == 0)) {
            return true;
        }
        Optional<BigDecimal> above =
                had.stream().filter(p -> p.compareTo(tillPrice) > 0).min(Comparator.naturalOrder());
        if (above.isPresent()) {
            // a discount off the nearest price it had: within what the uploader may take off
            discounts.authorize(
                    caller,
                    SaleTotals.lineTotal(quantity, above.get().subtract(tillPrice), BigDecimal.ZERO),
                    SaleTotals.lineTotal(quantity, above.get(), BigDecimal.ZERO));
            return true;
        }
        errors.add(
                "items." + i + ".unit_price",
                "sales.offline_price_unknown",
                tillPrice.toPlainString(),
                String.join(", ", had.stream().map(BigDecimal::toPlainString).toList()));
        return false;
    }
}
