package dev.kassa.catalog.catalogue;

import java.math.BigDecimal;

/**
 * A product's stock as the catalogue shows it: on hand, held by tills, available to sell and unavailable (pending a check
 * or blocked); for a product made of others what one unit costs from its components ({@code recipeCost}, null for any
 * other product) and how many its tracked components make now ({@code makeable}: null when none is tracked), its own
 * stock zero. The inventory computes it ({@link StockFigures}).
 */
public record StockLevel(
        BigDecimal onHand,
        BigDecimal reserved,
        BigDecimal available,
        BigDecimal unavailable,
        BigDecimal recipeCost,
        BigDecimal makeable) {

    public static final StockLevel ZERO = new StockLevel(
            BigDecimal.ZERO.setScale(3),
            BigDecimal.ZERO.setScale(3),
            BigDecimal.ZERO.setScale(3),
            BigDecimal.ZERO.setScale(3));

    public StockLevel(BigDecimal onHand, BigDecimal reserved, BigDecimal available, BigDecimal unavailable) {
        this(onHand, reserved, available, unavailable, null, null);
    }

    /** Whether the product is made of others (its stock is its components'). */
    public boolean composite() {
        return recipeCost != null;
    }
}
