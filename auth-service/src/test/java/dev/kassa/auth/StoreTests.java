package dev.kassa.auth;

import dev.kassa.platform.events.StoreCreated;
import dev.kassa.platform.test.Api;
import dev.kassa.platform.test.EventSamples;
import dev.kassa.platform.test.Registrations;
import dev.kassa.platform.test.WithKassaInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.UUID;

import static dev.kassa.platform.test.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

@WithKassaInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StoreTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    Api api() {
        return new Api("http://localhost:" + port);
    }

    @Test
    void theWebClientsStoreListWithCredentialsSaysTillsLogInByPin() {
        String username = "creds_" + UUID.randomUUID().toString().substring(0, 8);
        Api.Response reg = api().post("/api/users/auth/register/", Registrations.owner(username, "Иван", "Первый"));
        String first = reg.text("/data/store/tenant_key");
        Api owner = api().as(reg.text("/data/tokens/access"));
        Api.Response second = owner.post("/api/users/stores/", json("name", "Второй"));
        String secondKey = second.text("/data/store/tenant_key");
        Api fresh = api().as(second.text("/data/tokens/access"));

        // spec A13: the caller's own active stores, newest first, in the original's shape
        Api.Response list = fresh.get("/api/users/stores/my-stores-with-credentials/");
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        assertThat(list.at("/data/count").asInt()).isEqualTo(2);
        assertThat(list.text("/data/stores/0/tenant_key")).isEqualTo(secondKey);
        assertThat(list.text("/data/stores/1/tenant_key")).isEqualTo(first);
        assertThat(list.at("/data/stores/1/schema_name").asText()).isNotBlank();
        assertThat(list.at("/data/stores/0/staff_credentials").isNull()).isTrue();
        assertThat(list.text("/data/stores/0/staff_credentials_missing")).isEqualTo("true");
        assertThat(list.text("/data/stores/0/staff_credentials_note")).contains("PIN");

        // read on every screen of the web client: its browser keeps it a few seconds, for this caller only, then asks
        // with the ETag it was given and gets 304 while nothing changed
        assertThat(list.header("Cache-Control")).contains("private").contains("max-age=5");
        assertThat(list.header("Vary")).contains("Authorization").contains("X-Tenant-Key");
        String tag = list.header("ETag");
        assertThat(tag).isNotBlank();
        assertThat(fresh.header("If-None-Match", tag)
                        .get("/api/users/stores/my-stores-with-credentials/")
                        .status())
                .isEqualTo(304);
        Api.Response me = fresh.in(first).get("/api/users/profile/");
        assertThat(me.status()).as(me.toString()).isEqualTo(200);
        assertThat(me.header("Cache-Control")).contains("private").contains("max-age=5");
        assertThat(fresh.in(first)
                        .header("If-None-Match", me.header("ETag"))
                        .get("/api/users/profile/")
                        .status())
                .as("the profile's alias, asked again unchanged")
                .isEqualTo(304);
        assertThat(fresh.in(first)
                        .header("If-None-Match", me.header("ETag"))
                        .get("/api/users/auth/me/")
                        .status())
                .isEqualTo(304);
        assertThat(fresh.in(secondKey)
                        .header("If-None-Match", me.header("ETag"))
                        .get("/api/users/auth/me/")
                        .status())
                .as("another store's profile is another answer")
                .isEqualTo(200);

        // spec A12: for the store of X-Tenant-Key, its owner only
        Api.Response creds = fresh.in(first).get("/api/users/stores/staff-credentials/");
        assertThat(creds.status()).as(creds.toString()).isEqualTo(200);
        assertThat(creds.text("/data/tenant_key")).isEqualTo(first);
        assertThat(creds.at("/data/password").isNull()).isTrue();
        assertThat(creds.text("/data/note")).contains("PIN");
        assertThat(fresh.get("/api/users/stores/staff-credentials/").text("/code"))
                .isEqualTo("missing_tenant_key");
        String other = api().post(
                        "/api/users/auth/register/",
                        json(
                                "username",
                                "other_" + UUID.randomUUID().toString().substring(0, 8),
                                "password",
                                "SecurePass123!",
                                "password_confirm",
                                "SecurePass123!",
                                "first_name",
                                "Пётр",
                                "store_name",
                                "Чужой"))
                .text("/data/store/tenant_key");
        assertThat(fresh.in(other).get("/api/users/stores/staff-credentials/").text("/code"))
                .isEqualTo("not_a_member");
        assertThat(api().get("/api/users/stores/my-stores-with-credentials/").status())
                .isEqualTo(401);
        // an employee, not the owner, sees no store of their own
        String cashier = "kassir_" + UUID.randomUUID().toString().substring(0, 8);
        api().as(reg.text("/data/tokens/access"))
                .in(first)
                .post(
                        "/api/users/employees/",
                        json(
                                "username",
                                cashier,
                                "password",
                                "SecurePass123",
                                "first_name",
                                "Анна",
                                "role",
                                "cashier"));
        Api asCashier = api().as(
                        api().post("/api/users/auth/login/", json("username", cashier, "password", "SecurePass123"))
                                .text("/access"));
        assertThat(asCashier
                        .get("/api/users/stores/my-stores-with-credentials/")
                        .at("/data/count")
                        .asInt())
                .isZero();
        assertThat(asCashier
                        .in(first)
                        .get("/api/users/stores/staff-credentials/")
                        .text("/code"))
                .isEqualTo("permission_denied");
    }

    @Test
    void anOwnerOpensAWarehouseWhoseKindEveryServiceLearnsAndThatNeverChanges() {
        String username = "depot_" + UUID.randomUUID().toString().substring(0, 8);
        Api.Response reg = api().post("/api/users/auth/register/", Registrations.owner(username, "Иван", "Склад"));
        assertThat(reg.text("/data/store/kind")).isEqualTo("shop");
        Api owner = api().as(reg.text("/data/tokens/access"));
        Api.Response bad = owner.post("/api/users/stores/", json("name", "Склад", "kind", "garage"));
        assertThat(bad.status()).as(bad.toString()).isEqualTo(400);
        assertThat(bad.at("/errors/kind").isArray()).isTrue();

        Api.Response created = owner.post("/api/users/stores/", json("name", "Склад Чиланзар", "kind", "warehouse"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.text("/data/store/kind")).isEqualTo("warehouse");
        String depot = created.text("/data/store/tenant_key");
        assertThat(EventSamples.awaitEmitted(StoreCreated.class, depot)
                        .at("/payload/kind")
                        .asText())
                .isEqualTo("warehouse");
        Api fresh = api().as(created.text("/data/tokens/access"));
        Api.Response list = fresh.get("/api/users/stores/");
        assertThat(list.text("/results/0/kind")).isEqualTo("warehouse");
        long id = list.at("/results/0/id").asLong();
        Api.Response changed = fresh.patch("/api/users/stores/" + id + "/", json("kind", "shop"));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(400);
        assertThat(changed.at("/errors/kind").isArray()).isTrue();
        Api.Response same = fresh.patch("/api/users/stores/" + id + "/", json("kind", "warehouse", "city", "Ташкент"));
        assertThat(same.status()).as(same.toString()).isEqualTo(200);
        assertThat(same.text("/data/kind")).isEqualTo("warehouse");
    }

    @Test
    void anOwnerOpensAStoreWithACopyOfTheCatalogueOfAnotherOfTheirsOnly() {
        String username = "copy_" + UUID.randomUUID().toString().substring(0, 8);
        Api.Response reg = api().post("/api/users/auth/register/", Registrations.owner(username, "Иван", "Первый"));
        String first = reg.text("/data/store/tenant_key");
        Api owner = api().as(reg.text("/data/tokens/access"));
        String stranger = "other_" + UUID.randomUUID().toString().substring(0, 8);
        String theirs = api().post("/api/users/auth/register/", Registrations.owner(stranger, "Пётр", "Чужой"))
                .text("/data/store/tenant_key");

        Api.Response notMine = owner.post("/api/users/stores/", json("name", "Филиал", "copy_catalogue_from", theirs));
        assertThat(notMine.status()).as(notMine.toString()).isEqualTo(400);
        assertThat(notMine.at("/errors/copy_catalogue_from").isArray()).isTrue();
        assertThat(owner.post("/api/users/stores/", json("name", "Филиал", "copy_catalogue_from", "no_such_00000000"))
                        .at("/errors/copy_catalogue_from")
                        .isArray())
                .isTrue();
        assertThat(owner.get("/api/users/stores/").at("/count").asInt())
                .as("nothing opened by the refusals")
                .isEqualTo(1);

        Api.Response copied = owner.post("/api/users/stores/", json("name", "Филиал", "copy_catalogue_from", first));
        assertThat(copied.status()).as(copied.toString()).isEqualTo(201);
        String second = copied.text("/data/store/tenant_key");
        assertThat(EventSamples.awaitEmitted(StoreCreated.class, second)
                        .at("/payload/copy_catalogue_from")
                        .asText())
                .as("catalog shares the first store's products with the new one (catalog's ChainCatalogueTests)")
                .isEqualTo(first);
    }

    @Test
    void anOwnerOpensASecondStoreAndTheFreshTokenServesBoth() {
        String username = "multi_" + UUID.randomUUID().toString().substring(0, 8);
        Api.Response reg = api().post("/api/users/auth/register/", Registrations.owner(username, "Иван", "Первый"));
        String first = reg.text("/data/store/tenant_key");
        Api owner = api().as(reg.text("/data/tokens/access"));

        Api.Response created = owner.post(
                "/api/users/stores/",
                json(
                        "name",
                        "Филиал на Чиланзаре",
                        "address",
                        "Чиланзар, 5",
                        "phone",
                        "+998712345679",
                        "time_zone",
                        "Asia/Samarkand"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.text("/message")).isEqualTo("Магазин успешно создан");
        String second = created.text("/data/store/tenant_key");
        assertThat(second).startsWith("filial-na-chilanzare_");
        assertThat(created.text("/data/store/time_zone")).isEqualTo("Asia/Samarkand");
        // the original web client reads staff_credentials.username after creating a store: the object is there, with no
        // shared account
        assertThat(created.at("/data/staff_credentials").isObject()).isTrue();
        assertThat(created.at("/data/staff_credentials/username").isNull()).isTrue();
        assertThat(created.text("/data/staff_credentials/sign_in")).isEqualTo("pin");
        assertThat(created.text("/data/staff_credentials/note")).contains("PIN");
        assertThat(EventSamples.awaitEmitted(StoreCreated.class, second)
                        .at("/payload/tenant_key")
                        .asText())
                .isEqualTo(second);

        assertThat(created.text("/data/store/kind")).isEqualTo("shop");

        Api fresh = api().as(created.text("/data/tokens/access"));
        assertThat(fresh.in(second).get("/api/users/auth/me/").text("/data/employee/role"))
                .isEqualTo("owner");
        assertThat(fresh.in(first).get("/api/users/auth/me/").status()).isEqualTo(200);
        // the old token does not know the new store yet
        assertThat(owner.in(second).get("/api/users/auth/me/").text("/code")).isEqualTo("not_a_member");

        Api.Response list = fresh.get("/api/users/stores/");
        assertThat(list.at("/count").asInt()).isEqualTo(2);
        assertThat(list.text("/results/0/tenant_key")).isEqualTo(second);
        long id = list.at("/results/0/id").asLong();
        Api.Response store = fresh.get("/api/users/stores/" + id + "/");
        assertThat(store.text("/role")).isEqualTo("owner");
        // a till polls its store (what its receipts print) with the ETag it was given: 304 until the store changes
        String tag = store.header("ETag");
        assertThat(tag).as(store.toString()).isNotBlank();
        assertThat(fresh.header("If-None-Match", tag)
                        .get("/api/users/stores/" + id + "/")
                        .status())
                .isEqualTo(304);
        assertThat(fresh.in(second)
                        .patch("/api/users/stores/" + id + "/", json("address", "Чиланзар, 7"))
                        .status())
                .isEqualTo(200);
        Api.Response moved = fresh.header("If-None-Match", tag).get("/api/users/stores/" + id + "/");
        assertThat(moved.status()).isEqualTo(200);
        assertThat(moved.raw()).contains("Чиланзар, 7");
        assertThat(api().header("If-None-Match", tag)
                        .get("/api/users/stores/" + id + "/")
                        .status())
                .as("a tag is no token")
                .isEqualTo(401);
        assertThat(api().as(reg.text("/data/tokens/access"))
                        .get("/api/users/stores/9999999/")
                        .status())
                .isEqualTo(404);
    }

    @Test
    void onlyStoreOwnersOpenStoresAndTheFieldsAreChecked() {
        Api.Response reg = api().post(
                        "/api/users/auth/register/",
                        json(
                                "username",
                                "own_" + UUID.randomUUID().toString().substring(0, 8),
                                "password",
                                "SecurePass123!",
                                "password_confirm",
                                "SecurePass123!",
                                "first_name",
                                "И",
                                "store_name",
                                "Магазин"));
        Api owner = api().as(reg.text("/data/tokens/access"));
        String taken = reg.text("/data/store/slug");
        Api.Response bad =
                owner.post("/api/users/stores/", json("slug", taken, "phone", "123", "time_zone", "Mars/Olympus"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.at("/errors").fieldNames()).toIterable().contains("name", "slug", "phone", "time_zone");

        String cashier = "cash_" + UUID.randomUUID().toString().substring(0, 8);
        owner.in(reg.text("/data/store/tenant_key"))
                .post(
                        "/api/users/employees/",
                        json("username", cashier, "password", "SecurePass123", "first_name", "К", "role", "cashier"));
        String cashierToken = api().post(
                        "/api/users/auth/login/", json("username", cashier, "password", "SecurePass123"))
                .text("/access");
        assertThat(api().as(cashierToken)
                        .post("/api/users/stores/", json("name", "Мой"))
                        .text("/code"))
                .isEqualTo("permission_denied");
        assertThat(api().post("/api/users/stores/", json("name", "Мой")).status())
                .isEqualTo(401);
    }
}
