package dev.kassa.catalog.stock;

/** When a batch may still be sold: the one definition every stock query uses. */
public final class Expiry {

    /**
     * A batch {@code b} that has not expired on the store's date, bound as {@code :today} ({@code Tenant.today()}): never the
     * database's {@code current_date}, which is the session's zone, not the store's.
     */
    public static final String FRESH = "(b.expiry_date is null or b.expiry_date >= cast(:today as date))";

    private Expiry() {}
}
