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

import java.util.ArrayList;
import java.util.List;

import static dev.kassa.platform.test.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

/** Delta sync of categories and units as lists of their own: the store's defaults first, then only what changed. */
@KassaIntegrationTest
class ReferenceSyncTests {

    private static final String CATEGORIES = "/api/products/sync/categories/";
    private static final String UNITS = "/api/products/sync/units/";

    @Autowired
    JdbcTemplate jdbc;

    @LocalServerPort
    int port;

    Api as(String store, String role) {
        return Api.member(port, store, 4, role, role);
    }

    private static List<String> names(JsonNode rows) {
        List<String> names = new ArrayList<>();
        rows.forEach(r -> names.add(r.path("name").asText()));
        return names;
    }

    @Test
    void aTillGetsTheCategoriesAndUnitsOnceThenOnlyWhatChanged() {
        String store = TestStores.newKey("syncref");
        Api owner = as(store, "owner");
        Api till = as(store, "cashier");
        long dairy = owner.post("/api/products/categories/", json("name", "Молочное"))
                .at("/id")
                .asLong();
        long bakery = owner.post("/api/products/categories/", json("name", "Хлебное"))
                .at("/id")
                .asLong();
        int defaultCategories = owner.get("/api/products/categories/?page_size=100")
                .at("/count")
                .asInt();
        int defaultUnits =
                owner.get("/api/products/units/?page_size=100").at("/count").asInt();
        assertThat(defaultCategories).as("the store's categories").isGreaterThanOrEqualTo(2);
        assertThat(defaultUnits).as("a new store's units").isPositive();

        // the first poll: every category, as the category endpoints show them
        Api.Response categories =
                ChangeFeedPolls.until(till, CATEGORIES + "?limit=500", "categories", defaultCategories);
        assertThat(categories.at("/has_more").asBoolean()).isFalse();
        assertThat(names(categories.at("/categories"))).contains("Молочное", "Хлебное");
        assertThat(categories.at("/categories/0").has("slug")).isTrue();
        String categoryCursor = categories.text("/next_cursor");
        Api.Response units = ChangeFeedPolls.until(till, UNITS + "?limit=500", "units", defaultUnits);
        assertThat(units.at("/units/0").has("display_name")).isTrue();
        String unitCursor = units.text("/next_cursor");

        // nothing changed: 304 to a till that sends its cursor as If-None-Match
        assertThat(till.header("If-None-Match", "\"" + categoryCursor + "\"")
                        .get(CATEGORIES + "?cursor=" + categoryCursor)
                        .status())
                .isEqualTo(304);
        assertThat(till.header("If-None-Match", "\"" + unitCursor + "\"")
                        .get(UNITS + "?cursor=" + unitCursor)
                        .status())
                .isEqualTo(304);

        // a new category, a renamed one and a deleted one; a new unit and a deleted one
        long drinks = owner.post("/api/products/categories/", json("name", "Напитки"))
                .at("/id")
                .asLong();
        long renamed = dairy;
        assertThat(owner.patch("/api/products/categories/" + renamed + "/", json("name", "Разное и прочее"))
                        .status())
                .isEqualTo(200);
        long gone = bakery;
        assertThat(owner.delete("/api/products/categories/" + gone + "/").status())
                .isEqualTo(204);
        Api.Response boxCreated =
                owner.post("/api/products/units/", json("name", "Бутылка", "short_name", "бут", "code", "bottle"));
        assertThat(boxCreated.status()).as(boxCreated.toString()).isEqualTo(201);
        long box = boxCreated.at("/id").asLong();
        Api.Response crateCreated =
                owner.post("/api/products/units/", json("name", "Ящик", "short_name", "ящ", "code", "crate"));
        assertThat(crateCreated.status()).as(crateCreated.toString()).isEqualTo(201);
        long crate = crateCreated.at("/id").asLong();
        assertThat(owner.delete("/api/products/units/" + crate + "/").status()).isEqualTo(204);

        Api.Response changed = ChangeFeedPolls.until(till, CATEGORIES + "?cursor=" + categoryCursor, "categories", 3);
        assertThat(names(changed.at("/categories"))).containsExactly("Напитки", "Разное и прочее");
        assertThat(changed.at("/categories/0/id").asLong()).isEqualTo(drinks);
        assertThat(changed.at("/categories/1/id").asLong()).isEqualTo(renamed);
        assertThat(changed.at("/deleted").toString()).isEqualTo("[" + gone + "]");
        Api.Response unitsChanged = ChangeFeedPolls.until(till, UNITS + "?cursor=" + unitCursor, "units", 2);
        assertThat(names(unitsChanged.at("/units"))).containsExactly("Бутылка");
        assertThat(unitsChanged.at("/units/0/id").asLong()).isEqualTo(box);
        assertThat(unitsChanged.at("/deleted").toString()).isEqualTo("[" + crate + "]");

        // another store's till sees only its own store's lists
        String other = TestStores.newKey("syncref2");
        assertThat(as(other, "cashier").get(CATEGORIES + "?limit=500").body().toString())
                .doesNotContain("Разное и прочее")
                .doesNotContain("\"id\":" + drinks + ",");
    }

    @Test
    void changesComeInTheOrderOfTheirTransactionsWhenTransactionIdsGainADigit() {
        String store = TestStores.newKey("syncxid");
        Api till = as(store, "cashier");
        List<Long> ids = new ArrayList<>();
        till.get(UNITS + "?limit=500")
                .at("/units")
                .forEach(u -> ids.add(u.path("id").asLong()));
        assertThat(ids.size()).as("a new store's units").isGreaterThanOrEqualTo(2);
        // two changes whose transaction ids have one and two digits (9 before 10): as text, "10" sorts first, and a
        // page
        // of one cut there handed out a cursor past the change of transaction 9, which no poll showed again
        String schema = TestStores.schema(store);
        jdbc.update("delete from " + schema + ".unit_changes where unit_id not in (?, ?)", ids.get(0), ids.get(1));
        jdbc.update(
                "update " + schema + ".unit_changes set xid = cast('9' as xid8), seq = 1 where unit_id = ?",
                ids.get(0));
        jdbc.update(
                "update " + schema + ".unit_changes set xid = cast('10' as xid8), seq = 2 where unit_id = ?",
                ids.get(1));
        Api.Response first = till.get(UNITS + "?limit=1");
        assertThat(first.at("/units/0/id").asLong()).as(first.toString()).isEqualTo(ids.get(0));
        assertThat(first.text("/next_cursor")).isEqualTo("9-1");
        Api.Response second = till.get(UNITS + "?limit=1&cursor=" + first.text("/next_cursor"));
        assertThat(second.at("/units/0/id").asLong()).as(second.toString()).isEqualTo(ids.get(1));
        assertThat(second.text("/next_cursor")).isEqualTo("10-2");
    }

    @Test
    void badCursorsAndLimitsNoTokenAndAnotherStoresKeyAreRefused() {
        Api till = as(TestStores.newKey("syncrefbad"), "cashier");
        for (String feed : List.of(CATEGORIES, UNITS)) {
            Api.Response bad = till.get(feed + "?cursor=abc");
            assertThat(bad.status()).as(feed).isEqualTo(400);
            assertThat(bad.at("/errors").fieldNames()).toIterable().as(feed).containsExactly("cursor");
            assertThat(till.get(feed + "?limit=0").status()).as(feed).isEqualTo(400);
            assertThat(till.get(feed + "?limit=501").status()).as(feed).isEqualTo(400);
            Api.Response notANumber = till.get(feed + "?limit=ten");
            assertThat(notANumber.status()).as(feed).isEqualTo(400);
            assertThat(notANumber.at("/errors").fieldNames())
                    .toIterable()
                    .as(feed)
                    .containsExactly("limit");
            assertThat(new Api("http://localhost:" + port).get(feed).status())
                    .as(feed)
                    .isEqualTo(401);
            assertThat(Api.member(port, TestStores.newKey("a"), 4, "cashier", "cashier")
                            .in(TestStores.newKey("b"))
                            .get(feed)
                            .status())
                    .as(feed)
                    .isEqualTo(403);
        }
    }
}
