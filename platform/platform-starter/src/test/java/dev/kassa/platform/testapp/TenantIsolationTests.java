package dev.kassa.platform.testapp;

import com.zaxxer.hikari.HikariDataSource;
import dev.kassa.platform.tenancy.ServiceSchemaDataSource;
import dev.kassa.platform.tenancy.Tenant;
import dev.kassa.platform.tenancy.TenantContext;
import dev.kassa.platform.tenancy.TenantSchemaDataSource;
import dev.kassa.platform.test.Api;
import dev.kassa.platform.test.KassaIntegrationTest;
import dev.kassa.platform.test.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static dev.kassa.platform.test.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

@KassaIntegrationTest
class TenantIsolationTests {

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void twoStoresNeverSeeEachOthersRowsEvenOnOnePooledConnection() {
        String a = "iso_a_aaaaaaaa";
        String b = "iso_b_bbbbbbbb";
        Api shopA = new Api("http://localhost:" + port)
                .as(TestTokens.token(10, "a", Map.of(a, "owner")))
                .in(a);
        Api shopB = new Api("http://localhost:" + port)
                .as(TestTokens.token(11, "b", Map.of(b, "owner")))
                .in(b);
        // first requests provision both schemas on demand
        assertThat(shopA.get("/api/notes").status()).isEqualTo(200);
        assertThat(shopB.get("/api/notes").status()).isEqualTo(200);

        HikariDataSource hikari = unwrap(dataSource);
        int original = hikari.getMaximumPoolSize();
        hikari.getHikariConfigMXBean().setMaximumPoolSize(1);
        hikari.getHikariPoolMXBean().softEvictConnections();
        try {
            for (int i = 0; i < 5; i++) {
                assertThat(shopA.post("/api/notes", json("text", "a" + i)).status())
                        .isEqualTo(201);
                assertThat(shopB.get("/api/notes").body())
                        .allSatisfy(n -> assertThat(n.get("text").asText()).startsWith("b"));
                assertThat(shopB.post("/api/notes", json("text", "b" + i)).status())
                        .isEqualTo(201);
                assertThat(shopA.get("/api/notes").body())
                        .allSatisfy(n -> assertThat(n.get("text").asText()).startsWith("a"));
                // the one pooled connection served store A last; the service's own queries still run on its schema
                assertThat(jdbc.queryForObject("select current_schema()", String.class))
                        .isEqualTo("public");
            }
        } finally {
            hikari.getHikariConfigMXBean().setMaximumPoolSize(original);
        }
        assertThat(shopA.get("/api/notes").body()).hasSize(5);
        assertThat(shopB.get("/api/notes").body()).hasSize(5);
        assertThat(jdbc.queryForObject("select count(*) from \"tenant_iso_a\".note", Integer.class))
                .isEqualTo(5);
        assertThat(jdbc.queryForObject("select count(*) from \"tenant_iso_b\".note", Integer.class))
                .isEqualTo(5);
        assertThat(jdbc.queryForObject(
                        "select schema_version from public.kassa_tenant where tenant_key = ?", Integer.class, a))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject(
                        "select count(*) from information_schema.tables where table_schema = 'public' and table_name = 'note'",
                        Integer.class))
                .isZero();
    }

    /** What a service without JPA runs on: its JdbcTemplate inside a transaction uses the store's connection. */
    @Test
    void withoutJpaTransactionsRunOnTheStoresSchemaAndTheServicesQueriesOnItsOwn() {
        String a = "jdbc_a_aaaaaaaa";
        String b = "jdbc_b_bbbbbbbb";
        assertThat(new Api("http://localhost:" + port)
                        .as(TestTokens.token(12, "a", Map.of(a, "owner")))
                        .in(a)
                        .get("/api/notes")
                        .status())
                .isEqualTo(200);
        assertThat(new Api("http://localhost:" + port)
                        .as(TestTokens.token(13, "b", Map.of(b, "owner")))
                        .in(b)
                        .get("/api/notes")
                        .status())
                .isEqualTo(200);
        HikariDataSource hikari = unwrap(dataSource);
        JdbcTransactionManager manager =
                new JdbcTransactionManager(new TenantSchemaDataSource(ServiceSchemaDataSource.pool(dataSource)));
        TransactionTemplate tx = new TransactionTemplate(manager);
        Tenant storeA = new Tenant(a, "tenant_jdbc_a", ZoneOffset.UTC);
        Tenant storeB = new Tenant(b, "tenant_jdbc_b", ZoneOffset.UTC);
        int original = hikari.getMaximumPoolSize();
        hikari.getHikariConfigMXBean().setMaximumPoolSize(1);
        hikari.getHikariPoolMXBean().softEvictConnections();
        try {
            for (int i = 0; i < 3; i++) {
                for (Tenant store : List.of(storeA, storeB)) {
                    String text = store.key().substring(0, 6) + i;
                    String inTransaction = TenantContext.call(
                            store,
                            () -> tx.execute(status -> {
                                jdbc.update("insert into note (text) values (?)", text);
                                return jdbc.queryForObject("select current_schema()", String.class);
                            }));
                    assertThat(inTransaction).isEqualTo(store.schema());
                    // outside a transaction, even inside the store, the service's own schema
                    assertThat(TenantContext.call(
                                    store, () -> jdbc.queryForObject("select current_schema()", String.class)))
                            .isEqualTo("public");
                }
            }
            String outsideStores = tx.execute(status -> jdbc.queryForObject("select current_schema()", String.class));
            assertThat(outsideStores).isEqualTo("public");
        } finally {
            hikari.getHikariConfigMXBean().setMaximumPoolSize(original);
        }
        assertThat(jdbc.queryForList("select text from \"tenant_jdbc_a\".note order by text", String.class))
                .containsExactly("jdbc_a0", "jdbc_a1", "jdbc_a2");
        assertThat(jdbc.queryForList("select text from \"tenant_jdbc_b\".note order by text", String.class))
                .containsExactly("jdbc_b0", "jdbc_b1", "jdbc_b2");
    }

    private static HikariDataSource unwrap(DataSource dataSource) {
        try {
            return dataSource.unwrap(HikariDataSource.class);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
