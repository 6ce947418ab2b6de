package dev.kassa.platform.tenancy;

import dev.kassa.platform.error.PlatformErrors;

import java.util.Optional;
import java.util.function.Supplier;

/** The tenant of the current thread (a request, or an event being handled). */
public final class TenantContext {
    private TenantContext() {}

    private static final ThreadLocal<Tenant> CURRENT = new ThreadLocal<>();

    public static Optional<Tenant> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    /** The current tenant, or 400 {@code missing_tenant_key} when there is none. */
    public static Tenant require() {
        Tenant t = CURRENT.get();
        if (t == null) {
            throw PlatformErrors.MISSING_TENANT_KEY.exception();
        }
        return t;
    }

    public static void set(Tenant tenant) {
        CURRENT.set(tenant);
    }

    public static void clear() {
        CURRENT.remove();
    }

    public static <T> T call(Tenant tenant, Supplier<T> work) {
        Tenant previous = CURRENT.get();
        CURRENT.set(tenant);
        try {
            return work.get();
        } finally {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }

    public static void run(Tenant tenant, Runnable work) {
        call(tenant, () -> {
            work.run();
            return null;
        });
    }
}
