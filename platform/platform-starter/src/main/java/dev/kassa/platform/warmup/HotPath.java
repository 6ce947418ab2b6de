package dev.kassa.platform.warmup;

/**
 * A path a service's callers take on every sale or screen, run once by {@link WarmUp} before the instance takes calls, so
 * that the first calls a new instance gets do not pay for its classes loading, its queries being planned and its pools
 * filling. It runs in the warm-up store ({@link dev.kassa.platform.tenancy.TenantKeys#WARM_UP_KEY}, the current tenant)
 * inside a transaction that is rolled back: what it writes is never kept, and no shop's rows are touched.
 */
@FunctionalInterface
public interface HotPath {

    /** Takes the path once; an exception is logged and the instance starts anyway. */
    void run() throws Exception;
}
