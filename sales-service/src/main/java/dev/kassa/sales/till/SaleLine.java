package dev.kassa.sales.till;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.kassa.platform.validation.Money;
import dev.kassa.platform.validation.Quantity;
import dev.kassa.platform.validation.Required;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * One line of an uploaded sale; no quantity is one; {@code modifiers} the options of the product's modifier groups it
 * chose, and {@code unit_price}, when given, one unit's price with what they add.
 */
public record SaleLine(
        @Required Long product,
        @Quantity(positive = true, max = Quantity.Max.LINE) BigDecimal quantity,
        Long batch,
        @Money BigDecimal unitPrice,
        BigDecimal discountAmount,
        @Size(max = 20) List<Long> modifiers,
        @JsonIgnore BigDecimal optionsPrice) {

    /**
     * A line of a table's order: its options as the order kept them, {@code optionsPrice} what they added when the line
     * was taken (its unit price is judged against the product's prices with that, not with the options' prices now).
     */
    public static SaleLine ordered(
            Long product, BigDecimal quantity, BigDecimal unitPrice, List<Long> modifiers, BigDecimal optionsPrice) {
        return new SaleLine(product, quantity, null, unitPrice, null, modifiers, optionsPrice);
    }

    BigDecimal quantityOrOne() {
        return (quantity == null ? BigDecimal.ONE : quantity).setScale(3, RoundingMode.UNNECESSARY);
    }
}
