package dev.kassa.platform.testapp;

import com.zaxxer.hikari.HikariDataSource;
import dev.kassa.platform.events.StoreCreated;
import dev.kassa.platform.events.StoreUpdated;
import dev.kassa.platform.events.Topics;
import dev.kassa.platform.tenancy.TenantProvisioner;
import dev.kassa.platform.tenancy.TenantRegistry;
import dev.kassa.platform.test.EventSamples;
import dev.kassa.platform.test.KassaIntegrationTest;
import dev.kassa.platform.test.TestStores;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@KassaIntegrationTest
class StoreProvisioningTests {

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TenantProvisioner provisioner;

    @Autowired
    TenantRegistry registry;

    @Test
    void storeCreatedProvisionsTheSchemaWithTheStoresTimeZone() throws Exception {
        String key = TestStores.newKey("prov");
        String slug = key.substring(0, key.length() - 9);
        EventSamples.Sample created = EventSamples.of(StoreCreated.class);
        created.assertConsumedBy("platform (every service)");
        kafka.send(Topics.AUTH, key, created.message(key, e -> e.set("/tenant_key", key)
                        .set("/slug", slug)
                        .set("/schema_name", "tenant_" + slug)
                        .set("/name", "Самарканд")
                        .set("/time_zone", "Asia/Samarkand")
                        .set("/address", "ул. Регистан, 1")
                        .set("/phone", "+998901112233")
                        .set("/legal_name", "ООО Самарканд")
                        .set("/tax_id", "301234567")))
                .get();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(jdbc.queryForList(
                        "select time_zone from public.kassa_tenant where tenant_key = ?", String.class, key))
                .containsExactly("Asia/Samarkand"));
        assertThat(jdbc.queryForObject(
                        "select count(*) from information_schema.tables where table_schema = ? and table_name = 'note'",
                        Integer.class,
                        "tenant_" + slug))
                .isEqualTo(1);
        assertThat(provisioner.ensureReady(key).zone().getId()).isEqualTo("Asia/Samarkand");
        assertThat(registry.profile(key))
                .contains(new TenantRegistry.Profile(
                        "Самарканд", "ул. Регистан, 1", "+998901112233", "ООО Самарканд", "301234567"));
        assertThat(registry.isWarehouse(key)).as("a shop").isFalse();

        // a later StoreUpdated changes the details and the time zone the service works in
        kafka.send(Topics.AUTH, key, EventSamples.of(StoreUpdated.class).message(key, e -> e.set("/tenant_key", key)
                        .set("/name", "Самарканд 2")
                        .set("/address", "ул. Ташкентская, 5")
                        .set("/phone", "+998901112244")
                        .set("/time_zone", "Asia/Tashkent")
                        .set("/kind", "warehouse")))
                .get();
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() ->
                        assertThat(provisioner.ensureReady(key).zone().getId()).isEqualTo("Asia/Tashkent"));
        assertThat(registry.profile(key).orElseThrow().name()).isEqualTo("Самарканд 2");
        assertThat(registry.profile(key).orElseThrow().address()).isEqualTo("ул. Ташкентская, 5");
        await().atMost(Duration.ofSeconds(30)).until(() -> registry.isWarehouse(key));
    }

    @Autowired
    DataSource dataSource;

    @Test
    void concurrentFirstRequestsProvisionAStoreOnce() throws Exception {
        String key = TestStores.newKey("race");
        // more first requests at once than the pool has connections: each waits for the store's lock on a connection of
        // its own, so the lock's holder must not need a second one
        int requests = dataSource.unwrap(HikariDataSource.class).getMaximumPoolSize() + 3;
        ExecutorService pool = Executors.newFixedThreadPool(requests);
        List<Future<?>> all = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            all.add(pool.submit(() -> provisioner.provision(key, null)));
        }
        for (Future<?> f : all) {
            f.get(20, TimeUnit.SECONDS);
        }
        pool.shutdown();
        String schema = key.substring(0, key.length() - 9);
        assertThat(jdbc.queryForObject(
                        "select count(*) from \"tenant_" + schema
                                + "\".flyway_schema_history where success and type = 'SQL'",
                        Integer.class))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject(
                        "select time_zone from public.kassa_tenant where tenant_key = ?", String.class, key))
                .isEqualTo("Asia/Tashkent");
    }
}
