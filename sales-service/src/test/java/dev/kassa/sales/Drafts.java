package dev.kassa.sales;

import dev.kassa.platform.test.TestStores;
import org.springframework.jdbc.core.JdbcTemplate;

/** Drafts written straight into a store's schema, as scanning leaves them, for tests that run without catalog. */
final class Drafts {

    private Drafts() {}

    /** Two lines, 2 × 50000 (product 18, batch 31) and 1 × 50000 (product 19): total 150000. */
    static long draft(JdbcTemplate jdbc, String store, long session, long cashier) {
        String schema = TestStores.schema(store);
        long sale = jdbc.queryForObject(
                "insert into " + schema
                        + ".sales (session_id, cashier_user_id, cashier_name, receipt_number, subtotal, total_amount) "
                        + "values (?, ?, 'c', 'R-' || nextval('" + schema.replace("\"", "")
                        + ".sales_id_seq'), 150000, 150000) returning id",
                Long.class,
                session,
                cashier);
        jdbc.update(
                "insert into " + schema
                        + ".sale_items (sale_id, product_id, product_name, product_sku, batch_id, quantity, unit_price, unit_cost, line_total, reservation_ref) "
                        + "values (?, 18, 'A', 'A', 31, 2, 50000, 30000, 100000, 'ref-a-' || ?), (?, 19, 'B', 'B', null, 1, 50000, 30000, 50000, 'ref-b-' || ?)",
                sale,
                sale,
                sale,
                sale);
        return sale;
    }
}
