package dev.kassa.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kassa.platform.test.Api;
import dev.kassa.platform.test.ChangeFeedPolls;
import dev.kassa.platform.test.KassaIntegrationTest;
import dev.kassa.platform.test.TestStores;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static dev.kassa.platform.test.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Delta sync for offline tills: only what changed since the till's cursor, deletions included, and 304 when nothing did. */
@KassaIntegrationTest
class ProductSyncTests {

    private static final String SYNC = "/api/products/sync/products/";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataSource dataSource;

    Api as(String store, String role) {
        return Api.member(port, store, 4, role, role);
    }

    private static Api.Response poll(Api till, String query, int changes) {
        return ChangeFeedPolls.until(till, SYNC + query, "products", changes);
    }

    private static List<String> names(JsonNode products) {
        List<String> names = new ArrayList<>();
        products.forEach(p -> names.add(p.path("name").asText()));
        return names;
    }

    @Test
    void aTillTransfersOnlyWhatChangedSinceItsLastPoll() {
        String store = TestStores.newKey("sync");
        Api manager = as(store, "owner");
        Api till = as(store, "cashier");
        long milk = manager.post("/api/products/products/", json("name", "Молоко", "sale_price", 12000))
                .at("/id")
                .asLong();
        long bread = manager.post("/api/products/products/", json("name", "Хлеб", "sale_price", 4000))
                .at("/id")
                .asLong();
        long tea = manager.post("/api/products/products/", json("name", "Чай", "sale_price", 15000))
                .at("/id")
                .asLong();

        // the first poll: every product, a page at a time
        Api.Response first = poll(till, "?limit=2", 2);
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(names(first.at("/products"))).containsExactly("Молоко", "Хлеб");
        assertThat(first.at("/has_more").asBoolean()).isTrue();
        Api.Response rest = poll(till, "?limit=2&cursor=" + first.text("/next_cursor"), 1);
        assertThat(names(rest.at("/products"))).containsExactly("Чай");
        assertThat(rest.at("/has_more").asBoolean()).isFalse();
        String cursor = rest.text("/next_cursor");
        assertThat(rest.header("ETag")).isEqualTo("\"" + cursor + "\"");

        // nothing changed: the same cursor, and 304 to a till that sends it as If-None-Match
        Api.Response same = till.get(SYNC + "?cursor=" + cursor);
        assertThat(same.at("/products").size()).isZero();
        assertThat(same.text("/next_cursor")).isEqualTo(cursor);
        assertThat(till.header("If-None-Match", "\"" + cursor + "\"")
                        .get(SYNC + "?cursor=" + cursor)
                        .status())
                .isEqualTo(304);

        // a price change, an extra barcode and a deletion: only those, in the order they happened
        assertThat(manager.patch("/api/products/products/" + bread + "/", json("sale_price", 4500))
                        .status())
                .isEqualTo(200);
        assertThat(manager.post("/api/products/barcodes/", json("product", tea, "barcode", "4780000000999"))
                        .status())
                .isEqualTo(201);
        assertThat(manager.delete("/api/products/products/" + milk + "/").status())
                .isEqualTo(204);
        Api.Response changed = poll(till.header("If-None-Match", "\"" + cursor + "\""), "?cursor=" + cursor, 3);
        assertThat(names(changed.at("/products"))).containsExactly("Хлеб", "Чай");
        assertThat(changed.at("/products/0/sale_price").asText()).isEqualTo("4500.00");
        assertThat(changed.at("/deleted").toString()).isEqualTo("[" + milk + "]");
        assertThat(changed.text("/next_cursor")).isNotEqualTo(cursor);

        // another store's till sees none of it
        assertThat(as(TestStores.newKey("other"), "cashier")
                        .get(SYNC)
                        .at("/products")
                        .size())
                .isZero();
    }

    @Test
    void aFeedSaysHowFarALongTransactionHoldsItBackAndTheServicesOwnSessionsBoundTheirs() throws Exception {
        String store = TestStores.newKey("sync");
        Api manager = as(store, "owner");
        Api till = as(store, "cashier");
        // the services' own sessions: a transaction idle for a minute or a statement running for five is ended
        assertThat(jdbc.queryForObject("show idle_in_transaction_session_timeout", String.class))
                .isEqualTo("1min");
        assertThat(jdbc.queryForObject("show statement_timeout", String.class)).isEqualTo("5min");
        // another session writes and keeps its transaction open: changes committed meanwhile wait behind it
        try (Connection held = dataSource.getConnection()) {
            held.setAutoCommit(false);
            held.createStatement().execute("select pg_current_xact_id()");
            manager.post("/api/products/products/", json("name", "Сок", "sale_price", 9000));
            await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
                Api.Response behind = till.get(SYNC);
                assertThat(behind.status()).isEqualTo(200);
                assertThat(names(behind.at("/products"))).as("not shown yet").doesNotContain("Сок");
                assertThat(Long.parseLong(behind.header("Kassa-Sync-Lag"))).isGreaterThanOrEqualTo(2);
            });
            held.rollback();
        }
        Api.Response caughtUp = poll(till, "", 1);
        assertThat(names(caughtUp.at("/products"))).contains("Сок");
        assertThat(caughtUp.header("Kassa-Sync-Lag")).isNotNull();
    }

    @Test
    void aRenamedCategoryOrUnitSendsItsProductsAgain() {
        String store = TestStores.newKey("syncname");
        Api owner = as(store, "owner");
        Api till = as(store, "cashier");
        long drinks = owner.post("/api/products/categories/", json("name", "Напитки"))
                .at("/id")
                .asLong();
        owner.post("/api/products/products/", json("name", "Сок", "sale_price", 9000, "category", drinks));
        owner.post("/api/products/products/", json("name", "Хлеб", "sale_price", 4000));
        String cursor = poll(till, "", 2).text("/next_cursor");

        assertThat(owner.patch("/api/products/categories/" + drinks + "/", json("name", "Соки и воды"))
                        .status())
                .isEqualTo(200);
        Api.Response renamed = poll(till, "?cursor=" + cursor, 1);
        assertThat(names(renamed.at("/products"))).containsExactly("Сок");
        assertThat(renamed.text("/products/0/category_name")).isEqualTo("Соки и воды");
    }

    @Test
    void badCursorsAndLimitsNoTokenAndAnotherStoresKeyAreRefused() {
        String store = TestStores.newKey("syncbad");
        Api till = as(store, "cashier");
        for (String cursor :
                new String[] {"abc", "1-", "-1-2", "99999999999999999999999-1", "99999999999999999999-1"}) {
            Api.Response bad = till.get(SYNC + "?cursor=" + cursor);
            assertThat(bad.status()).as(cursor).isEqualTo(400);
            assertThat(bad.at("/errors").fieldNames()).toIterable().as(cursor).containsExactly("cursor");
        }
        for (String limit : new String[] {"0", "501", "x"}) {
            assertThat(till.get(SYNC + "?limit=" + limit).status()).as(limit).isEqualTo(400);
        }
        assertThat(new Api("http://localhost:" + port).get(SYNC).status()).isEqualTo(401);
        Api.Response foreign = Api.member(port, TestStores.newKey("a"), 4, "cashier", "cashier")
                .in(TestStores.newKey("b"))
                .get(SYNC);
        assertThat(foreign.status()).isEqualTo(403);
    }
}
