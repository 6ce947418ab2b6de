package dev.kassa.platform.test;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class TableWritersTests {

    @TempDir
    Path sources;

    private void write(String name, String text) throws IOException {
        Files.writeString(sources.resolve(name + ".java"), text);
    }

    @Test
    void aTableWrittenByTwoClassesIsReportedWithBoth() throws IOException {
        write("Batches", "class Batches { String a = \"update batches set quantity = 0 where id = :id\"; }");
        write("Holds", "class Holds { String a = \"\"\"\n update batches b set quantity = b.quantity - 1\n\"\"\"; }");
        write(
                "Stock",
                "class Stock { String a = \"insert into stock_movements (id) values (1) on conflict do update set id = 1\"; }");

        assertThat(TableWriters.of(sources))
                .containsKeys("batches", "stock_movements")
                .doesNotContainKey("set");
        assertThat(TableWriters.shared(sources))
                .singleElement()
                .asString()
                .contains("batches")
                .contains("[Batches, Holds]");
    }

    @Test
    void anEntityAndTheFragmentOfItsRepositoryAreOneWriter() throws IOException {
        write("Customer", "@Entity\n@Table(name = \"customers\")\nclass Customer {}");
        write(
                "CustomerRepository",
                "interface CustomerRepository extends JpaRepository<Customer, Long>, CustomerCounters {}");
        write(
                "CustomerCountersImpl",
                "class CustomerCountersImpl { String a = \"update customers set balance = 1\"; }");
        assertThat(TableWriters.shared(sources)).isEmpty();

        write("Ledger", "class Ledger { String a = \"update customers set balance = 2\"; }");
        assertThat(TableWriters.shared(sources)).singleElement().asString().contains("[Customer, Ledger]");
    }
}
