package dev.kassa.production;

import dev.kassa.platform.test.Api;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Production's integration tests that need catalog: one {@link FakeCatalog} for the test run (its servers' stores never
 * meet: each test works in stores of its own), production pointed at it.
 */
abstract class CatalogBackedTests {

    static final FakeCatalog catalog = new FakeCatalog();

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("kassa.production.catalog-url", catalog::url);
    }

    @LocalServerPort
    int port;

    /** Production as {@code user} with {@code role} in {@code store}. */
    Api as(String store, long user, String role) {
        return Api.member(port, store, user, "u" + user, role);
    }
}
