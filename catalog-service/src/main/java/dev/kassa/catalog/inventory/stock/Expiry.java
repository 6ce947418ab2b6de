package dev.kassa.catalog.inventory.stock;

import dev.kassa.catalog.catalogue.MadeOfOthers;

/** When a batch may be held and sold: the one definition every stock query uses. */
public final class Expiry {

    /**
     * A batch {@code b} that is approved (not pending a check, not blocked), not in quarantine (issue 86) and has not
     * expired on the store's date, bound
     * as {@code :today} ({@code Tenant.today()}): never the database's {@code current_date}, which is the session's zone,
     * not the store's.
     */
    public static final String SELLABLE =
            "(b.status = 'approved' and (b.expiry_date is null or b.expiry_date >= cast(:today as date))"
                    + " and b.location_id not in (select q.id from locations q where q.type = 'quarantine'))";

    /**
     * The order a till takes a product's batches in: those on a sales floor first (issue 86: the shelf before the back
     * room), each group FEFO (earliest expiry first, no expiry last), then by arrival.
     */
    public static final String TILL_ORDER =
            "(b.location_id in (select f.id from locations f where f.type = 'sales_floor')) desc,"
                    + " b.expiry_date asc nulls last, b.received_at asc, b.id asc";

    /**
     * What a product {@code p} has to sell now: the quantity of its sellable active batches less the tills' active holds;
     * {@code :today} bound as for {@link #SELLABLE} (a constant, so that annotated queries can use it).
     */
    public static final String AVAILABLE = "((select coalesce(sum(b.quantity), 0) from batches b"
            + " where b.product_id = p.id and b.is_active and " + SELLABLE + ")"
            + " - (select coalesce(sum(r.quantity), 0) from reservations r"
            + " where r.product_id = p.id and r.status = 'active' and r.reserved_until > now()))";

    /**
     * How many units of a product {@code p} made of others its tracked components make now: the least of each one's
     * {@link #AVAILABLE} ÷ its quantity in the recipe; null when no component of it is tracked (or it is not made of
     * others: no recipe, or made ahead into stock of its own).
     */
    public static final String MAKEABLE = "(select min(floor(greatest(" + available("c") + ", 0) / rc.quantity))"
            + " from recipe_components rc join products c on c.id = rc.component_id"
            + " where rc.product_id = p.id and c.track_inventory and " + MadeOfOthers.P + ")";

    /** {@link #AVAILABLE} of the product that is {@code alias} in the statement. */
    public static String available(String alias) {
        return AVAILABLE.replace("_id = p.id", "_id = " + alias + ".id");
    }

    private Expiry() {}
}
