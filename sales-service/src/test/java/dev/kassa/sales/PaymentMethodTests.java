package dev.kassa.sales;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kassa.platform.test.Api;
import dev.kassa.platform.test.KassaIntegrationTest;
import dev.kassa.platform.test.TestStores;
import dev.kassa.platform.test.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.kassa.platform.test.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A store's own payment methods (issue 65 point 7): the owner adds Click and a voucher kept in the drawer, the till takes
 * them by code, the drawer counts what it should, a switched-off method is refused without writing anything, and the shift
 * report names every method as the store does.
 */
@KassaIntegrationTest
@TestPropertySource(properties = {"kassa.sales.catalog-url=http://127.0.0.1:9", "kassa.sales.catalog-timeout=1s"})
class PaymentMethodTests {

    static final String METHODS = "/api/sales/payment-methods/";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    Api as(String store, long user, String role) {
        return Api.member(port, store, user, "user" + user, role);
    }

    static List<String> codes(Api.Response list) {
        List<String> codes = new ArrayList<>();
        list.body().forEach(m -> codes.add(m.get("code").asText()));
        return codes;
    }

    static Map<String, Object> tender(String method, long amount) {
        return json("payment_method", method, "amount", amount);
    }

    @Test
    void aStoresOwnMethodsArePaidWithByCodeAndTheDrawerCountsOnlyWhatLiesInIt() {
        String store = TestStores.newKey("pmt");
        Api cashier = as(store, 5, "cashier");
        Api manager = as(store, 9, "manager");

        // a new store takes Kassa's methods, cash first, named in the caller's language
        Api.Response builtIn = cashier.get(METHODS);
        assertThat(builtIn.status()).as(builtIn.toString()).isEqualTo(200);
        assertThat(codes(builtIn)).containsExactly("cash", "card", "mobile", "transfer", "credit", "bonus");
        assertThat(builtIn.text("/0/name")).isEqualTo("Наличные");
        assertThat(builtIn.at("/0/counted_in_drawer").asBoolean()).isTrue();
        assertThat(builtIn.at("/1/counted_in_drawer").asBoolean()).isFalse();
        assertThat(cashier.english().get(METHODS + "cash/").text("/name")).isEqualTo("Cash");

        // the owner's own: Click (a code made from its name), a voucher kept in the drawer (its code given)
        Api.Response click = manager.post(METHODS, json("name", "Click"));
        assertThat(click.status()).as(click.toString()).isEqualTo(201);
        assertThat(click.text("/code")).isEqualTo("click");
        assertThat(click.at("/built_in").asBoolean()).isFalse();
        assertThat(click.at("/counted_in_drawer").asBoolean()).isFalse();
        Api.Response voucher = manager.post(
                METHODS, json("name", "Подарочный сертификат", "code", "voucher", "counted_in_drawer", true));
        assertThat(voucher.status()).as(voucher.toString()).isEqualTo(201);
        assertThat(codes(cashier.get(METHODS)))
                .containsExactly("cash", "card", "mobile", "transfer", "credit", "bonus", "click", "voucher");

        // a till pays with them by code, split with cash
        long session = cashier.post("/api/sales/sessions/open/", json("opening_balance", 10000))
                .at("/data/id")
                .asLong();
        long first = Drafts.draft(jdbc, store, session, 5);
        Api.Response paid = cashier.post(
                "/api/sales/sales/" + first + "/checkout/",
                json("payments", List.of(tender("click", 100000), tender("cash", 50000))));
        assertThat(paid.status()).as(paid.toString()).isEqualTo(200);
        assertThat(paid.text("/data/payments/0/payment_method")).isEqualTo("click");
        assertThat(paid.text("/data/payments/0/payment_method_display")).isEqualTo("Click");
        long second = Drafts.draft(jdbc, store, session, 5);
        assertThat(cashier.post(
                                "/api/sales/sales/" + second + "/checkout/",
                                json("payments", List.of(tender("voucher", 150000))))
                        .status())
                .isEqualTo(200);
        // the drawer: 10000 opening + 50000 cash + 150000 in vouchers; Click's money is not in it
        assertThat(cashier.get("/api/sales/sessions/current/").text("/data/expected_cash"))
                .isEqualTo("210000.00");

        // switched off, Click is no longer offered nor taken: the sale stays a draft and nothing is written
        Api.Response off = manager.patch(METHODS + "click/", json("is_active", false));
        assertThat(off.status()).as(off.toString()).isEqualTo(200);
        assertThat(off.at("/is_active").asBoolean()).isFalse();
        assertThat(codes(cashier.get(METHODS + "?is_active=true"))).doesNotContain("click");
        long third = Drafts.draft(jdbc, store, session, 5);
        Api.Response refused = cashier.post(
                "/api/sales/sales/" + third + "/checkout/",
                json("payments", List.of(tender("cash", 50000), tender("click", 100000))));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.at("/errors/payments.1.payment_method").isArray()).isTrue();
        Api.Response unknown = cashier.post(
                "/api/sales/sales/" + third + "/checkout/", json("payments", List.of(tender("barter", 150000))));
        assertThat(unknown.at("/errors/payments.0.payment_method").isArray())
                .as(unknown.toString())
                .isTrue();
        assertThat(jdbc.queryForObject(
                        "select count(*) from " + TestStores.schema(store) + ".payments where sale_id = ?",
                        Integer.class,
                        third))
                .isZero();
        assertThat(cashier.get("/api/sales/sales/" + third + "/").text("/status"))
                .isEqualTo("pending");

        // a refund pays back by an enabled method of the store, never by a switched-off one
        Api.Response byClick = manager.post("/api/sales/sales/" + first + "/refund/", json("method", "click"));
        assertThat(byClick.at("/errors/method").isArray())
                .as(byClick.toString())
                .isTrue();
        Api.Response byVoucher = manager.post("/api/sales/sales/" + first + "/refund/", json("method", "voucher"));
        assertThat(byVoucher.status()).as(byVoucher.toString()).isEqualTo(200);
        assertThat(cashier.get("/api/sales/sessions/current/").text("/data/expected_cash"))
                .isEqualTo("60000.00");

        // the shift report: every method as the store names it, what it took and paid back, and whether it is in the
        // drawer
        Api.Response report = cashier.get("/api/sales/sessions/" + session + "/report/");
        assertThat(report.status()).as(report.toString()).isEqualTo(200);
        JsonNode byMethod = report.at("/payments");
        assertThat(byMethod.findValuesAsText("payment_method")).containsExactly("cash", "click", "voucher");
        assertThat(byMethod.get(1).get("payment_method_display").asText()).isEqualTo("Click");
        assertThat(byMethod.get(1).get("total").asText()).isEqualTo("100000.00");
        assertThat(byMethod.get(1).get("counted_in_drawer").asBoolean()).isFalse();
        assertThat(byMethod.get(2).get("payment_method_display").asText()).isEqualTo("Подарочный сертификат");
        assertThat(byMethod.get(2).get("refunded").asText()).isEqualTo("150000.00");
        assertThat(byMethod.get(2).get("counted_in_drawer").asBoolean()).isTrue();
        assertThat(report.text("/expected_cash")).isEqualTo("60000.00");

        // the payments list filters by the store's own codes; a code it does not have is refused
        assertThat(manager.get("/api/sales/payments/?payment_method=click")
                        .at("/count")
                        .asInt())
                .isEqualTo(1);
        assertThat(manager.get("/api/sales/payments/?payment_method=bitcoin")
                        .at("/errors/payment_method")
                        .isArray())
                .isTrue();
    }

    @Test
    void builtInMethodsAreRenamedOrSwitchedOffAndUsedOnesNeverDeleted() {
        String store = TestStores.newKey("pmb");
        Api cashier = as(store, 5, "cashier");
        Api owner = as(store, 1, "owner");

        Api.Response renamed = owner.patch(METHODS + "card/", json("name", "Uzcard / Humo"));
        assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
        assertThat(renamed.text("/name")).isEqualTo("Uzcard / Humo");
        assertThat(owner.patch(METHODS + "card/", json("counted_in_drawer", true))
                        .at("/errors/counted_in_drawer")
                        .isArray())
                .isTrue();
        assertThat(owner.patch(METHODS + "card/", json("code", "humo"))
                        .at("/errors/code")
                        .isArray())
                .isTrue();
        Api.Response builtIn = owner.delete(METHODS + "card/");
        assertThat(builtIn.status()).as(builtIn.toString()).isEqualTo(409);
        assertThat(builtIn.text("/code")).isEqualTo("payment_method_built_in");
        assertThat(owner.patch(METHODS + "credit/", json("is_active", false)).status())
                .isEqualTo(200);
        assertThat(codes(cashier.get(METHODS + "?is_active=true")))
                .containsExactly("cash", "card", "mobile", "transfer", "bonus");
        assertThat(codes(cashier.get(METHODS + "?is_active=false"))).containsExactly("credit");

        // a renamed card is shown by its new name on the sale
        long session = cashier.post("/api/sales/sessions/open/", json("opening_balance", 0))
                .at("/data/id")
                .asLong();
        long sale = Drafts.draft(jdbc, store, session, 5);
        assertThat(cashier.post(
                                "/api/sales/sales/" + sale + "/checkout/",
                                json("payments", List.of(tender("card", 150000))))
                        .text("/data/payments/0/payment_method_display"))
                .isEqualTo("Uzcard / Humo");

        // the store's own: deleted while never paid with; afterwards only switched off
        assertThat(owner.post(METHODS, json("name", "Payme")).status()).isEqualTo(201);
        assertThat(owner.post(METHODS, json("name", "Uzum")).status()).isEqualTo(201);
        long next = Drafts.draft(jdbc, store, session, 5);
        assertThat(cashier.post(
                                "/api/sales/sales/" + next + "/checkout/",
                                json("payments", List.of(tender("payme", 150000))))
                        .status())
                .isEqualTo(200);
        Api.Response inUse = owner.delete(METHODS + "payme/");
        assertThat(inUse.status()).as(inUse.toString()).isEqualTo(409);
        assertThat(inUse.text("/code")).isEqualTo("payment_method_in_use");
        assertThat(owner.delete(METHODS + "uzum/").status()).isEqualTo(204);
        Api.Response gone = owner.get(METHODS + "uzum/");
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.text("/code")).isEqualTo("payment_method_not_found");
    }

    @Test
    void badInputRolesAndOtherStoresAreRefusedAndChangeNothing() {
        String store = TestStores.newKey("pmx");
        Api cashier = as(store, 5, "cashier");
        Api manager = as(store, 9, "manager");
        assertThat(manager.post(METHODS, json("name", "Click")).status()).isEqualTo(201);

        // a name in another script needs its code; a taken code, a bad code, no name, a name too long
        assertThat(manager.post(METHODS, json("name", "Перечисление"))
                        .at("/errors/code")
                        .isArray())
                .isTrue();
        Api.Response taken = manager.post(METHODS, json("name", "Click", "code", "click"));
        assertThat(taken.status()).as(taken.toString()).isEqualTo(400);
        assertThat(taken.at("/errors/code").isArray()).isTrue();
        assertThat(manager.post(METHODS, json("name", "Cash", "code", "cash"))
                        .at("/errors/code")
                        .isArray())
                .isTrue();
        assertThat(manager.post(METHODS, json("name", "X", "code", "Bad Code"))
                        .at("/errors/code")
                        .isArray())
                .isTrue();
        assertThat(manager.post(METHODS, json("code", "nameless"))
                        .at("/errors/name")
                        .isArray())
                .isTrue();
        assertThat(manager.post(METHODS, json("name", "x".repeat(101)))
                        .at("/errors/name")
                        .isArray())
                .isTrue();
        assertThat(manager.post(METHODS, "not json").status()).isEqualTo(400);
        assertThat(manager.patch(METHODS + "click/", json("name", " "))
                        .at("/errors/name")
                        .isArray())
                .isTrue();
        assertThat(manager.patch(METHODS + "nothing/", json("is_active", false)).status())
                .isEqualTo(404);

        // a cashier sees the methods but may not change them; no token; another store's owner
        assertThat(cashier.get(METHODS).status()).isEqualTo(200);
        assertThat(cashier.post(METHODS, json("name", "Payme")).text("/code")).isEqualTo("permission_denied");
        assertThat(cashier.patch(METHODS + "click/", json("is_active", false)).text("/code"))
                .isEqualTo("permission_denied");
        assertThat(cashier.delete(METHODS + "click/").text("/code")).isEqualTo("permission_denied");
        assertThat(new Api("http://localhost:" + port).in(store).get(METHODS).status())
                .isEqualTo(401);
        String other = TestStores.newKey("pmo");
        assertThat(new Api("http://localhost:" + port)
                        .as(TestTokens.token(1, "user1", Map.of(other, "owner")))
                        .in(store)
                        .delete(METHODS + "click/")
                        .text("/code"))
                .isEqualTo("not_a_member");
        // another store has its own methods: Click is this store's only
        assertThat(codes(as(other, 1, "owner").get(METHODS))).doesNotContain("click");

        // nothing of the refused calls was stored
        Api.Response click = cashier.get(METHODS + "click/");
        assertThat(click.text("/name")).isEqualTo("Click");
        assertThat(click.at("/is_active").asBoolean()).isTrue();
        assertThat(codes(cashier.get(METHODS)))
                .containsExactly("cash", "card", "mobile", "transfer", "credit", "bonus", "click");
    }
}
