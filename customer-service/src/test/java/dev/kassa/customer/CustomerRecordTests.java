package dev.kassa.customer;

import dev.kassa.platform.test.Api;
import dev.kassa.platform.test.KassaIntegrationTest;
import dev.kassa.platform.test.TestStores;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.LocalDate;

import static dev.kassa.platform.test.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

/** The full customer record, groups and VIPs, phone lookup at the till, and the balance ledger (issue 11, spec §6). */
@KassaIntegrationTest
class CustomerRecordTests {

    @LocalServerPort
    int port;

    Api as(String store, String role) {
        return Api.member(port, store, 7, role, role);
    }

    @Test
    void aCustomerIsRecordedEditedGroupedFoundByPhoneAndDeleted() {
        String store = TestStores.newKey("crd");
        Api owner = as(store, "owner");
        Api cashier = as(store, "cashier");
        Api.Response vip = owner.post(
                "/api/customers/groups/", json("name", "VIP", "description", "Постоянные", "discount_percent", "10"));
        assertThat(vip.status()).as(vip.toString()).isEqualTo(201);
        long vipGroup = vip.at("/id").asLong();
        long regulars = owner.post("/api/customers/groups/", json("name", "Соседи", "discount_percent", "3"))
                .at("/id")
                .asLong();
        assertThat(owner.post("/api/customers/groups/", json("name", "vip"))
                        .at("/errors/name")
                        .isArray())
                .as("names are unique")
                .isTrue();
        assertThat(owner.post("/api/customers/groups/", json("name", "X", "discount_percent", "120"))
                        .at("/errors/discount_percent")
                        .isArray())
                .isTrue();

        Api.Response created = cashier.post(
                "/api/customers/customers/",
                json(
                        "first_name",
                        "Азиз",
                        "last_name",
                        "Рахимов",
                        "customer_type",
                        "company",
                        "company_name",
                        "ООО Азиз",
                        "tax_id",
                        "305123456",
                        "phone",
                        "+998901234570",
                        "phone_2",
                        "+998711234567",
                        "email",
                        "aziz@example.com",
                        "city",
                        "Ташкент",
                        "region",
                        "Ташкент",
                        "postal_code",
                        "100000",
                        "birthday",
                        "1985-04-12",
                        "notes",
                        "Берёт по пятницам"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long aziz = created.at("/id").asLong();
        assertThat(created.text("/full_name")).isEqualTo("Рахимов Азиз");
        assertThat(created.text("/phone_2")).isEqualTo("+998711234567");
        assertThat(created.text("/customer_type_display")).isEqualTo("Юридическое лицо");
        assertThat(created.text("/available_credit")).isEqualTo("0.00");
        assertThat(created.at("/is_vip").isNull()).as("no group").isTrue();

        // the owner gives credit and the VIP group; a cashier may not
        assertThat(cashier.patch("/api/customers/customers/" + aziz + "/", json("credit_limit", "1000000"))
                        .text("/code"))
                .isEqualTo("permission_denied");
        Api.Response patched = owner.patch(
                "/api/customers/customers/" + aziz + "/", json("credit_limit", "1000000", "group", vipGroup));
        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
        assertThat(patched.text("/available_credit")).isEqualTo("1000000.00");
        assertThat(patched.text("/is_vip")).isEqualTo("true");
        assertThat(patched.text("/default_discount")).isEqualTo("10.00");
        assertThat(patched.text("/group_name")).isEqualTo("VIP");
        assertThat(patched.text("/company_name"))
                .as("PATCH keeps what it is not given")
                .isEqualTo("ООО Азиз");

        // at the till: found by phone, with the latest ledger entries
        Api.Response found = cashier.get("/api/customers/customers/search_by_phone/?phone=%2B998901234570");
        assertThat(found.status()).as(found.toString()).isEqualTo(200);
        assertThat(found.text("/status")).isEqualTo("success");
        assertThat(found.at("/data/id").asLong()).isEqualTo(aziz);
        assertThat(found.at("/data/recent_transactions").isArray()).isTrue();
        assertThat(cashier.get("/api/customers/customers/search_by_phone/").text("/message"))
                .isEqualTo("Укажите номер телефона");
        assertThat(cashier.get("/api/customers/customers/search_by_phone/?phone=%2B998909999999")
                        .status())
                .isEqualTo(404);

        long neighbour = cashier.post(
                        "/api/customers/customers/", json("name", "Соседка Нигора", "phone", "+998901234571"))
                .at("/id")
                .asLong();
        owner.patch("/api/customers/customers/" + neighbour + "/", json("group", regulars));
        assertThat(cashier.get("/api/customers/customers/vip_customers/")
                        .at("/count")
                        .asInt())
                .isEqualTo(1);
        assertThat(cashier.get("/api/customers/customers/vip_list/").text("/results/0/id"))
                .isEqualTo(String.valueOf(aziz));
        assertThat(cashier.get("/api/customers/groups/" + regulars + "/members/")
                        .text("/results/0/id"))
                .isEqualTo(String.valueOf(neighbour));
        assertThat(cashier.get("/api/customers/groups/" + vipGroup + "/").text("/members_count"))
                .isEqualTo("1");
        assertThat(cashier.get("/api/customers/groups/").text("/results/0/name"))
                .as("biggest discount first")
                .isEqualTo("VIP");
        assertThat(cashier.get("/api/customers/customers/?group=" + regulars)
                        .at("/count")
                        .asInt())
                .isEqualTo(1);
        assertThat(cashier.get("/api/customers/customers/?customer_type=company")
                        .at("/count")
                        .asInt())
                .isEqualTo(1);
        assertThat(cashier.get("/api/customers/customers/?search=ооо")
                        .at("/count")
                        .asInt())
                .as("search over company names")
                .isEqualTo(1);
        assertThat(cashier.get("/api/customers/customers/?ordering=-total_purchases")
                        .status())
                .isEqualTo(200);
        assertThat(cashier.get("/api/customers/customers/" + aziz + "/stats/").text("/purchases/total_count"))
                .isEqualTo("0");

        // PUT replaces the record: required fields again
        assertThat(owner.put("/api/customers/customers/" + neighbour + "/", json("last_name", "Юсупова"))
                        .at("/errors")
                        .fieldNames())
                .toIterable()
                .contains("name", "phone");
        Api.Response replaced = owner.put(
                "/api/customers/customers/" + neighbour + "/",
                json("first_name", "Нигора", "last_name", "Юсупова", "phone", "+998901234571"));
        assertThat(replaced.text("/full_name")).isEqualTo("Юсупова Нигора");
        assertThat(replaced.at("/group").isNull())
                .as("PUT without a group leaves none")
                .isTrue();

        // deleting a group keeps its members; deleting a customer frees the phone and hides them
        assertThat(owner.delete("/api/customers/groups/" + vipGroup + "/").status())
                .isEqualTo(204);
        assertThat(cashier.get("/api/customers/customers/" + aziz + "/")
                        .at("/group")
                        .isNull())
                .isTrue();
        assertThat(cashier.delete("/api/customers/customers/" + neighbour + "/").status())
                .isEqualTo(403);
        assertThat(owner.delete("/api/customers/customers/" + neighbour + "/").status())
                .isEqualTo(204);
        assertThat(cashier.get("/api/customers/customers/" + neighbour + "/").status())
                .isEqualTo(404);
        assertThat(cashier.get("/api/customers/customers/search_by_phone/?phone=%2B998901234571")
                        .status())
                .isEqualTo(404);
        assertThat(cashier.post("/api/customers/customers/", json("name", "Новая", "phone", "+998901234571"))
                        .status())
                .isEqualTo(201);
    }

    @Test
    void debtIsPaidAndCorrectedThroughTheLedgerWithBalancesBeforeAndAfter() {
        String store = TestStores.newKey("led");
        Api owner = as(store, "owner");
        Api cashier = as(store, "cashier");
        long customer = cashier.post("/api/customers/customers/", json("name", "Должник", "phone", "+998901234580"))
                .at("/id")
                .asLong();
        owner.patch("/api/customers/customers/" + customer + "/", json("credit_limit", "500000"));
        // the old paper notebook's debt, brought in by the owner
        Api.Response debt = owner.post(
                "/api/customers/customers/" + customer + "/adjust-balance/",
                json("amount", "-400000", "reason", "Долг из тетради"));
        assertThat(debt.status()).as(debt.toString()).isEqualTo(200);
        assertThat(debt.text("/balance_before")).isEqualTo("0.00");
        assertThat(debt.text("/balance_after")).isEqualTo("-400000.00");
        assertThat(debt.text("/transaction_type")).isEqualTo("correction");
        assertThat(cashier.get("/api/customers/customers/" + customer + "/").text("/available_credit"))
                .isEqualTo("100000.00");
        assertThat(cashier.post(
                                "/api/customers/customers/" + customer + "/adjust-balance/",
                                json("amount", "1", "reason", "x"))
                        .status())
                .isEqualTo(403);

        Api.Response paid = cashier.post(
                "/api/customers/customers/" + customer + "/add-payment/",
                json("amount", "150000", "payment_method", "cash"));
        assertThat(paid.status()).as(paid.toString()).isEqualTo(200);
        assertThat(paid.text("/balance_before")).isEqualTo("-400000.00");
        assertThat(paid.text("/balance_after")).isEqualTo("-250000.00");
        assertThat(paid.text("/transaction_type_display")).isEqualTo("Платёж");
        assertThat(owner.get("/api/customers/customers/debtors/").text("/results/0/balance"))
                .isEqualTo("-250000.00");
        assertThat(cashier.get("/api/customers/customers/debtors/").status()).isEqualTo(403);
        Api.Response ledger = cashier.get("/api/customers/transactions/?customer=" + customer);
        assertThat(ledger.at("/count").asInt()).isEqualTo(2);
        assertThat(ledger.text("/results/0/transaction_type")).isEqualTo("payment");
        long entry = ledger.at("/results/0/id").asLong();
        assertThat(cashier.get("/api/customers/transactions/" + entry + "/").text("/customer_name"))
                .isEqualTo("Должник");
        assertThat(cashier.get("/api/customers/transactions/?transaction_type=correction")
                        .at("/count")
                        .asInt())
                .isEqualTo(1);
        assertThat(cashier.post("/api/customers/transactions/", json("amount", "1"))
                        .status())
                .as("read-only")
                .isEqualTo(405);
        assertThat(cashier.get("/api/customers/customers/" + customer + "/")
                        .at("/recent_transactions")
                        .size())
                .isEqualTo(2);

        // bad input changes nothing
        assertThat(cashier.post("/api/customers/customers/" + customer + "/add-payment/", json("amount", "-5"))
                        .at("/errors/amount")
                        .isArray())
                .isTrue();
        assertThat(cashier.post("/api/customers/customers/" + customer + "/add-payment/", json("amount", "1.234"))
                        .at("/errors/amount")
                        .isArray())
                .isTrue();
        assertThat(cashier.post(
                                "/api/customers/customers/" + customer + "/add-payment/",
                                json("amount", "5", "payment_method", "barter"))
                        .at("/errors/payment_method")
                        .isArray())
                .isTrue();
        assertThat(owner.post("/api/customers/customers/" + customer + "/adjust-balance/", json("amount", "100"))
                        .at("/errors/reason")
                        .isArray())
                .isTrue();
        assertThat(cashier.post("/api/customers/customers/424242/add-payment/", json("amount", "5"))
                        .status())
                .isEqualTo(404);
        assertThat(cashier.get("/api/customers/transactions/?customer=" + customer)
                        .at("/count")
                        .asInt())
                .isEqualTo(2);
    }

    @Test
    void badRecordsAreRefusedPerFieldAndStockkeepersSeeNothing() {
        String store = TestStores.newKey("cbi");
        Api owner = as(store, "owner");
        Api.Response bad = owner.post(
                "/api/customers/customers/",
                json(
                        "first_name",
                        "Тест",
                        "phone",
                        "+998901234590",
                        "phone_2",
                        "123",
                        "credit_limit",
                        "-1",
                        "birthday",
                        LocalDate.now().plusDays(2).toString(),
                        "group",
                        424242,
                        "email",
                        "x@"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.at("/errors").fieldNames())
                .toIterable()
                .contains("phone_2", "credit_limit", "birthday", "group", "email");
        assertThat(owner.post(
                                "/api/customers/customers/",
                                json("first_name", "Тест", "phone", "+998901234590", "birthday", "12.04.1985"))
                        .at("/errors/birthday")
                        .isArray())
                .isTrue();
        assertThat(owner.get("/api/customers/customers/").at("/count").asInt())
                .as("nothing stored")
                .isZero();
        assertThat(owner.get("/api/customers/customers/?ordering=name")
                        .at("/errors/ordering")
                        .isArray())
                .isTrue();
        assertThat(owner.get("/api/customers/groups/424242/members/").status()).isEqualTo(404);
        assertThat(owner.patch("/api/customers/customers/424242/", json("notes", "x"))
                        .status())
                .isEqualTo(404);
        Api keeper = as(store, "stockkeeper");
        assertThat(keeper.get("/api/customers/groups/").text("/code")).isEqualTo("permission_denied");
        assertThat(keeper.get("/api/customers/transactions/").text("/code")).isEqualTo("permission_denied");
        assertThat(as(store, "cashier")
                        .post("/api/customers/groups/", json("name", "Мои"))
                        .text("/code"))
                .isEqualTo("permission_denied");
        assertThat(as(TestStores.newKey("cbo"), "owner")
                        .in(store)
                        .get("/api/customers/groups/")
                        .text("/code"))
                .isEqualTo("not_a_member");
        assertThat(new Api("http://localhost:" + port)
                        .in(store)
                        .get("/api/customers/transactions/")
                        .status())
                .isEqualTo(401);
    }

    @Test
    void theOriginalWebClientsSpellingsCreateACompanyAndFindIt() {
        String store = TestStores.newKey("cwc");
        Api cashier = as(store, "cashier");
        Api.Response company = cashier.post(
                "/api/customers/customers/",
                json(
                        "first_name",
                        "Рустам",
                        "phone",
                        "+998935550101",
                        "customer_type",
                        "organization",
                        "organization_name",
                        "ООО Баракат",
                        "inn",
                        "301234567"));
        assertThat(company.status()).as(company.toString()).isEqualTo(201);
        assertThat(company.text("/customer_type")).isEqualTo("company");
        assertThat(company.text("/company_name")).isEqualTo("ООО Баракат");
        assertThat(company.text("/tax_id")).isEqualTo("301234567");
        assertThat(cashier.post(
                                "/api/customers/customers/",
                                json("first_name", "Рустам", "phone", "+998935550102", "customer_type", "organization"))
                        .at("/errors/company_name")
                        .isArray())
                .as("a company still needs its name")
                .isTrue();
        assertThat(cashier.get("/api/customers/customers/?q=баракат")
                        .at("/count")
                        .asInt())
                .isEqualTo(1);
    }
}
