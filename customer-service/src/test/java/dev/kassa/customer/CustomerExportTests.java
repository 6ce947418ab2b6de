package dev.kassa.customer;

import dev.kassa.platform.test.Api;
import dev.kassa.platform.test.ExportedFiles;
import dev.kassa.platform.test.KassaIntegrationTest;
import dev.kassa.platform.test.TestStores;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.List;

import static dev.kassa.platform.test.Api.json;
import static dev.kassa.platform.test.ExportedFiles.csv;
import static org.assertj.core.api.Assertions.assertThat;

/** The customer list as a file (issue 62, export): balances, credit and points, with the list's filters. */
@KassaIntegrationTest
class CustomerExportTests {

    @LocalServerPort
    int port;

    Api as(String store, String role) {
        return Api.member(port, store, 4, role, role);
    }

    @Test
    void anOwnerExportsCustomersWithTheirBalancesAndTheListsFilters() {
        String store = TestStores.newKey("cxp");
        Api owner = as(store, "owner");
        long nigora = owner.post(
                        "/api/customers/customers/",
                        json(
                                "first_name",
                                "Нигора",
                                "last_name",
                                "Юсупова",
                                "phone",
                                "+998901234571",
                                "credit_limit",
                                500000))
                .at("/id")
                .asLong();
        Api.Response debt = owner.post(
                "/api/customers/customers/" + nigora + "/adjust-balance/",
                json("amount", "-125000.50", "reason", "Долг"));
        assertThat(debt.status()).as(debt.toString()).isLessThan(300);
        owner.post(
                "/api/customers/customers/",
                json(
                        "first_name",
                        "@SUM(A1)",
                        "phone",
                        "+998901234572",
                        "customer_type",
                        "company",
                        "company_name",
                        "ООО Ромашка"));

        Api.Response file = owner.get("/api/customers/customers/export?ordering=created_at");
        assertThat(file.status()).as(file.toString()).isEqualTo(200);
        assertThat(file.header("Content-Disposition")).contains("customers-");
        List<List<String>> rows = csv(file.bytes(), ';');
        assertThat(rows.get(0))
                .startsWith("ФИО", "Телефон", "Телефон 2", "E-mail", "Тип")
                .contains("Баланс");
        assertThat(rows).hasSize(3);
        List<String> first = rows.get(1);
        assertThat(first.get(0)).isEqualTo("Юсупова Нигора");
        assertThat(first.get(1)).isEqualTo("+998901234571");
        assertThat(first.get(4)).isEqualTo("Физическое лицо");
        assertThat(first.get(8)).as("the balance, a decimal comma").isEqualTo("-125000,50");
        assertThat(first.get(9)).isEqualTo("500000,00");
        assertThat(rows.get(2).get(0)).as("a formula stays text").startsWith("'@SUM(A1)");
        assertThat(rows.get(2).get(5)).isEqualTo("ООО Ромашка");

        List<List<String>> companies = csv(
                owner.english()
                        .get("/api/customers/customers/export?customer_type=company")
                        .bytes(),
                ',');
        assertThat(companies.get(0)).startsWith("Full name", "Phone");
        assertThat(companies).as("the list's filter").hasSize(2);
        assertThat(companies.get(1).get(4)).isNotEqualTo("Юридическое лицо");
        assertThat(csv(owner.get("/api/customers/customers/export?q=юсуп").bytes(), ';'))
                .as("the web client's search")
                .hasSize(2);

        Api.Response xlsx = owner.get("/api/customers/customers/export?format=xlsx&ordering=created_at");
        List<Row> read = ExportedFiles.xlsx(xlsx.bytes());
        assertThat(read).hasSize(3);
        assertThat(read.get(1).getCellAsNumber(8))
                .hasValueSatisfying(n -> assertThat(n).isEqualByComparingTo("-125000.50"));
    }

    @Test
    void aCashierAnUnknownFormatAndABadFilterAreRefused() {
        String store = TestStores.newKey("cxr");
        Api.Response cashier = as(store, "cashier").get("/api/customers/customers/export");
        assertThat(cashier.status()).isEqualTo(403);
        assertThat(cashier.text("/code")).isEqualTo("permission_denied");
        assertThat(as(store, "manager").get("/api/customers/customers/export").status())
                .isEqualTo(200);
        Api.Response format = as(store, "owner").get("/api/customers/customers/export?format=txt");
        assertThat(format.status()).isEqualTo(400);
        assertThat(format.at("/errors/format").isArray()).isTrue();
        Api.Response group = as(store, "owner").get("/api/customers/customers/export?group=first");
        assertThat(group.status()).isEqualTo(400);
        assertThat(group.at("/errors/group").isArray()).as(group.toString()).isTrue();
        assertThat(as(store, "owner")
                        .get("/api/customers/customers/export?ordering=name")
                        .status())
                .isEqualTo(400);
    }
}
