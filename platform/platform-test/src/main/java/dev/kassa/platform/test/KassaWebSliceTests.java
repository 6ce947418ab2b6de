package dev.kassa.platform.test;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What every service's web slice checks: a service's {@code <Service>WebTests} extends it, names its published document
 * and adds the request shapes of its own endpoints.
 */
@KassaWebTest
public abstract class KassaWebSliceTests {

    @Autowired
    protected MockMvc mvc;

    @Autowired
    protected ApplicationContext context;

    /** The store the slice's callers work in. */
    protected final String store = TestStores.newKey("web");

    /** A member of {@link #store} with {@code role}. */
    protected Api as(String role) {
        return Api.through(mvc)
                .as(TestTokens.token(7, role, Map.of(store, role)))
                .in(store);
    }

    /**
     * The service's committed OpenAPI document, {@code docs/openapi/<document>.json}: the test class's name before
     * {@code WebTests}, in lower case ({@code SalesWebTests}: {@code sales}).
     */
    protected String document() {
        return getClass().getSimpleName().replace("WebTests", "").toLowerCase(Locale.ROOT);
    }

    @Test
    protected void everyStoreOperationRefusesAMissingTokenAndAnotherStoresKey() {
        List<String> tenantless = Binder.get(context.getEnvironment())
                .bind("kassa.tenancy.tenantless-paths", Bindable.listOf(String.class))
                .orElse(List.of());
        Boundaries.assertEveryStoreOperationGuarded(Api.through(mvc), document(), tenantless);
    }
}
