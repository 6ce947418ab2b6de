package dev.kassa.catalog.inventory.stock;

import dev.kassa.catalog.catalogue.MadeOfOthers;
import dev.kassa.platform.data.SqlArrays;
import dev.kassa.platform.tenancy.TenantContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The statements of till holds ({@link ReservationService}): the hold requests and the holds ({@link BatchRepository} writes the batches). */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
class ReservationRepository {

    /**
     * The locked product of a hold: what the till is told about it, its cost price, whether it is on sale and whether it
     * has a modifier group a line must choose from, and whether it is made of others (a recipe, made on sale: {@link
     * MadeOfOthers}; one made ahead is held from its own batches).
     */
    record Locked(
            Reservation.Product product,
            BigDecimal costPrice,
            boolean active,
            boolean needsModifiers,
            boolean composite) {}

    /**
     * A batch a hold could come from, FEFO-ordered: what is free in it (its quantity less its active holds), and what the
     * hold took of it ({@code take}, zero when none; {@code holdId} then null).
     */
    record Candidate(long id, String number, BigDecimal purchasePrice, BigDecimal free, BigDecimal take, Long holdId) {}

    /** An active hold of one request, locked to be committed by a sale. */
    record Held(long id, long productId, Long batchId, BigDecimal quantity, String requestRef) {}

    private final JdbcClient sql;

    ReservationRepository(JdbcClient sql) {
        this.sql = sql;
    }

    /** A hold request's row: whether the reference was released already, and whether it existed before this call. */
    record Claim(boolean released, boolean repeated) {}

    /**
     * Records (or finds) the hold request's own row, then locks the product for the hold, in one statement (the request's
     * row first, as a release of the same reference takes it): the product {@code productId}, or the one a scanned
     * {@code code} names ({@code scanned_codes}, which also gives a batch code's batch); empty when there is none.
     * <p>
     * The request's row answers whether it was already released and whether the reference was seen before (a retry; a new
     * row has no {@code xmax}, the upsert of an existing one locks it): it stays locked until the transaction ends, so a
     * release of the same reference that arrives meanwhile waits for it. Holds of one product go one at a time (no two see
     * the same stock free); "no key update" because the rows that merely reference the product (a sale's stock movements
     * being written) take key-share locks, which "for update" would wait for. What the hold may take is read by a
     * statement of its own after this one: one that waited for the lock must see the holds committed meanwhile.
     */
    Optional<Claimed> claimAndLock(String requestRef, Long productId, String code) {
        return sql.sql(
                        """
                        with claim as (
                            insert into hold_requests (request_ref) values (:ref)
                            on conflict (request_ref) do update set request_ref = excluded.request_ref
                            returning released, not (xmax = 0) as repeated),
                        scanned as (
                            select product_id, batch_id from scanned_codes where code = :code order by precedence limit 1)
                        select p.id, p.name, p.sku, u.short_name, p.sale_price, p.tax_rate, p.track_inventory, p.cost_price, p.is_active,
                               claim.released, claim.repeated, (select batch_id from scanned),
                               exists (select 1 from product_modifier_groups pm join modifier_groups g on g.id = pm.group_id
                                       where pm.product_id = p.id and g.min_choices > 0) as needs_modifiers,
                               %s as composite
                          from claim, products p join units u on u.id = p.unit_id
                         where p.id = coalesce(cast(:id as bigint), (select product_id from scanned))
                           for no key update of p
                        """
                                .formatted(MadeOfOthers.P))
                .param("ref", requestRef)
                .param("id", productId)
                .param("code", code)
                .query((rs, i) -> new Claimed(
                        new Claim(rs.getBoolean(10), rs.getBoolean(11)), locked(rs), (Long) rs.getObject(12)))
                .optional();
    }

    /** The claims of a sale's hold requests (by reference) and its products, locked (by id; one that does not exist is not there). */
    record ClaimedLines(Map<String, Claim> claims, Map<Long, Locked> products) {}

    /**
     * Records (or finds) the rows of several hold requests, in the order of their references (the order a release takes
     * them in), then locks their products, in id order (so two callers never wait on each other in a circle), in one
     * statement, as {@link #claimAndLock(String, Long, String)} does for one: the products are locked only after every
     * request's row (the statement that locks them reads the claims first). The rows stay locked until the transaction
     * ends.
     */
    ClaimedLines claimAndLock(Collection<String> requestRefs, Collection<Long> productIds, Collection<Long> options) {
        Map<String, Claim> claims = new HashMap<>();
        Map<Long, Locked> products = new HashMap<>();
        sql.sql(
                        """
                        with claim as (
                            insert into hold_requests (request_ref)
                            select ref from unnest(cast(:refs as varchar[])) as r(ref) order by ref
                            on conflict (request_ref) do update set request_ref = excluded.request_ref
                            returning request_ref, released, not (xmax = 0) as repeated),
                        wanted as (
                            select unnest(cast(:ids as bigint[])) as id
                            union
                            select rc.component_id from recipe_components rc join products m on m.id = rc.product_id
                             where m.id = any(cast(:ids as bigint[])) and %s
                            union
                            select o.component_id from modifier_options o
                             where o.id = any(cast(:options as bigint[])) and o.component_id is not null),
                        locked as (
                            select p.id, p.name, p.sku, u.short_name, p.sale_price, p.tax_rate, p.track_inventory, p.cost_price,
                                   p.is_active,
                                   %s as composite,
                                   exists (select 1 from product_modifier_groups pm join modifier_groups g on g.id = pm.group_id
                                           where pm.product_id = p.id and g.min_choices > 0) as needs_modifiers
                              from products p join units u on u.id = p.unit_id
                             where p.id in (select id from wanted) and (select count(*) from claim) >= 0
                             order by %s desc, p.id
                               for no key update of p)
                        select id, name, sku, short_name, sale_price, tax_rate, track_inventory, cost_price, is_active,
                               null, null, null, needs_modifiers, composite
                          from locked
                        union all
                        select null, null, null, null, null, null, null, null, null, request_ref, released, repeated, null,
                               null
                          from claim
                        """
                                .formatted(MadeOfOthers.of("m"), MadeOfOthers.P, MadeOfOthers.P))
                .param("refs", requestRefs.toArray(String[]::new))
                .param("ids", productIds.toArray(Long[]::new))
                .param("options", options.toArray(Long[]::new))
                .query(rs -> {
                    if (rs.getString(10) != null) {
                        claims.put(rs.getString(10), new Claim(rs.getBoolean(11), rs.getBoolean(12)));
                    } else {
                        products.put(rs.getLong(1), locked(rs));
                    }
                });
        return new ClaimedLines(claims, products);
    }

    /**
     * The locked product of a row whose first nine columns are a product's and which says {@code needs_modifiers}, as
     * {@link #claimAndLock} selects them.
     */
    private static Locked locked(ResultSet rs) throws SQLException {
        return new Locked(
                new Reservation.Product(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getBigDecimal(5),
                        rs.getBigDecimal(6),
                        rs.getBoolean(7)),
                rs.getBigDecimal(8),
                rs.getBoolean(9),
                rs.getBoolean("needs_modifiers"),
                rs.getBoolean("composite"));
    }

    /** A component of a product made of others: how much of it goes into one unit. */
    record Part(long component, BigDecimal quantity) {}

    /** What each of {@code products} is made of, in its recipe's order. */
    Map<Long, List<Part>> recipes(Collection<Long> products) {
        Map<Long, List<Part>> recipes = new HashMap<>();
        sql.sql(
                        """
                        select product_id, component_id, quantity from recipe_components
                         where product_id = any(cast(:products as bigint[])) order by product_id, position, component_id
                        """)
                .param("products", SqlArrays.texts(products))
                .query(rs -> {
                    recipes.computeIfAbsent(rs.getLong(1), p -> new ArrayList<>())
                            .add(new Part(rs.getLong(2), rs.getBigDecimal(3)));
                });
        return recipes;
    }

    /**
     * Locks the components of a product made of others (its recipe's, and those the chosen {@code options} put in), in id
     * order, after the product itself: every hold locks the products made of others before the rest, each group in id
     * order, so two holds never wait for each other in a circle.
     */
    Map<Long, Locked> lockComponents(long product, Collection<Long> options) {
        Map<Long, Locked> components = new HashMap<>();
        sql.sql(
                        """
                        select p.id, p.name, p.sku, u.short_name, p.sale_price, p.tax_rate, p.track_inventory, p.cost_price,
                               p.is_active, false as needs_modifiers, false as composite
                          from products p join units u on u.id = p.unit_id
                         where p.id in (select component_id from recipe_components where product_id = :product
                                        union
                                        select component_id from modifier_options
                                         where id = any(cast(:options as bigint[])) and component_id is not null)
                         order by p.id
                           for no key update of p
                        """)
                .param("product", product)
                .param("options", options.toArray(Long[]::new))
                .query(rs -> {
                    components.put(rs.getLong(1), locked(rs));
                });
        return components;
    }

    /** A hold request's claim, its product (locked), and the batch a scanned batch code named. */
    record Claimed(Claim claim, Locked locked, Long scannedBatch) {}

    /** Marks the requests released (waiting for a hold of the same reference still in flight) and cancels their active holds. */
    int release(Collection<String> requestRefs) {
        String[] refs = requestRefs.toArray(String[]::new);
        sql.sql(
                        """
                        insert into hold_requests (request_ref, released) select unnest(cast(:refs as varchar[])), true
                        on conflict (request_ref) do update set released = true
                        """)
                .param("refs", refs)
                .update();
        return sql.sql("update reservations set status = 'cancelled', updated_at = now() "
                        + "where status = 'active' and request_ref = any(cast(:refs as varchar[]))")
                .param("refs", refs)
                .update();
    }

    /** The active holds of a request, oldest first, with their batch's number and cost. */
    List<Reservation.Allocation> allocations(String requestRef) {
        return sql.sql(
                        """
                        select r.id, r.batch_id, b.batch_number, r.quantity, coalesce(b.purchase_price, p.cost_price)
                          from reservations r join products p on p.id = r.product_id left join batches b on b.id = r.batch_id
                         where r.request_ref = :ref and r.status = 'active' order by r.id
                        """)
                .param("ref", requestRef)
                .query((rs, i) -> new Reservation.Allocation(
                        rs.getLong(1),
                        (Long) rs.getObject(2),
                        rs.getString(3),
                        rs.getBigDecimal(4),
                        rs.getBigDecimal(5)))
                .list();
    }

    /** A line to hold from batches: its product (and batch, when one is named), how much, and under which request. */
    record Ask(
            long productId, Long batchId, BigDecimal quantity, boolean allowShort, String requestRef, String saleRef) {}

    /**
     * Holds each line's {@code quantity} of its product's unexpired active batches (or of the one named), earliest expiry
     * first (FEFO), no expiry last, across batches when one is not enough; every line in one statement that reads what each
     * batch has free and writes the holds. Nothing is held for a line when all of them together have less, unless it
     * {@code allowShort} (then each gives what it has). Answers, per line (by its index), every candidate batch in FEFO
     * order, with what it had free and what was held of it. Runs after the products are locked, so it sees every hold
     * committed before it; the lines must name different products (what one line holds is not free to another line of
     * the same statement: the caller asks for a product's next line in a statement after it).
     */
    Map<Integer, List<Candidate>> allocate(List<Ask> lines, Timestamp until) {
        Map<Integer, List<Candidate>> candidates = new HashMap<>();
        sql.sql(
                        """
                        with l as (
                            select * from unnest(cast(:products as bigint[]), cast(:batches as bigint[]), cast(:quantities as numeric[]),
                                                 cast(:shorts as boolean[]), cast(:refs as varchar[]), cast(:sales as varchar[]))
                                   with ordinality as l(product, batch, quantity, short, ref, sale, line)),
                        c as (
                            select l.line, l.product, l.quantity, l.short, l.ref, l.sale, b.id, b.batch_number, b.purchase_price,
                                   greatest(b.quantity - coalesce((select sum(h.quantity) from reservations h
                                              where h.batch_id = b.id and h.status = 'active' and h.reserved_until > now()), 0), 0) as free,
                                   row_number() over (partition by l.line order by """
                                + Expiry.TILL_ORDER
                                + """
                                                      ) as n
                              from l join batches b on b.product_id = l.product
                             where b.is_active and """
                                + Expiry.SELLABLE
                                + """
                               and (l.batch is null or b.id = l.batch)),
                        a as (
                            select c.*, case when sum(c.free) over (partition by c.line) >= c.quantity or c.short
                                             then greatest(least(c.free, c.quantity - coalesce(sum(c.free) over (
                                                      partition by c.line order by c.n
                                                      rows between unbounded preceding and 1 preceding), 0)), 0)
                                             else 0 end as take
                              from c),
                        held as (
                            insert into reservations (product_id, batch_id, quantity, request_ref, sale_ref, reserved_until)
                            select a.product, a.id, a.take, a.ref, a.sale, :until from a where a.take > 0 order by a.line, a.n
                            returning id, batch_id, request_ref)
                        select a.line, a.id, a.batch_number, a.purchase_price, a.free, a.take, held.id
                          from a left join held on held.batch_id = a.id and held.request_ref = a.ref order by a.line, a.n
                        """)
                .param("products", SqlArrays.texts(lines, Ask::productId))
                .param("today", TenantContext.require().today())
                .param("batches", SqlArrays.texts(lines, Ask::batchId))
                .param("quantities", SqlArrays.texts(lines, Ask::quantity))
                .param("shorts", SqlArrays.texts(lines, Ask::allowShort))
                .param("refs", SqlArrays.texts(lines, Ask::requestRef))
                .param("sales", SqlArrays.texts(lines, Ask::saleRef))
                .param("until", until)
                .query(rs -> {
                    candidates
                            .computeIfAbsent(rs.getInt(1) - 1, line -> new ArrayList<>())
                            .add(new Candidate(
                                    rs.getLong(2),
                                    rs.getString(3),
                                    rs.getBigDecimal(4),
                                    rs.getBigDecimal(5),
                                    rs.getBigDecimal(6),
                                    (Long) rs.getObject(7)));
                });
        return candidates;
    }

    long insert(long productId, Long batchId, BigDecimal quantity, String requestRef, String saleRef, Timestamp until) {
        return sql.sql(
                        """
                        insert into reservations (product_id, batch_id, quantity, request_ref, sale_ref, reserved_until)
                        values (:product, :batch, :quantity, :ref, :sale, :until) returning id
                        """)
                .param("product", productId)
                .param("batch", batchId)
                .param("quantity", quantity)
                .param("ref", requestRef)
                .param("sale", saleRef)
                .param("until", until)
                .query(Long.class)
                .single();
    }

    /**
     * Completes the active holds of the requests (sales' lines), each for its sale ({@code saleOfRequest}: request →
     * sale), and answers them in id order, in one statement that locks them in id order first. The references travel as
     * arrays, so any number of sales and lines runs the same statement (an {@code in} list would be a new statement per
     * length).
     */
    /** The sale a hold completes with: its id, receipt number and buyer (null: anonymous) with their name and phone. */
    record Completion(String sale, String receiptNumber, Long customer, String customerName, String customerPhone) {}

    List<Held> completeHolds(Map<String, Completion> saleOfRequest) {
        List<Completion> sold = new ArrayList<>(saleOfRequest.values());
        return sql
                .sql(
                        """
                        with sold as (select ref, sale, receipt, customer, name, phone
                                        from unnest(cast(:refs as varchar[]), cast(:sales as varchar[]), cast(:receipts as varchar[]),
                                                    cast(:customers as bigint[]), cast(:names as varchar[]), cast(:phones as varchar[]))
                                             as s(ref, sale, receipt, customer, name, phone)),
                             held as (select r.id, sold.sale, sold.receipt, sold.customer, sold.name, sold.phone
                                        from reservations r join sold on sold.ref = r.request_ref
                                       where r.status = 'active' order by r.id for update of r)
                        update reservations r set status = 'completed', sale_ref = held.sale, receipt_number = held.receipt,
                               customer_id = held.customer, customer_name = held.name, customer_phone = held.phone, updated_at = now()
                          from held where r.id = held.id
                        returning r.id, r.product_id, r.batch_id, r.quantity, r.request_ref
                        """)
                .param("refs", saleOfRequest.keySet().toArray(String[]::new))
                .param("sales", SqlArrays.texts(sold, Completion::sale))
                .param("receipts", SqlArrays.texts(sold, Completion::receiptNumber))
                .param("customers", SqlArrays.texts(sold, Completion::customer))
                .param("names", SqlArrays.texts(sold, Completion::customerName))
                .param("phones", SqlArrays.texts(sold, Completion::customerPhone))
                .query((rs, i) -> new Held(
                        rs.getLong(1), rs.getLong(2), (Long) rs.getObject(3), rs.getBigDecimal(4), rs.getString(5)))
                .list()
                .stream()
                .sorted(Comparator.comparingLong(Held::id))
                .toList();
    }

    /** Expires the lapsed active holds and forgets hold requests older than a day; answers how many holds expired. */
    int expireLapsed() {
        sql.sql("delete from hold_requests where created_at < now() - interval '1 day'")
                .update();
        return sql.sql(
                        "update reservations set status = 'expired', updated_at = now() where status = 'active' and reserved_until <= now()")
                .update();
    }
}
