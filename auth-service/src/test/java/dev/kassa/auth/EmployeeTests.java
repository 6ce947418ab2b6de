package dev.kassa.auth;

import dev.kassa.platform.test.Api;
import dev.kassa.platform.test.Registrations;
import dev.kassa.platform.test.WithKassaInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.List;
import java.util.UUID;

import static dev.kassa.platform.test.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

@WithKassaInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EmployeeTests {

    @LocalServerPort
    int port;

    Api api() {
        return new Api("http://localhost:" + port);
    }

    static String unique(String base) {
        return base + "_" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Registers an owner; returns {token, tenant_key}. */
    String[] owner() {
        Api.Response r =
                api().post("/api/users/auth/register/", Registrations.owner(unique("owner"), "Иван", "Магазин"));
        return new String[] {r.text("/data/tokens/access"), r.text("/data/store/tenant_key")};
    }

    String login(String username, String password) {
        Api.Response r = api().post("/api/users/auth/login/", json("username", username, "password", password));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.text("/access");
    }

    @Test
    void anOwnerCreatesACashierWhoCanLogInToThatStoreOnly() {
        String[] owner = owner();
        Api asOwner = api().as(owner[0]).in(owner[1]);
        String username = unique("cashier1");
        // erp-v2-readme.md "Создание сотрудника"
        Api.Response created = asOwner.post(
                "/api/users/employees/",
                json(
                        "username",
                        username,
                        "password",
                        "SecurePass123",
                        "first_name",
                        "Петр",
                        "last_name",
                        "Петров",
                        "email",
                        "petr@example.com",
                        "role",
                        "cashier",
                        "phone",
                        "+998901234567",
                        "position",
                        "Кассир"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.text("/message")).isEqualTo("Сотрудник успешно создан");
        assertThat(created.text("/data/employee/full_name")).isEqualTo("Петр Петров");
        assertThat(created.text("/data/employee/role_display")).isEqualTo("Кассир");
        // the password the owner typed is not echoed back (issue 16): the owner knows it already
        assertThat(created.text("/data/credentials/username")).isEqualTo(username);
        assertThat(created.at("/data/credentials/password").isNull()).isTrue();
        assertThat(created.raw()).doesNotContain("SecurePass123");
        Api.Response list = asOwner.get("/api/users/employees/");
        assertThat(list.at("/count").asInt()).isEqualTo(2);
        assertThat(list.raw()).doesNotContain("SecurePass123");

        String cashierToken = login(username, "SecurePass123");
        Api.Response stores =
                api().post("/api/users/auth/login/", json("username", username, "password", "SecurePass123"));
        assertThat(stores.text("/available_stores/0/tenant_key")).isEqualTo(owner[1]);
        assertThat(stores.text("/available_stores/0/role")).isEqualTo("cashier");
        Api asCashier = api().as(cashierToken).in(owner[1]);
        assertThat(asCashier.get("/api/users/auth/me/").text("/data/employee/role"))
                .isEqualTo("cashier");
        assertThat(asCashier
                        .post(
                                "/api/users/employees/",
                                json(
                                        "username",
                                        unique("x"),
                                        "password",
                                        "SecurePass123",
                                        "first_name",
                                        "X",
                                        "role",
                                        "cashier"))
                        .text("/code"))
                .isEqualTo("permission_denied");
        assertThat(asCashier.get("/api/users/employees/").text("/code")).isEqualTo("permission_denied");
        String[] stranger = owner();
        assertThat(api().as(stranger[0])
                        .in(owner[1])
                        .get("/api/users/employees/")
                        .text("/code"))
                .isEqualTo("not_a_member");
    }

    @Test
    void rolesAndFieldsAreChecked() {
        String[] owner = owner();
        Api asOwner = api().as(owner[0]).in(owner[1]);
        String manager = unique("manager");
        assertThat(asOwner.post(
                                "/api/users/employees/",
                                json(
                                        "username",
                                        manager,
                                        "password",
                                        "SecurePass123",
                                        "first_name",
                                        "M",
                                        "role",
                                        "manager"))
                        .status())
                .isEqualTo(201);
        Api asManager = api().as(login(manager, "SecurePass123")).in(owner[1]);
        assertThat(asManager
                        .post(
                                "/api/users/employees/",
                                json(
                                        "username",
                                        unique("m2"),
                                        "password",
                                        "SecurePass123",
                                        "first_name",
                                        "M",
                                        "role",
                                        "manager"))
                        .text("/errors/role/0"))
                .isEqualTo(
                        "Менеджер может создавать только кассиров, складчиков, официантов, кухню, операторов и наблюдателей");
        // a café's roles (issue 65 point 4): a manager hires waiters and kitchen accounts too, each with its
        // permissions
        for (String role : List.of("waiter", "kitchen")) {
            Api.Response hired = asManager.post(
                    "/api/users/employees/",
                    json("username", unique(role), "password", "SecurePass123", "first_name", "K", "role", role));
            assertThat(hired.status()).as(hired.toString()).isEqualTo(201);
        }
        assertThat(asManager
                        .post(
                                "/api/users/employees/",
                                json(
                                        "username",
                                        unique("s"),
                                        "password",
                                        "SecurePass123",
                                        "first_name",
                                        "S",
                                        "role",
                                        "stockkeeper"))
                        .status())
                .isEqualTo(201);
        Api.Response bad = asOwner.post(
                "/api/users/employees/", json("username", manager, "password", "123", "role", "owner", "phone", "12"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.at("/errors").fieldNames())
                .toIterable()
                .contains("username", "password", "role", "first_name", "phone");
        assertThat(asOwner.post("/api/users/employees/", "{").text("/code")).isEqualTo("parse_error");
    }

    /** Creates an employee with a login as {@code by}; returns the answer. */
    Api.Response hire(Api by, String username, String role) {
        return by.post(
                "/api/users/employees/",
                json("username", username, "password", "SecurePass123", "first_name", "Нодира", "role", role));
    }

    @Test
    void operatorsAndViewersAreHiredLogInAndSeeTheirRoleAndAViewerChangesNothing() {
        // issue 87: MPSYSTEM's operator (reports on the lines, sees no prices) and viewer (reads, changes nothing)
        String[] owner = owner();
        Api asOwner = api().as(owner[0]).in(owner[1]);
        String operator = unique("operator");
        String viewer = unique("viewer");
        Api.Response hiredOperator = hire(asOwner, operator, "operator");
        assertThat(hiredOperator.status()).as(hiredOperator.toString()).isEqualTo(201);
        assertThat(hiredOperator.text("/data/employee/role_display")).isEqualTo("Оператор");
        Api.Response hiredViewer = hire(asOwner, viewer, "viewer");
        assertThat(hiredViewer.status()).as(hiredViewer.toString()).isEqualTo(201);
        assertThat(hiredViewer.text("/data/employee/role_display")).isEqualTo("Наблюдатель");

        Api.Response signedIn =
                api().post("/api/users/auth/login/", json("username", viewer, "password", "SecurePass123"));
        assertThat(signedIn.text("/available_stores/0/role")).isEqualTo("viewer");
        Api asViewer = api().as(signedIn.text("/access")).in(owner[1]);
        Api.Response me = asViewer.get("/api/users/auth/me/");
        assertThat(me.status()).as(me.toString()).isEqualTo(200);
        assertThat(me.text("/data/employee/role")).isEqualTo("viewer");
        assertThat(me.at("/data/employee/permissions").toString())
                .isEqualTo("[\"view_all\",\"view_products\",\"view_sales\",\"view_customers\",\"view_analytics\"]");
        assertThat(asViewer.english().get("/api/users/auth/me/").text("/data/employee/role_display"))
                .isEqualTo("Viewer");
        Api asOperator = api().as(login(operator, "SecurePass123")).in(owner[1]);
        Api.Response operatorMe = asOperator.get("/api/users/auth/me/");
        assertThat(operatorMe.text("/data/employee/role")).isEqualTo("operator");
        assertThat(operatorMe.at("/data/employee/permissions").toString()).isEqualTo("[\"operate_production\"]");
        assertThat(asOperator.english().get("/api/users/auth/me/").text("/data/employee/role_display"))
                .isEqualTo("Operator");

        // a manager hires them too, as they hire cashiers and stockkeepers
        String manager = unique("manager");
        assertThat(hire(asOwner, manager, "manager").status()).isEqualTo(201);
        Api asManager = api().as(login(manager, "SecurePass123")).in(owner[1]);
        for (String role : List.of("operator", "viewer")) {
            Api.Response hired = hire(asManager, unique(role), role);
            assertThat(hired.status()).as(role + " " + hired).isEqualTo(201);
        }

        // the viewer reads what any member may, and changes nothing in the store: no employee, not even their profile
        int staff = asOwner.get("/api/users/employees/").at("/count").asInt();
        assertThat(asViewer.get("/api/users/employees/cashiers/").status()).isEqualTo(200);
        Api.Response refused = hire(asViewer, unique("x"), "cashier");
        assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
        assertThat(refused.text("/code")).isEqualTo("permission_denied");
        assertThat(asViewer.patch("/api/users/profile-update/", json("first_name", "Другое"))
                        .text("/code"))
                .isEqualTo("permission_denied");
        assertThat(asOwner.get("/api/users/employees/").at("/count").asInt()).isEqualTo(staff);
        assertThat(asOwner.get("/api/users/employees/"
                                + hiredViewer.at("/data/employee/id").asLong() + "/")
                        .text("/full_name"))
                .startsWith("Нодира");
        // outside a store (their own password) a viewer is like anyone else
        Api.Response changed = api().as(signedIn.text("/access"))
                .post(
                        "/api/users/auth/change-password/",
                        json("old_password", "SecurePass123", "new_password", "new_password_123"));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        login(viewer, "new_password_123");
    }

    @Test
    void passwordsAreResetByOwnersAndChangedByTheirHoldersAndOldSessionsEnd() {
        String[] owner = owner();
        Api asOwner = api().as(owner[0]).in(owner[1]);
        String username = unique("cashier");
        long id = asOwner.post(
                        "/api/users/employees/",
                        json("username", username, "password", "SecurePass123", "first_name", "К", "role", "cashier"))
                .at("/data/employee/id")
                .asLong();
        String refresh = api().post("/api/users/auth/login/", json("username", username, "password", "SecurePass123"))
                .text("/refresh");

        Api.Response reset = asOwner.post(
                "/api/users/employees/" + id + "/reset-password/", json("new_password", "NewSecurePass123"));
        assertThat(reset.status()).as(reset.toString()).isEqualTo(200);
        assertThat(reset.at("/data/new_password").isNull()).isTrue();
        assertThat(reset.raw()).doesNotContain("NewSecurePass123");
        assertThat(api().post("/api/users/auth/token/refresh/", json("refresh", refresh))
                        .status())
                .isEqualTo(401);
        assertThat(api().post("/api/users/auth/login/", json("username", username, "password", "SecurePass123"))
                        .status())
                .isEqualTo(401);
        assertThat(asOwner.post("/api/users/employees/424242/reset-password/", json("new_password", "NewSecurePass123"))
                        .status())
                .isEqualTo(404);

        // erp-v2-readme.md "Смена пароля сотрудником" (no store key needed)
        Api self = api().as(login(username, "NewSecurePass123"));
        assertThat(self.post(
                                "/api/users/auth/change-password/",
                                json("old_password", "wrong", "new_password", "new_password_123"))
                        .text("/errors/old_password/0"))
                .isEqualTo("Неверный текущий пароль");
        Api.Response changed = self.post(
                "/api/users/auth/change-password/",
                json("old_password", "NewSecurePass123", "new_password", "new_password_123"));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.text("/message")).isEqualTo("Пароль успешно изменен");
        login(username, "new_password_123");
        assertThat(api().post("/api/users/auth/change-password/", json("old_password", "a", "new_password", "b"))
                        .status())
                .isEqualTo(401);

        // without a password Kassa makes one, shows it once, and it works
        Api.Response generated = asOwner.post("/api/users/employees/" + id + "/reset-password/", json());
        assertThat(generated.status()).as(generated.toString()).isEqualTo(200);
        assertThat(generated.text("/data/password_generated")).isEqualTo("true");
        login(username, generated.text("/data/new_password"));
    }

    @Test
    void anEmployeeWithoutALoginSignsInAtTheSharedTillByPinOnly() {
        String[] owner = owner();
        Api asOwner = api().as(owner[0]).in(owner[1]);
        int before = asOwner.get("/api/users/employees/").at("/count").asInt();
        Api.Response badPin =
                asOwner.post("/api/users/employees/", json("first_name", "Дилноза", "role", "cashier", "pin", "12"));
        assertThat(badPin.at("/errors/pin").isArray()).as(badPin.toString()).isTrue();
        assertThat(asOwner.get("/api/users/employees/").at("/count").asInt())
                .as("a refused creation leaves nothing behind")
                .isEqualTo(before);

        Api.Response created =
                asOwner.post("/api/users/employees/", json("first_name", "Дилноза", "role", "cashier", "pin", "2580"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.at("/data/credentials").isNull()).isTrue();
        assertThat(created.text("/data/sign_in")).isEqualTo("pin");
        assertThat(created.text("/data/pin_set")).isEqualTo("true");
        assertThat(created.text("/message")).contains("PIN");
        Api.Response till = api().post("/api/users/auth/pin-login/", json("tenant_key", owner[1], "pin", "2580"));
        assertThat(till.status()).as(till.toString()).isEqualTo(200);
        assertThat(api().as(till.text("/access"))
                        .in(owner[1])
                        .get("/api/users/auth/me/")
                        .text("/data/employee/role"))
                .isEqualTo("cashier");
        // a username alone still needs the rest of a login; a password alone needs a username
        assertThat(asOwner.post(
                                "/api/users/employees/",
                                json("password", "SecurePass123", "first_name", "Б", "role", "cashier"))
                        .at("/errors/username")
                        .isArray())
                .isTrue();
    }

    @Test
    void anEmployeeCreatedWithoutAPasswordGetsAGeneratedOneShownOnce() {
        String[] owner = owner();
        Api asOwner = api().as(owner[0]).in(owner[1]);
        String username = unique("kassir");
        Api.Response created = asOwner.post(
                "/api/users/employees/", json("username", username, "first_name", "Ольга", "role", "cashier"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String password = created.text("/data/credentials/password");
        assertThat(password).hasSize(12).matches(".*[0-9].*").matches(".*[a-zA-Z].*");
        assertThat(created.text("/data/credentials/password_generated")).isEqualTo("true");
        login(username, password);
        assertThat(asOwner.get("/api/users/employees/").raw()).doesNotContain(password);
    }
}
