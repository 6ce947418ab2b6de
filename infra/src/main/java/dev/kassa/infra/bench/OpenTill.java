package dev.kassa.infra.bench;

import java.util.UUID;

import static dev.kassa.infra.bench.Http.json;
import static dev.kassa.infra.bench.Http.require;

/**
 * A till as the benchmark and the failover run set one up through the gateway: a new cashier, a register of its own, the
 * cashier signed in, and a shift opened on that register.
 */
record OpenTill(Http http, long session, String cashier) {

    static final String PASSWORD = "TillPass123!";

    /** Till number {@code i} of the store the {@code owner} is signed into; names start with {@code prefix}. */
    static OpenTill open(Http gateway, Http owner, String store, String prefix, String codePrefix, int i) {
        String cashier = prefix + i + "_" + UUID.randomUUID().toString().substring(0, 6);
        Http.Answer employee = owner.post(
                "/api/users/employees/",
                json("username", cashier, "password", PASSWORD, "first_name", "Till " + i, "role", "cashier"));
        require(employee.status() == 201, "cashier", employee);
        Http.Answer register =
                owner.post("/api/sales/cash-registers/", json("name", "Till " + i, "code", codePrefix + i));
        require(register.ok(), "register", register);
        Http.Answer login = gateway.post("/api/users/auth/login/", json("username", cashier, "password", PASSWORD));
        require(login.ok(), "cashier login", login);
        Http till = gateway.as(login.text("/access"), store);
        Http.Answer shift = till.post(
                "/api/sales/sessions/open/",
                json(
                        "opening_balance",
                        0,
                        "cash_register",
                        register.body().path("id").asLong()));
        require(shift.ok(), "shift", shift);
        return new OpenTill(till, shift.body().at("/data/id").asLong(), cashier);
    }
}
