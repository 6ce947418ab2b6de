package dev.kassa.platform.testapp;

import com.zaxxer.hikari.HikariDataSource;
import dev.kassa.platform.test.Api;
import dev.kassa.platform.test.KassaIntegrationTest;
import dev.kassa.platform.test.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
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
        Api shopA = new Api("http://localhost:" + port).as(TestTokens.token(10, "a", Map.of(a, "owner"))).in(a);
        Api shopB = new Api("http://localhost:" + port).as(TestTokens.token(11, "b", Map.of(b, "owner"))).in(b);
        // first requests provision both schemas on demand
        assertThat(shopA.get("/api/notes").status()).isEqualTo(200);
        assertThat(shopB.get("/api/notes").status()).isEqualTo(200);

        HikariDataSource hikari = unwrap(dataSource);
        int original = hikari.getMaximumPoolSize();
        hikari.getHikariConfigMXBean().setMaximumPoolSize(1);
        hikari.getHikariPoolMXBean().softEvictConnections();
        try {
            for (int i = 0; i < 5; i++) {
                assertThat(shopA.post("/api/notes", json("text", "a" + i)).status()).isEqualTo(201);
                assertThat(shopB.get("/api/notes").body()).allSatisfy(n -> assertThat(n.get("text").asText()).startsWith("b"));
                assertThat(shopB.post("/api/notes", json("text", "b" + i)).status()).isEqualTo(201);
                assertThat(shopA.get("/api/notes").body()).allSatisfy(n -> assertThat(n.get("text").asText()).startsWith("a"));
                // the one pooled connection served store A last; the service's own queries still run on its schema
                assertThat(jdbc.queryForObject("select current_schema()", String.class)).isEqualTo("public");
            }
        } finally {
            hikari.getHikariConfigMXBean().setMaximumPoolSize(original);
        }
        assertThat(shopA.get("/api/notes").body()).hasSize(5);
        assertThat(shopB.get("/api/notes").body()).hasSize(5);
        assertThat(jdbc.queryForObject("select count(*) from \"tenant_iso_a\".note", Integer.class)).isEqualTo(5);
        assertThat(jdbc.queryForObject("select count(*) from \"tenant_iso_b\".note", Integer.class)).isEqualTo(5);
        assertThat(jdbc.queryForObject("select schema_version from public.kassa_tenant where tenant_key = ?", Integer.class, a)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from information_schema.tables where table_schema = 'public' and table_name = 'note'", Integer.class)).isZero();
    }

    private static HikariDataSource unwrap(DataSource dataSource) {
        try {
            return dataSource.unwrap(HikariDataSource.class);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
