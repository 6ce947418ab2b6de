package dev.kassa.catalog.stock;

/** When a batch may be held and sold: the one definition every stock query uses. */
public final class Expiry {

    /**
     * A batch {@code b} that is approved (not pending a check, not blocked) and has not expired on the store's date, bound
     * as {@code :today} ({@code Tenant.today()}): never the database's {@code current_date}, which is the session's zone,
     * not the store's.
     */
    public static final String SELLABLE =
            "(b.status = 'approved' and (b.expiry_date is null or b.expiry_date >= cast(:today as date)))";

    private Expiry() {}
}
