package dev.kassa.auth;

import dev.kassa.auth.app.AppAccessRevoked;
import dev.kassa.auth.employee.EmployeeCreated;
import dev.kassa.auth.employee.EmployeeDeactivated;
import dev.kassa.auth.employee.EmployeeRoleChanged;
import dev.kassa.auth.employee.EmployeeUpdated;
import dev.kassa.auth.employee.UserPasswordChanged;
import dev.kassa.auth.store.StoreDeactivated;
import dev.kassa.platform.events.StoreCreated;
import dev.kassa.platform.events.StoreUpdated;
import dev.kassa.platform.security.ServiceTokens;
import dev.kassa.platform.test.Api;
import dev.kassa.platform.test.EventSamples;
import dev.kassa.platform.test.Registrations;
import dev.kassa.platform.test.TestTokens;
import dev.kassa.platform.test.WithKassaInfrastructure;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.kassa.platform.test.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Brute-force limits, PIN login, logout, and access that ends when a role, an employee or a store changes. */
@WithKassaInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AccessTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MeterRegistry meters;

    /**
     * Every test speaks from its own address, as the gateway names it in its signed service token: one of this run's
     * (random, documentation-prefix) IPv6 addresses, never shared with another test, whose failed logins would count.
     */
    static final String RUN = Integer.toHexString(new Random().nextInt(0x10000));

    static final AtomicInteger NEXT = new AtomicInteger();
    final String address = "2001:db8:" + RUN + "::" + Integer.toHexString(NEXT.incrementAndGet());
    static final ServiceTokens GATEWAY = new ServiceTokens(TestTokens.SERVICE_SECRET, "gateway", Clock.systemUTC());

    static Api through(Api api, String client) {
        return api.header(ServiceTokens.HEADER, GATEWAY.issue(client));
    }

    Api api() {
        return through(new Api("http://localhost:" + port), address);
    }

    static String unique(String base) {
        return base + "_" + UUID.randomUUID().toString().substring(0, 8);
    }

    record Owner(String username, String access, String refresh, String key) {}

    Owner owner() {
        String username = unique("owner");
        Api.Response r = api().post("/api/users/auth/register/", Registrations.owner(username, "Иван", "Магазин"));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return new Owner(
                username,
                r.text("/data/tokens/access"),
                r.text("/data/tokens/refresh"),
                r.text("/data/store/tenant_key"));
    }

    long employee(Owner owner, String username, String role) {
        Api.Response r = api().as(owner.access())
                .in(owner.key())
                .post(
                        "/api/users/employees/",
                        json("username", username, "password", "SecurePass123", "first_name", "Анна", "role", role));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.at("/data/employee/id").asLong();
    }

    Api.Response login(String username, String password) {
        return api().post("/api/users/auth/login/", json("username", username, "password", password));
    }

    @Test
    void guessingAPasswordLocksTheUsernameEvenForTheRightPassword() {
        Owner owner = owner();
        for (int i = 0; i < 4; i++) {
            assertThat(login(owner.username(), "wrong-" + i).status()).isEqualTo(401);
        }
        double before =
                meters.counter("kassa.security.events", "event", "login_locked").count();
        assertThat(login(owner.username(), "wrong-5").status()).isEqualTo(401);
        Api.Response locked = login(owner.username(), "SecurePass123!");
        assertThat(locked.status()).as(locked.toString()).isEqualTo(429);
        assertThat(locked.text("/code")).isEqualTo("too_many_attempts");
        assertThat(Long.parseLong(locked.header("Retry-After"))).isBetween(1L, 900L);
        assertThat(locked.text("/message")).startsWith("Слишком много неудачных попыток");
        assertThat(meters.counter("kassa.security.events", "event", "login_locked")
                        .count())
                .isEqualTo(before + 1);
        // the lock lifts by itself
        jdbc.update(
                "update login_throttle set locked_until = now() - interval '1 second' where throttle_key = ?",
                "user:" + owner.username().toLowerCase());
        assertThat(login(owner.username(), "SecurePass123!").status()).isEqualTo(200);
    }

    @Test
    void aShiftChangeOfManyCashiersLoggingInAtOnceIsNotStalled() throws Exception {
        // more logins at once than the connection pool has connections (10): each used to hold one for the whole login
        // and
        // wait for a second one for the throttle, so they stalled for the pool's 30 s timeout and failed
        Owner owner = owner();
        int cashiers = 30;
        ExecutorService pool = Executors.newFixedThreadPool(cashiers);
        try {
            long start = System.nanoTime();
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < cashiers; i++) {
                answers.add(pool.submit(
                        () -> login(owner.username(), "SecurePass123!").status()));
            }
            for (Future<Integer> answer : answers) {
                assertThat(answer.get(60, TimeUnit.SECONDS)).isEqualTo(200);
            }
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void oneAddressTryingManyUsernamesIsCutOff() {
        Owner owner = owner();
        for (int i = 0; i < 20; i++) {
            assertThat(login(unique("nobody"), "guess").status()).isEqualTo(401);
        }
        Api.Response cut = login(owner.username(), "SecurePass123!");
        assertThat(cut.status()).isEqualTo(429);
        assertThat(cut.header("Retry-After")).isNotBlank();
        // another address is not affected
        assertThat(through(new Api("http://localhost:" + port), "198.51.100.7")
                        .post(
                                "/api/users/auth/login/",
                                json("username", owner.username(), "password", "SecurePass123!"))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void sprayingStraightAtAuthWithMadeUpForwardedForIsCountedByTheConnectionsOwnAddress() {
        Owner owner = owner();
        String forgetDirectFailures =
                "delete from login_throttle where throttle_key like 'ip:127.%' or throttle_key like 'ip:0:0:0:0:0:0:0:1%'";
        jdbc.update(forgetDirectFailures);
        try {
            Api direct = new Api("http://localhost:" + port);
            for (int i = 0; i < 20; i++) {
                // each guess claims another client: none of it is believed without the gateway's signature
                assertThat(direct.header("X-Forwarded-For", "198.18.0." + i)
                                .post("/api/users/auth/login/", json("username", unique("nobody"), "password", "guess"))
                                .status())
                        .isEqualTo(401);
            }
            Api.Response cut = direct.header("X-Forwarded-For", "198.18.1.1")
                    .post("/api/users/auth/login/", json("username", owner.username(), "password", "SecurePass123!"));
            assertThat(cut.status()).as(cut.toString()).isEqualTo(429);
            assertThat(cut.text("/code")).isEqualTo("too_many_attempts");
            // a forged gateway token does not help either
            assertThat(direct.header(
                                    ServiceTokens.HEADER,
                                    new ServiceTokens("not-the-suites-secret-0123456789", "gateway", Clock.systemUTC())
                                            .issue("198.18.2.2"))
                            .post(
                                    "/api/users/auth/login/",
                                    json("username", owner.username(), "password", "SecurePass123!"))
                            .status())
                    .isEqualTo(429);
            // clients the gateway names are counted apart from that address
            assertThat(api().post(
                                    "/api/users/auth/login/",
                                    json("username", owner.username(), "password", "SecurePass123!"))
                            .status())
                    .isEqualTo(200);
        } finally {
            jdbc.update(forgetDirectFailures);
        }
    }

    @Test
    void aSharedTillLogsInWithAPinForOneStoreOnly() {
        Owner owner = owner();
        Api asOwner = api().as(owner.access()).in(owner.key());
        String cashierName = unique("till");
        long cashier = employee(owner, cashierName, "cashier");
        long other = employee(owner, unique("till2"), "cashier");
        long manager = employee(owner, unique("mgr"), "manager");
        Api.Response set = asOwner.post("/api/users/employees/" + cashier + "/set-pin/", json("pin", "4821"));
        assertThat(set.status()).as(set.toString()).isEqualTo(200);
        assertThat(set.text("/data/has_pin")).isEqualTo("true");
        assertThat(set.raw()).doesNotContain("4821");
        assertThat(asOwner.post("/api/users/employees/" + other + "/set-pin/", json("pin", "4821"))
                        .at("/errors/pin")
                        .isArray())
                .isTrue();
        assertThat(asOwner.post("/api/users/employees/" + other + "/set_pin/", json("pin", "12a4"))
                        .at("/errors/pin")
                        .isArray())
                .isTrue();
        assertThat(asOwner.post("/api/users/employees/" + other + "/set-pin/", json("pin", "1234567"))
                        .at("/errors/pin")
                        .isArray())
                .isTrue();
        String managerToken = login(
                        jdbc.queryForObject(
                                "select u.username from users u join employees e on e.user_id = u.id where e.id = ?",
                                String.class,
                                manager),
                        "SecurePass123")
                .text("/access");
        long ownerEmployee = jdbc.queryForObject(
                "select id from employees where user_id = (select id from users where username = ?)",
                Long.class,
                owner.username());
        assertThat(api().as(managerToken)
                        .in(owner.key())
                        .post("/api/users/employees/" + ownerEmployee + "/set-pin/", json("pin", "1111"))
                        .text("/code"))
                .isEqualTo("permission_denied");

        Api.Response in = api().post("/api/users/auth/pin-login/", json("tenant_key", owner.key(), "pin", "4821"));
        assertThat(in.status()).as(in.toString()).isEqualTo(200);
        assertThat(in.text("/user/username")).isEqualTo(cashierName);
        assertThat(in.at("/available_stores").size()).isEqualTo(1);
        Api till = api().as(in.text("/access")).in(owner.key());
        assertThat(till.get("/api/users/auth/me/").text("/data/employee/role")).isEqualTo("cashier");
        // the refreshed pair stays limited to the store
        Api.Response refreshed = api().post("/api/users/auth/token/refresh/", json("refresh", in.text("/refresh")));
        assertThat(refreshed.status()).isEqualTo(200);
        assertThat(api().as(refreshed.text("/access"))
                        .in(owner.key())
                        .get("/api/users/auth/me/")
                        .status())
                .isEqualTo(200);

        // the owner's own PIN opens only the store it was set in, even though the owner has two stores
        Api.Response second = asOwner.post("/api/users/stores/", json("name", "Второй магазин"));
        String secondKey = second.text("/data/store/tenant_key");
        asOwner.post("/api/users/employees/" + ownerEmployee + "/set-pin/", json("pin", "9090"));
        Api.Response ownerTill =
                api().post("/api/users/auth/pin-login/", json("tenant_key", owner.key(), "pin", "9090"));
        assertThat(api().as(ownerTill.text("/access"))
                        .in(secondKey)
                        .get("/api/users/auth/me/")
                        .text("/code"))
                .isEqualTo("not_a_member");

        // wrong PINs lock the store's PIN login, the right one included
        for (int i = 0; i < 5; i++) {
            Api.Response wrong =
                    api().post("/api/users/auth/pin-login/", json("tenant_key", owner.key(), "pin", "000" + i));
            assertThat(wrong.status()).isEqualTo(401);
            assertThat(wrong.text("/code")).isEqualTo("authentication_failed");
        }
        Api.Response locked = api().post("/api/users/auth/pin-login/", json("tenant_key", owner.key(), "pin", "4821"));
        assertThat(locked.status()).isEqualTo(423);
        assertThat(locked.text("/code")).isEqualTo("pin_locked");
        assertThat(locked.header("Retry-After")).isNotBlank();
        assertThat(api().post("/api/users/auth/pin-login/", json("tenant_key", "nostore_12345678", "pin", "4821"))
                        .status())
                .isEqualTo(401);
        assertThat(api().post("/api/users/auth/pin-login/", json())
                        .at("/errors")
                        .fieldNames())
                .toIterable()
                .contains("tenant_key", "pin");
        // cashiers list for the till: whoever may sell, cashiers first (a new store's owner sells before any cashier
        // exists)
        Api.Response cashiers = till.get("/api/users/employees/cashiers/");
        assertThat(cashiers.at("/data").size()).as(cashiers.toString()).isEqualTo(4);
        assertThat(cashiers.text("/data/0/role")).isEqualTo("cashier");
        assertThat(cashiers.text("/data/1/role")).isEqualTo("cashier");
        assertThat(cashiers.text("/data/2/role")).isEqualTo("manager");
        assertThat(cashiers.text("/data/3/role")).isEqualTo("owner");
    }

    @Test
    void loggingOutEndsTheSession() {
        Owner owner = owner();
        Api.Response out = api().post("/api/users/auth/logout/", json("refresh", owner.refresh()));
        assertThat(out.status()).as(out.toString()).isEqualTo(200);
        assertThat(api().post("/api/users/auth/token/refresh/", json("refresh", owner.refresh()))
                        .status())
                .isEqualTo(401);
        assertThat(api().post("/api/users/auth/logout/", json())
                        .at("/errors/refresh")
                        .isArray())
                .isTrue();
    }

    @Test
    void aRoleChangeOrADeactivationEndsAccessWithinSeconds() {
        Owner owner = owner();
        Api asOwner = api().as(owner.access()).in(owner.key());
        String name = unique("kassir");
        long cashier = employee(owner, name, "cashier");
        String cashierToken = login(name, "SecurePass123").text("/access");
        Api asCashier = api().as(cashierToken).in(owner.key());
        assertThat(asCashier.get("/api/users/auth/me/").status()).isEqualTo(200);
        long user = asCashier.get("/api/users/auth/me/").at("/data/user/id").asLong();

        Api.Response promoted =
                asOwner.patch("/api/users/employees/" + cashier + "/", json("role", "manager", "position", "Старший"));
        assertThat(promoted.status()).as(promoted.toString()).isEqualTo(200);
        assertThat(promoted.text("/role")).isEqualTo("manager");
        // recorded in auth with the change itself, before any consumer read the event: the gateways read it here
        Api.Response recent = api().get("/internal/revocations");
        assertThat(recent.status()).as(recent.toString()).isEqualTo(200);
        assertThat(recent.at("/revocations").findValuesAsText("tenant_key")).contains(owner.key());
        boolean listed = false;
        for (var r : recent.at("/revocations")) {
            listed |= r.path("tenant_key").asText().equals(owner.key())
                    && r.path("user_id").asLong() == user
                    && !r.path("not_before").asText().isEmpty();
        }
        assertThat(listed).as("the cashier's revocation in " + recent).isTrue();
        assertThat(recent.at("/window_seconds").asLong()).isEqualTo(960);
        Api straight = new Api("http://localhost:" + port);
        assertThat(straight.get("/internal/revocations").text("/code"))
                .as("only Kassa's own components read it")
                .isEqualTo("internal_only");
        assertThat(straight.as(owner.access()).get("/internal/revocations").text("/code"))
                .isEqualTo("internal_only");
        assertThat(EventSamples.awaitEmitted(EmployeeRoleChanged.class, owner.key())
                        .at("/payload/new_role")
                        .asText())
                .isEqualTo("manager");
        assertThat(EventSamples.awaitEmitted(EmployeeCreated.class, owner.key())
                        .at("/payload/role")
                        .asText())
                .as("the owner's, at registration")
                .isEqualTo("owner");
        assertThat(EventSamples.awaitEmitted(EmployeeUpdated.class, owner.key())
                        .at("/payload/role")
                        .asText())
                .isEqualTo("manager");
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(300))
                .untilAsserted(
                        () -> assertThat(asCashier.get("/api/users/auth/me/").text("/code"))
                                .isEqualTo("token_revoked"));
        String managerToken = login(name, "SecurePass123").text("/access");
        Api asManager = api().as(managerToken).in(owner.key());
        assertThat(asManager.get("/api/users/auth/me/").text("/data/employee/role"))
                .isEqualTo("manager");

        // managers manage cashiers and stockkeepers only, never upwards, never themselves
        long keeper = employee(owner, unique("sklad"), "stockkeeper");
        long otherManager = employee(owner, unique("mgr"), "manager");
        assertThat(asManager
                        .patch("/api/users/employees/" + keeper + "/", json("role", "manager"))
                        .at("/errors/role")
                        .isArray())
                .isTrue();
        assertThat(asManager
                        .patch("/api/users/employees/" + otherManager + "/", json("position", "x"))
                        .text("/code"))
                .isEqualTo("permission_denied");
        assertThat(asOwner.patch("/api/users/employees/" + keeper + "/", json("role", "owner"))
                        .at("/errors/role")
                        .isArray())
                .isTrue();
        assertThat(asOwner.patch("/api/users/employees/" + keeper + "/", json("role", "boss"))
                        .at("/errors/role")
                        .isArray())
                .isTrue();
        assertThat(asOwner.patch("/api/users/employees/" + keeper + "/", json("phone", "12345"))
                        .at("/errors/phone")
                        .isArray())
                .isTrue();
        assertThat(asManager
                        .patch("/api/users/employees/" + keeper + "/", json("position", "Кладовщик"))
                        .text("/position"))
                .isEqualTo("Кладовщик");
        assertThat(asOwner.get("/api/users/employees/?role=stockkeeper")
                        .at("/count")
                        .asInt())
                .isEqualTo(1);
        assertThat(asOwner.get("/api/users/employees/" + keeper + "/").text("/role"))
                .isEqualTo("stockkeeper");
        assertThat(asOwner.get("/api/users/employees/424242/").status()).isEqualTo(404);

        // deactivation: the old token stops working and the employee can no longer log in to the store
        assertThat(asOwner.delete("/api/users/employees/" + cashier + "/").status())
                .isEqualTo(204);
        assertThat(EventSamples.awaitEmitted(EmployeeDeactivated.class, owner.key())
                        .at("/payload/employee_id")
                        .asLong())
                .isEqualTo(cashier);
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(300))
                .untilAsserted(
                        () -> assertThat(asManager.get("/api/users/auth/me/").text("/code"))
                                .isEqualTo("token_revoked"));
        assertThat(login(name, "SecurePass123").status()).isEqualTo(400);
        assertThat(asOwner.get("/api/users/employees/?is_active=false")
                        .at("/count")
                        .asInt())
                .isEqualTo(1);
        long ownerEmployee = jdbc.queryForObject(
                "select id from employees where user_id = (select id from users where username = ?)",
                Long.class,
                owner.username());
        assertThat(asOwner.delete("/api/users/employees/" + ownerEmployee + "/")
                        .at("/errors/is_active")
                        .isArray())
                .isTrue();
    }

    @Test
    void aPasswordChangeOrResetEndsLiveAccessTokensNotOnlyRefreshTokens() {
        Owner owner = owner();
        Api asOwner = api().as(owner.access()).in(owner.key());
        String name = unique("kassir");
        long cashier = employee(owner, name, "cashier");
        Api.Response session = login(name, "SecurePass123");
        Api onPhone = api().as(session.text("/access")).in(owner.key());
        Api onTill = api().as(login(name, "SecurePass123").text("/access")).in(owner.key());
        assertThat(onPhone.get("/api/users/auth/me/").status()).isEqualTo(200);

        // the cashier changes their password on the till: the phone's session ends, the till goes on with the new pair
        Api.Response changed = onTill.post(
                "/api/users/auth/change-password/",
                json("old_password", "SecurePass123", "new_password", "NewSecure456"));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        Api tillAfter = api().as(changed.text("/tokens/access")).in(owner.key());
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(300))
                .untilAsserted(
                        () -> assertThat(onPhone.get("/api/users/auth/me/").text("/code"))
                                .isEqualTo("token_revoked"));
        assertThat(onTill.get("/api/users/auth/me/").text("/code")).isEqualTo("token_revoked");
        // routes of no one store refuse it too: the caller's stores, their store list, another password change
        Api onPhoneWithoutKey = api().as(session.text("/access"));
        assertThat(onPhoneWithoutKey.get("/api/users/stores/").text("/code")).isEqualTo("token_revoked");
        assertThat(onPhone.get("/api/users/stores/").text("/code")).isEqualTo("token_revoked");
        assertThat(onPhoneWithoutKey.get("/api/users/auth/my-stores/").text("/code"))
                .isEqualTo("token_revoked");
        assertThat(onPhoneWithoutKey
                        .post(
                                "/api/users/auth/change-password/",
                                json("old_password", "NewSecure456", "new_password", "Hijacked789"))
                        .status())
                .isEqualTo(401);
        assertThat(tillAfter.get("/api/users/auth/me/").status()).isEqualTo(200);
        assertThat(api().as(changed.text("/tokens/access"))
                        .get("/api/users/stores/")
                        .status())
                .isEqualTo(200);
        assertThat(api().post("/api/users/auth/token/refresh/", json("refresh", session.text("/refresh")))
                        .status())
                .isEqualTo(401);
        var event = EventSamples.awaitEmitted(UserPasswordChanged.class, owner.key());
        assertThat(event.at("/payload/user_id").asLong()).isPositive();
        assertThat(event.at("/payload/tenant_key").asText()).isEqualTo(owner.key());

        // the owner resets it: the new session ends too
        Api.Response reset = asOwner.post(
                "/api/users/employees/" + cashier + "/reset-password/", json("new_password", "Another789"));
        assertThat(reset.status()).as(reset.toString()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(300))
                .untilAsserted(
                        () -> assertThat(tillAfter.get("/api/users/auth/me/").text("/code"))
                                .isEqualTo("token_revoked"));
        assertThat(login(name, "Another789").status()).isEqualTo(200);
        assertThat(asOwner.get("/api/users/auth/me/").status()).isEqualTo(200);
    }

    @Test
    void anOwnerUpdatesAndClosesAStore() {
        Owner owner = owner();
        Api asOwner = api().as(owner.access()).in(owner.key());
        long storeId = asOwner.get("/api/users/auth/me/").at("/data/store/id").asLong();
        Api.Response updated = asOwner.patch(
                "/api/users/stores/" + storeId + "/",
                json(
                        "name",
                        "Магазин на Навои",
                        "address",
                        "ул. Навои, 45",
                        "time_zone",
                        "Asia/Samarkand",
                        "tax_id",
                        "301234567"));
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(updated.text("/data/name")).isEqualTo("Магазин на Навои");
        assertThat(updated.text("/data/time_zone")).isEqualTo("Asia/Samarkand");
        assertThat(asOwner.patch(
                                "/api/users/stores/" + storeId + "/",
                                json("time_zone", "Mars/Olympus", "phone", "123", "slug", "other"))
                        .at("/errors")
                        .fieldNames())
                .toIterable()
                .contains("time_zone", "phone", "slug");
        assertThat(EventSamples.awaitEmitted(StoreUpdated.class, owner.key())
                        .at("/payload/time_zone")
                        .asText())
                .isEqualTo("Asia/Samarkand");
        String name = unique("mgr");
        employee(owner, name, "manager");
        String managerToken = login(name, "SecurePass123").text("/access");
        assertThat(api().as(managerToken)
                        .patch("/api/users/stores/" + storeId + "/", json("name", "Мой"))
                        .text("/code"))
                .isEqualTo("permission_denied");
        assertThat(api().as(managerToken)
                        .delete("/api/users/stores/" + storeId + "/")
                        .text("/code"))
                .isEqualTo("permission_denied");
        assertThat(api().as(owner().access())
                        .patch("/api/users/stores/" + storeId + "/", json("name", "Чужой"))
                        .status())
                .isEqualTo(404);

        Api.Response closed = asOwner.delete("/api/users/stores/" + storeId + "/");
        assertThat(closed.status()).as(closed.toString()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(300))
                .untilAsserted(() -> assertThat(api().as(managerToken)
                                .in(owner.key())
                                .get("/api/users/auth/me/")
                                .text("/code"))
                        .isEqualTo("token_revoked"));
        assertThat(login(name, "SecurePass123").status()).isEqualTo(400);
        assertThat(EventSamples.awaitEmitted(StoreDeactivated.class, owner.key())
                        .at("/payload/store_id")
                        .asLong())
                .isEqualTo(storeId);
    }

    @Test
    void everyEventAuthPublishesIsCheckedAgainstItsGoldenSample() {
        EventSamples.assertAllContractsChecked(
                "dev.kassa",
                List.of(
                        StoreCreated.class,
                        StoreUpdated.class,
                        EmployeeRoleChanged.class,
                        EmployeeDeactivated.class,
                        UserPasswordChanged.class,
                        StoreDeactivated.class,
                        EmployeeCreated.class,
                        EmployeeUpdated.class,
                        AppAccessRevoked.class));
    }
}
