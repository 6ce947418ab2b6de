package dev.kassa.auth;

import dev.kassa.platform.test.Api;
import dev.kassa.platform.test.ApiDocs;
import dev.kassa.platform.test.Boundaries;
import dev.kassa.platform.test.Registrations;
import dev.kassa.platform.test.WithKassaInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.List;
import java.util.UUID;

import static dev.kassa.platform.test.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

/** The original's users/ endpoints and bringing an existing employee into another of the owner's stores. */
@WithKassaInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class UsersTests {

    @LocalServerPort
    int port;

    Api api() {
        return new Api("http://localhost:" + port);
    }

    static String unique(String base) {
        return base + "_" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void ownersBringTheirPeopleIntoAnotherStoreAndManageThemByUserId() {
        String ownerName = unique("owner");
        Api.Response reg = api().post("/api/users/auth/register/", Registrations.owner(ownerName, "Иван", "Первый"));
        String keyA = reg.text("/data/store/tenant_key");
        Api ownerA = api().as(reg.text("/data/tokens/access")).in(keyA);
        String cashierName = unique("kassir");
        Api.Response created = api().as(reg.text("/data/tokens/access"))
                .in(keyA)
                .post(
                        "/api/users/users/",
                        json(
                                "username",
                                cashierName,
                                "password",
                                "SecurePass123",
                                "first_name",
                                "Ольга",
                                "last_name",
                                "Ким",
                                "role",
                                "cashier"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.at("/data/initial_password").isNull()).isTrue();
        assertThat(created.raw()).doesNotContain("SecurePass123");
        long userId = created.at("/data/employee/user").asLong();

        Api.Response second = ownerA.post("/api/users/stores/", json("name", "Второй"));
        String keyB = second.text("/data/store/tenant_key");
        Api ownerB = api().as(second.text("/data/tokens/access")).in(keyB);
        Api.Response added = ownerB.post("/api/users/employees/", json("username", cashierName, "role", "cashier"));
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        assertThat(added.text("/data/is_existing_user")).isEqualTo("true");
        assertThat(added.at("/data/credentials").isNull()).isTrue();
        assertThat(added.text("/message")).isEqualTo("Сотрудник добавлен в магазин");
        assertThat(ownerB.post("/api/users/employees/", json("username", cashierName, "role", "cashier"))
                        .at("/errors/username")
                        .isArray())
                .isTrue();
        Api.Response login =
                api().post("/api/users/auth/login/", json("username", cashierName, "password", "SecurePass123"));
        assertThat(login.at("/available_stores").size()).isEqualTo(2);
        // a stranger's username stays taken
        String strangerName = unique("other");
        api().post("/api/users/auth/register/", Registrations.owner(strangerName, "Пётр", "Чужой"));
        assertThat(ownerB.post("/api/users/employees/", json("username", strangerName, "role", "cashier"))
                        .text("/errors/username/0"))
                .contains("существует");

        assertThat(ownerA.get("/api/users/users/?search=" + cashierName.substring(0, 8))
                        .at("/count")
                        .asInt())
                .isEqualTo(1);
        Api.Response user = ownerA.get("/api/users/users/" + userId + "/");
        assertThat(user.text("/employee_info/role")).isEqualTo("cashier");
        assertThat(user.text("/full_name")).isEqualTo("Ким Ольга");
        assertThat(ownerA.patch("/api/users/users/" + userId + "/update-employee/", json("position", "Старший кассир"))
                        .text("/data/employee/position"))
                .isEqualTo("Старший кассир");
        assertThat(ownerA.post("/api/users/users/" + userId + "/change-password/", json("new_password", "NewSecure456"))
                        .status())
                .isEqualTo(200);
        String cashierToken = api().post(
                        "/api/users/auth/login/", json("username", cashierName, "password", "NewSecure456"))
                .text("/access");
        Api cashier = api().as(cashierToken).in(keyA);
        Api.Response own = cashier.patch(
                "/api/users/users/" + userId + "/update-profile/",
                json("first_name", "Оля", "email", "olya@example.com"));
        assertThat(own.status()).as(own.toString()).isEqualTo(200);
        assertThat(own.text("/data/first_name")).isEqualTo("Оля");
        long ownerId = ownerA.get("/api/users/auth/me/").at("/data/user/id").asLong();
        assertThat(cashier.patch("/api/users/users/" + ownerId + "/update-profile/", json("first_name", "X"))
                        .text("/code"))
                .isEqualTo("permission_denied");
        assertThat(cashier.get("/api/users/users/").text("/code")).isEqualTo("permission_denied");
        assertThat(cashier.patch("/api/users/users/" + userId + "/update-profile/", json("username", ownerName))
                        .at("/errors/username")
                        .isArray())
                .isTrue();
        assertThat(ownerA.get("/api/users/users/424242/").status()).isEqualTo(404);

        // the original web client's profile page: names on top, the phone under employee (its sex label is not kept)
        Api.Response profile = cashier.patch(
                "/api/users/profile-update/",
                json(
                        "first_name",
                        "Ольга",
                        "last_name",
                        "Ким",
                        "employee",
                        json("phone", "+998901112299", "sex", "Ayol")));
        assertThat(profile.status()).as(profile.toString()).isEqualTo(200);
        Api.Response me = cashier.get("/api/users/profile/");
        assertThat(me.text("/data/user/first_name")).isEqualTo("Ольга");
        assertThat(me.text("/data/employee/phone")).isEqualTo("+998901112299");
        Api.Response badPhone = cashier.patch("/api/users/profile-update/", json("employee", json("phone", "12")));
        assertThat(badPhone.status()).isEqualTo(400);
        assertThat(badPhone.at("/errors/phone").isArray()).isTrue();
        assertThat(cashier.get("/api/users/profile/").text("/data/employee/phone"))
                .isEqualTo("+998901112299");
        // a manager edits their own profile there too (they may not edit other managers)
        String managerName = unique("mgr");
        assertThat(ownerA.post(
                                "/api/users/employees/",
                                json(
                                        "username",
                                        managerName,
                                        "password",
                                        "SecurePass123!",
                                        "first_name",
                                        "Марат",
                                        "role",
                                        "manager"))
                        .status())
                .isEqualTo(201);
        Api manager = api().as(api().post(
                                "/api/users/auth/login/", json("username", managerName, "password", "SecurePass123!"))
                        .text("/access"))
                .in(keyA);
        Api.Response managers = manager.patch("/api/users/profile-update/", json("last_name", "Юсупов"));
        assertThat(managers.status()).as(managers.toString()).isEqualTo(200);
        assertThat(manager.get("/api/users/profile/").text("/data/user/last_name"))
                .isEqualTo("Юсупов");
    }

    @Test
    void aRealTokenOfAnotherStoreIsRefusedAsAnyStrangersIs() {
        Api.Response member =
                api().post("/api/users/auth/register/", Registrations.owner(unique("owner"), "Иван", "Мой"));
        Api.Response other =
                api().post("/api/users/auth/register/", Registrations.owner(unique("owner"), "Пётр", "Чужой"));
        Boundaries.assertGuarded(
                new Api("http://localhost:" + port),
                member.text("/data/store/tenant_key"),
                other.text("/data/tokens/access"),
                // every store operation is checked with a test token in AuthWebTests; this is auth's own token
                List.of("GET /api/users/employees/1/", "POST /api/users/users/"));
    }

    @Test
    void theApiDocumentShowsExampleBodies() {
        Api.Response docs = api().get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.at(
                                "/paths/~1api~1users~1auth~1pin-login/post/requestBody/content/application~1json/examples/pin login/value/pin")
                        .asText())
                .isEqualTo("4821");
        assertThat(docs.raw())
                .contains(
                        "/api/users/employees/{id}/set-pin",
                        "/api/users/auth/logout",
                        "/api/users/users/{id}/update-profile");
        ApiDocs.assertComplete("auth-service", docs.body());
    }
}
