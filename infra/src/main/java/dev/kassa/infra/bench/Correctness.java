package dev.kassa.infra.bench;

import java.sql.Connection;

import static dev.kassa.infra.bench.BenchContext.PRODUCTS;
import static dev.kassa.infra.bench.BenchContext.STOCK;
import static dev.kassa.infra.bench.Sql.schemaOf;
import static dev.kassa.infra.bench.Sql.single;

/**
 * After the tills' loads: the sales in the sales list are the sales in analytics, the stock fell by exactly what was
 * sold, and no holds are left but those of the tills' open drafts.
 */
final class Correctness {

    private final BenchContext context;
    private final Results results;

    Correctness(BenchContext context) {
        this.context = context;
        this.results = context.results();
    }

    void run() throws Exception {
        Thread.sleep(3000);
        String store = context.store();
        try (Connection sales = context.connect("kassa_sales");
                Connection analytics = context.connect("kassa_analytics");
                Connection catalog = context.connect("kassa_catalog")) {
            long sold = single(
                    sales, "select count(*) from " + schemaOf(sales, store) + ".sales where status = 'completed'");
            long seen = single(
                    analytics,
                    "select count(*) from " + schemaOf(analytics, store) + ".sale_facts where kind = 'sale'");
            long units = single(
                    sales,
                    "select coalesce(sum(i.quantity), 0)::bigint from " + schemaOf(sales, store) + ".sale_items i join "
                            + schemaOf(sales, store) + ".sales s on s.id = i.sale_id where s.status = 'completed'"
                            // what stock is kept of (the café's dishes of (q) are not)
                            + " and i.batch_id is not null");
            String cat = schemaOf(catalog, store);
            long fell = single(
                    catalog,
                    "select (" + PRODUCTS + " * " + STOCK + " - coalesce(sum(quantity), 0))::bigint from " + cat
                            + ".batches");
            long holds = single(
                    catalog,
                    "select count(*) from " + cat
                            + ".reservations r where r.status = 'active' and not exists (select 1 from " + cat
                            + ".reservations x where x.request_ref = r.request_ref and x.status = 'completed')");
            // an open draft (status pending) keeps a hold per line until it is checked out or voided
            long drafts =
                    single(sales, "select count(*) from " + schemaOf(sales, store) + ".sales where status = 'pending'");
            long lines = single(
                    sales,
                    "select count(*) from " + schemaOf(sales, store) + ".sale_items i join " + schemaOf(sales, store)
                            + ".sales s on s.id = i.sale_id where s.status = 'pending'");
            results.row("after the runs: sales in the sales list = in analytics", sold + " = " + seen, sold == seen);
            results.row(
                    "after the runs: stock fell by exactly what was sold",
                    fell + " = " + units + " units",
                    fell == units);
            results.row(
                    "after the runs: active holds = lines of the tills' open drafts",
                    holds + " holds, " + lines + " lines of " + drafts + " open drafts",
                    holds == lines);
        }
    }
}
