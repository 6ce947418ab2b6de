package dev.kassa.auth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kassa.platform.events.StoreCreated;
import dev.kassa.platform.test.Api;
import dev.kassa.platform.test.EventSamples;
import dev.kassa.platform.test.Registrations;
import dev.kassa.platform.test.SeedExamples;
import dev.kassa.platform.test.WithKassaInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.Map;
import java.util.UUID;

import static dev.kassa.platform.test.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

@WithKassaInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RegistrationAndLoginTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    Api api() {
        return new Api("http://localhost:" + port);
    }

    static String unique(String base) {
        return base + "_" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void theFullRegistrationExampleCreatesUserStoreOwnerAndTokens() {
        String slug = unique("asia_market");
        Api.Response r = api().post("/api/users/auth/register/", SeedExamples.registration(unique("ivan_owner"), slug));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        assertThat(r.text("/status")).isEqualTo("success");
        assertThat(r.text("/message")).isEqualTo("Регистрация успешна");
        String tenantKey = r.text("/data/store/tenant_key");
        assertThat(tenantKey).matches(slug + "_[0-9a-f]{8}");
        assertThat(r.text("/data/store/schema_name")).isEqualTo("tenant_" + slug);
        assertThat(r.text("/data/store/city")).isEqualTo("Ташкент");
        assertThat(r.text("/data/employee/role")).isEqualTo("owner");
        assertThat(r.text("/data/employee/role_display")).isEqualTo("Владелец");
        assertThat(r.text("/data/employee/phone")).isEqualTo("+998901234567");
        assertThat(r.at("/data/employee/permissions").toString()).contains("manage_employees");
        assertThat(r.text("/data/user/full_name")).isEqualTo("Иван Петров");
        assertThat(r.text("/data/tokens/access")).isNotBlank();
        // the flat shape of the registration document is there too
        assertThat(r.text("/access")).isEqualTo(r.text("/data/tokens/access"));
        assertThat(r.text("/store/tenant_key")).isEqualTo(tenantKey);
        // answered like login: the web client keeps the tenant key from the store list (issue 13)
        assertThat(r.text("/data/available_stores/0/tenant_key")).isEqualTo(tenantKey);
        assertThat(r.text("/data/available_stores/0/role")).isEqualTo("owner");
        assertThat(r.text("/data/default_store/tenant_key")).isEqualTo(tenantKey);
        assertThat(r.text("/default_store/tenant_key")).isEqualTo(tenantKey);
        assertThat(r.text("/available_stores/0/name")).isEqualTo(r.text("/store/name"));
        assertThat(r.raw()).doesNotContain("SecurePass123!");
        assertThat(EventSamples.awaitEmitted(StoreCreated.class, tenantKey)
                        .at("/payload/tenant_key")
                        .asText())
                .isEqualTo(tenantKey);
        // me with the new store's key
        Api owner = api().as(r.text("/data/tokens/access"));
        Api.Response me = owner.in(tenantKey).get("/api/users/auth/me/");
        assertThat(me.status()).as(me.toString()).isEqualTo(200);
        assertThat(me.text("/data/store/tenant_key")).isEqualTo(tenantKey);
        assertThat(me.text("/data/employee/role")).isEqualTo("owner");
        assertThat(owner.in(tenantKey).get("/api/users/profile/").status()).isEqualTo(200);
    }

    @Test
    void theMinimalExamplesOfAllThreeDocumentsSucceed() {
        // erp-v2-registration.md "Минимальная регистрация"
        Api.Response doc002 = api().post(
                        "/api/users/auth/register/",
                        json(
                                "first_name",
                                "Иван",
                                "owner_phone",
                                "+998901234567",
                                "username",
                                unique("ivan_owner"),
                                "password",
                                "SecurePass123!",
                                "password_confirm",
                                "SecurePass123!",
                                "store_name",
                                "Супермаркет Азия",
                                "store_address",
                                "ул. Навои, д. 45",
                                "store_phone",
                                "+998712345678"));
        assertThat(doc002.status()).as(doc002.toString()).isEqualTo(201);
        assertThat(doc002.text("/data/store/slug")).startsWith("supermarket-aziya");
        // erp-v2-readme.md "Минимальный запрос"
        Api.Response readme =
                api().post("/api/users/auth/register/", Registrations.owner(unique("owner1"), "Иван", "Мой Магазин"));
        assertThat(readme.status()).as(readme.toString()).isEqualTo(201);
        assertThat(readme.text("/data/store/slug")).startsWith("moy-magazin");
        // erp-v2-api.md 1.1: password2 and phone
        Api.Response api = api().post("/api/users/auth/register/", SeedExamples.apiRegistration(unique("testuser")));
        assertThat(api.status()).as(api.toString()).isEqualTo(201);
        assertThat(api.text("/data/employee/phone")).isEqualTo("+998901234567");
        // erp-v2-readme.md "Полный запрос" with its hyphenated slug
        Api.Response readmeFull = api().post(
                        "/api/users/auth/register/",
                        json(
                                "username",
                                unique("owner1"),
                                "password",
                                "SecurePass123!",
                                "password_confirm",
                                "SecurePass123!",
                                "first_name",
                                "Иван",
                                "last_name",
                                "Иванов",
                                "email",
                                "ivan@example.com",
                                "owner_phone",
                                "+998901234567",
                                "store_name",
                                "Мой Магазин",
                                "store_slug",
                                unique("moy-magazin"),
                                "store_description",
                                "Магазин одежды премиум класса",
                                "store_address",
                                "г. Ташкент, ул. Навои, 25",
                                "store_phone",
                                "+998901234567",
                                "store_email",
                                "info@mystore.uz"));
        assertThat(readmeFull.status()).as(readmeFull.toString()).isEqualTo(201);
        assertThat(readmeFull.text("/data/store/schema_name")).doesNotContain("-");
    }

    @Test
    void generatedSlugsStayUniqueWithSuffixes() {
        String name = "Магазин " + UUID.randomUUID().toString().substring(0, 6).replaceAll("[0-9]", "x");
        String first = register(name).text("/data/store/slug");
        String second = register(name).text("/data/store/slug");
        assertThat(second).isEqualTo(first + "_1");
        // another owner chose the _3 variant by hand: the next generated slugs take the free _2, then skip to _4
        Api.Response chosen = api().post(
                        "/api/users/auth/register/",
                        json(
                                "username",
                                unique("u"),
                                "password",
                                "SecurePass123!",
                                "password_confirm",
                                "SecurePass123!",
                                "first_name",
                                "A",
                                "store_name",
                                "Other",
                                "store_slug",
                                first + "_3"));
        assertThat(chosen.status()).as(chosen.toString()).isEqualTo(201);
        assertThat(register(name).text("/data/store/slug")).isEqualTo(first + "_2");
        assertThat(register(name).text("/data/store/slug")).isEqualTo(first + "_4");
    }

    /** The warm-up store's schema (every service warms up in it before it is ready) is never a shop's. */
    @Test
    void noStoreIsOpenedOnTheWarmUpStoresSchema() {
        Map<String, Object> chosen = Registrations.owner(unique("u"), "A", "Warm");
        chosen.put("store_slug", "kassa-warm-up");
        Api.Response refused = api().post("/api/users/auth/register/", chosen);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.text("/errors/store_slug/0")).isNotBlank();
        assertThat(register("Kassa Warm Up").text("/data/store/slug"))
                .startsWith("kassa-warm-up_")
                .isNotEqualTo("kassa-warm-up");
    }

    Api.Response register(String storeName) {
        Api.Response r = api().post("/api/users/auth/register/", Registrations.owner(unique("u"), "A", storeName));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r;
    }

    @Test
    void invalidRegistrationsAnswerPerFieldAndChangeNothing() {
        String username = unique("taken");
        api().post("/api/users/auth/register/", SeedExamples.registration(username, unique("first")));
        Integer users = jdbc.queryForObject("select count(*) from users", Integer.class);
        Integer storesBefore = jdbc.queryForObject("select count(*) from stores", Integer.class);

        Api.Response taken =
                api().post("/api/users/auth/register/", SeedExamples.registration(username, unique("second")));
        assertThat(taken.status()).isEqualTo(400);
        assertThat(taken.text("/code")).isEqualTo("invalid");
        assertThat(taken.text("/errors/username/0")).isEqualTo("Пользователь с таким логином уже существует");

        Map<String, Object> bad = SeedExamples.registration(unique("new"), unique("third"));
        bad.put("password_confirm", "Different123!");
        bad.put("owner_phone", "901234567");
        Api.Response r = api().post("/api/users/auth/register/", bad);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.text("/errors/password_confirm/0")).isEqualTo("Пароли не совпадают");
        assertThat(r.text("/errors/owner_phone/0")).isEqualTo("Номер телефона должен быть в формате: +998XXXXXXXXX");

        Map<String, Object> weak = SeedExamples.registration(unique("weak"), unique("fourth"));
        weak.put("password", "1234567");
        weak.put("password_confirm", "1234567");
        JsonNode passwordErrors = api().post("/api/users/auth/register/", weak).at("/errors/password");
        assertThat(passwordErrors.toString())
                .contains("Пароль слишком короткий")
                .contains("только из цифр");

        Api.Response missing = api().english().post("/api/users/auth/register/", json("username", unique("x")));
        assertThat(missing.text("/errors/first_name/0")).isEqualTo("This field is required.");
        assertThat(missing.at("/errors/store_name").isArray()).isTrue();
        assertThat(missing.at("/errors/password_confirm").isArray()).isTrue();

        assertThat(api().post("/api/users/auth/register/", "{not json").text("/code"))
                .isEqualTo("parse_error");
        assertThat(jdbc.queryForObject("select count(*) from users", Integer.class))
                .isEqualTo(users);
        assertThat(jdbc.queryForObject("select count(*) from stores", Integer.class))
                .isEqualTo(storesBefore);
    }

    @Test
    void loginListsStoresAndRefreshRotatesWithReuseDetection() {
        String username = unique("login");
        Api.Response reg = api().post("/api/users/auth/register/", SeedExamples.registration(username, unique("shop")));
        String tenantKey = reg.text("/data/store/tenant_key");

        Api.Response bad =
                api().post("/api/users/auth/login/", json("username", username, "password", "wrong-password"));
        assertThat(bad.status()).isEqualTo(401);
        assertThat(bad.text("/code")).isEqualTo("authentication_failed");

        Api.Response login = api().header("X-Tenant-Key", tenantKey)
                .post("/api/users/auth/login/", json("username", username, "password", "SecurePass123!"));
        assertThat(login.status()).as(login.toString()).isEqualTo(200);
        assertThat(login.text("/available_stores/0/tenant_key")).isEqualTo(tenantKey);
        assertThat(login.text("/available_stores/0/role")).isEqualTo("owner");
        assertThat(login.text("/default_store/tenant_key")).isEqualTo(tenantKey);
        // the tokens under data too, as registration answers (the original Postman collection's login script reads them
        // there)
        assertThat(login.text("/data/tokens/access")).isEqualTo(login.text("/access"));
        assertThat(login.text("/data/tokens/refresh")).isEqualTo(login.text("/refresh"));
        assertThat(login.text("/data/default_store/tenant_key")).isEqualTo(tenantKey);
        // and as data.access / data.refresh, which is where that script keeps them (issue 60, point 15)
        assertThat(login.text("/data/access")).isEqualTo(login.text("/access"));
        assertThat(login.text("/data/refresh")).isEqualTo(login.text("/refresh"));
        assertThat(reg.text("/data/access")).isEqualTo(reg.text("/access"));
        assertThat(api().as(login.text("/data/access"))
                        .in(tenantKey)
                        .get("/api/users/auth/me")
                        .status())
                .isEqualTo(200);

        Api.Response stores = api().as(login.text("/access")).get("/api/users/auth/my-stores/");
        assertThat(stores.status()).as(stores.toString()).isEqualTo(200);
        assertThat(stores.text("/data/0/tenant_key")).isEqualTo(tenantKey);

        String refresh = login.text("/refresh");
        Api.Response rotated = api().post("/api/users/auth/token/refresh/", json("refresh", refresh));
        assertThat(rotated.status()).as(rotated.toString()).isEqualTo(200);
        assertThat(rotated.text("/refresh")).isNotEqualTo(refresh);
        assertThat(api().as(rotated.text("/access"))
                        .in(tenantKey)
                        .get("/api/users/auth/me")
                        .status())
                .isEqualTo(200);
        // the spent token comes back: the whole family is revoked, including the newest token
        assertThat(api().post("/api/users/auth/token/refresh/", json("refresh", refresh))
                        .status())
                .isEqualTo(401);
        Api.Response revoked = api().post("/api/users/auth/token/refresh/", json("refresh", rotated.text("/refresh")));
        assertThat(revoked.status()).isEqualTo(401);
        assertThat(revoked.text("/code")).isEqualTo("token_not_valid");
    }

    @Test
    void meNeedsTheKeyOfOneOfTheCallersStores() {
        Api.Response a =
                api().post("/api/users/auth/register/", SeedExamples.registration(unique("a"), unique("shop_a")));
        Api.Response b =
                api().post("/api/users/auth/register/", SeedExamples.registration(unique("b"), unique("shop_b")));
        Api ownerB = api().as(b.text("/data/tokens/access"));
        assertThat(ownerB.get("/api/users/auth/me/").text("/code")).isEqualTo("missing_tenant_key");
        Api.Response cross = ownerB.in(a.text("/data/store/tenant_key")).get("/api/users/auth/me/");
        assertThat(cross.status()).isEqualTo(403);
        assertThat(cross.text("/code")).isEqualTo("not_a_member");
        assertThat(api().in(a.text("/data/store/tenant_key"))
                        .get("/api/users/auth/me/")
                        .status())
                .isEqualTo(401);
    }

    @Test
    void jwksPublishesTheSigningKeyWithItsId() {
        Api.Response jwks = api().get("/api/users/.well-known/jwks.json");
        assertThat(jwks.status()).isEqualTo(200);
        assertThat(jwks.text("/keys/0/kty")).isEqualTo("RSA");
        assertThat(jwks.text("/keys/0/kid")).isNotBlank();
        assertThat(jwks.raw()).doesNotContain("\"d\"");
    }
}
