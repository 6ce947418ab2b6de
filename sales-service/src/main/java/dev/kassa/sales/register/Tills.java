package dev.kassa.sales.register;

import dev.kassa.platform.tenancy.TenantContext;
import dev.kassa.platform.tenancy.TenantRegistry;
import dev.kassa.sales.SalesErrors;

/** Where tills may work: every store but a warehouse (issue 64 point 4), which keeps stock but has no tills or shifts. */
public final class Tills {

    private Tills() {}

    /** 409 {@code store_is_warehouse} when the store of the request is a warehouse, as its store events said. */
    public static void refusedInWarehouse(TenantRegistry stores) {
        if (stores.isWarehouse(TenantContext.require().key())) {
            throw SalesErrors.STORE_IS_WAREHOUSE.exception();
        }
    }
}
