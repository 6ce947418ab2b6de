package dev.kassa.catalog.inventory.stock;

import dev.kassa.catalog.catalogue.modifier.ModifierChoice;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A till's line of a product made of others (issue 65 point 3): what it holds instead of the product (the recipe's
 * components, changed by the options the line chose: oat milk in place of milk, an extra shot added), and its hold as the
 * till sees it (one allocation of the product, costing what its components cost).
 */
final class Recipes {

    private static final BigDecimal LEAST = new BigDecimal("0.001");

    private Recipes() {}

    /**
     * What one unit takes: the recipe's components, each option with a component putting it in place of the one it
     * replaces (at its own quantity, or the replaced one's) or adding it (at its quantity, or one); a component named twice
     * is taken once, with both quantities.
     */
    static List<ReservationRepository.Part> parts(
            List<ReservationRepository.Part> recipe, List<ModifierChoice> chosen) {
        Map<Long, BigDecimal> parts = new LinkedHashMap<>();
        recipe.forEach(p -> parts.merge(p.component(), p.quantity(), BigDecimal::add));
        for (ModifierChoice option : chosen) {
            if (option.component() == null) {
                continue;
            }
            BigDecimal quantity = option.componentQuantity();
            if (option.replaces() != null) {
                BigDecimal replaced = parts.remove(option.replaces());
                if (replaced == null) {
                    // the option replaces what this recipe does not have: nothing to put in its place
                    continue;
                }
                quantity = quantity == null ? replaced : quantity;
            }
            parts.merge(option.component(), quantity == null ? BigDecimal.ONE : quantity, BigDecimal::add);
        }
        List<ReservationRepository.Part> list = new ArrayList<>();
        parts.forEach((component, quantity) -> list.add(new ReservationRepository.Part(component, quantity)));
        return list;
    }

    /** How much of a component {@code requested} units take (to the thousandth, at least one thousandth). */
    static BigDecimal quantity(BigDecimal requested, BigDecimal perUnit) {
        return requested.multiply(perUnit).setScale(3, RoundingMode.HALF_UP).max(LEAST);
    }

    /**
     * The product's hold as the till sees it, from what its components hold ({@code parts}): one allocation of the whole
     * quantity, from no batch of its own, at the cost of one unit's components (their batches' costs); {@code madeShort}
     * the units its components' batches could not make (null when not known: a retried hold).
     */
    static Reservation combined(
            String ref,
            Reservation.Product product,
            BigDecimal requested,
            List<Reservation.Allocation> parts,
            BigDecimal madeShort) {
        BigDecimal cost = BigDecimal.ZERO;
        for (Reservation.Allocation a : parts) {
            cost = cost.add(a.quantity().multiply(a.unitCost() == null ? BigDecimal.ZERO : a.unitCost()));
        }
        Reservation.Product sold = new Reservation.Product(
                product.id(),
                product.name(),
                product.sku(),
                product.unit(),
                product.salePrice(),
                product.taxRate(),
                false);
        return new Reservation(
                ref,
                sold,
                List.of(new Reservation.Allocation(
                        parts.isEmpty() ? null : parts.get(0).reservationId(),
                        null,
                        null,
                        requested,
                        cost.divide(requested, 2, RoundingMode.HALF_UP))),
                madeShort);
    }
}
