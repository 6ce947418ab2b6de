package dev.kassa.platform.test;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class TableReadersTests {

    private static final String BASE = "dev.kassa.shop";

    @TempDir
    Path sources;

    /** A class of the module ({@code order}, {@code kitchen}; {@code ""} for the base package) with its text. */
    private void write(String module, String name, String text) throws IOException {
        Path dir = sources.resolve(Path.of("", BASE.split("\\."))).resolve(module);
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(name + ".java"), text);
    }

    @BeforeEach
    void twoModulesEachWritingItsTables() throws IOException {
        write(
                "order",
                "OrderRepository",
                """
                class OrderRepository {
                    String open = "insert into orders (status) values ('open')";
                    String lines = "insert into order_items (order_id) values (:order)";
                    String read = \"""
                            select o.* from orders o join order_items i on i.order_id = o.id
                            \""";
                }
                """);
        write(
                "kitchen",
                "TicketRepository",
                """
                class TicketRepository {
                    String make = "insert into kitchen_tickets (station) values (:station)";
                    String times = \"""
                            select round(avg(extract(epoch from t.ready_at - t.created_at))) from kitchen_tickets t
                            \""";
                }
                """);
    }

    @Test
    void aModuleReadingItsOwnTablesIsFine() {
        assertThat(TableReaders.foreign(sources, BASE, Map.of())).isEmpty();
    }

    @Test
    void anotherModuleSelectingFromOrJoiningATableIsReportedWithItsOwner() throws IOException {
        write(
                "kitchen",
                "DishRepository",
                """
                class DishRepository {
                    String dishes = "select i.* from kitchen_tickets t JOIN order_items i on i.ticket_id = t.id";
                    String closed = \"""
                            select exists (select 1 from
                                             orders o where o.id = :order)
                            \""";
                }
                """);

        assertThat(TableReaders.foreign(sources, BASE, Map.of()))
                .containsExactly(
                        "class DishRepository (module kitchen) reads table order_items of module order: read it "
                                + "through order's API",
                        "class DishRepository (module kitchen) reads table orders of module order: read it through "
                                + "order's API");
    }

    @Test
    void aTableItsOwnerPublishesMayBeReadByAnyModule() throws IOException {
        write(
                "floor",
                "TableRepository",
                "class TableRepository { String a = \"select 1 from orders where id = 1\"; }");

        assertThat(TableReaders.foreign(sources, BASE, Map.of("order", Set.of("orders"))))
                .isEmpty();
        assertThat(TableReaders.foreign(sources, BASE, Map.of("kitchen", Set.of("orders"))))
                .singleElement()
                .asString()
                .startsWith("class TableRepository (module floor) reads table orders of module order");
    }

    @Test
    void proseCommentsAndWordsThatAreNoTableAreNoRead() throws IOException {
        write(
                "floor",
                "FloorService",
                """
                /** What comes from orders is read through order (a join of orders would be another's table). */
                class FloorService {
                    // select * from orders
                    String a = "select count(*) from dining_tables where name = :name";
                    String b = "select extract(epoch from orders_sent) from unnest(cast(:ids as bigint[]))";
                }
                """);
        write(
                "floor",
                "TableRepository",
                "class TableRepository { String a = \"delete from dining_tables where id = :id\"; }");

        assertThat(TableReaders.foreign(sources, BASE, Map.of())).isEmpty();
    }
}
