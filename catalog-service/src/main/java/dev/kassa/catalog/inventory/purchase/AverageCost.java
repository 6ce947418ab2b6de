package dev.kassa.catalog.inventory.purchase;

import dev.kassa.catalog.catalogue.StockLevel;
import dev.kassa.catalog.inventory.stock.PurchaseReceiptService;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A product's cost price after goods came (from a supplier, or from another of the owner's stores): the weighted average
 * of its stock at its cost and what came at theirs.
 */
public final class AverageCost {

    private AverageCost() {}

    /** Each product's cost after the goods: its stock on hand at its cost, and what came at theirs, averaged by quantity. */
    public static Map<Long, BigDecimal> after(
            Map<Long, StockLevel> before,
            Map<Long, BigDecimal> costs,
            List<PurchaseReceiptService.Purchase> purchases) {
        Map<Long, BigDecimal[]> sums = new LinkedHashMap<>();
        for (PurchaseReceiptService.Purchase p : purchases) {
            BigDecimal[] s = sums.computeIfAbsent(p.product(), k -> {
                BigDecimal onHand =
                        before.containsKey(k) ? before.get(k).onHand().max(BigDecimal.ZERO) : BigDecimal.ZERO;
                return new BigDecimal[] {onHand, onHand.multiply(costs.getOrDefault(k, BigDecimal.ZERO))};
            });
            s[0] = s[0].add(p.quantity());
            s[1] = s[1].add(p.quantity().multiply(p.cost()));
        }
        Map<Long, BigDecimal> averages = new LinkedHashMap<>();
        sums.forEach((product, s) -> averages.put(product, s[1].divide(s[0], 2, RoundingMode.HALF_UP)));
        return averages;
    }
}
