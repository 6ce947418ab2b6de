package dev.kassa.sales.till;

import dev.kassa.platform.data.LikePatterns;
import dev.kassa.platform.data.SqlArrays;
import dev.kassa.platform.web.JdbcPages;
import dev.kassa.platform.web.SqlOrdering;
import dev.kassa.sales.catalog.Hold;
import dev.kassa.sales.shift.SessionRepository;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Sales, their lines and payments in the current store (inside the caller's transaction). */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
class SaleRepository {

    record Sale(
            long id,
            long sessionId,
            String registerName,
            long registerId,
            long cashierUserId,
            String cashierName,
            String receiptNumber,
            SaleStatus status,
            Long customerId,
            String customerName,
            String customerPhone,
            BigDecimal subtotal,
            BigDecimal discountAmount,
            BigDecimal discountPercent,
            BigDecimal taxAmount,
            BigDecimal totalAmount,
            BigDecimal changeAmount,
            String notes,
            Instant createdAt,
            Instant completedAt,
            LocalDate businessDate) {

        Sale withTotals(SaleTotals t) {
            return new Sale(
                    id,
                    sessionId,
                    registerName,
                    registerId,
                    cashierUserId,
                    cashierName,
                    receiptNumber,
                    status,
                    customerId,
                    customerName,
                    customerPhone,
                    t.subtotal(),
                    t.discount(),
                    discountPercent,
                    t.tax(),
                    t.total(),
                    changeAmount,
                    notes,
                    createdAt,
                    completedAt,
                    businessDate);
        }
    }

    record Item(
            long id,
            long saleId,
            long productId,
            String productName,
            String productSku,
            String unit,
            Long batchId,
            String batchNumber,
            BigDecimal quantity,
            BigDecimal unitPrice,
            BigDecimal unitCost,
            BigDecimal discountAmount,
            BigDecimal taxRate,
            BigDecimal lineTotal,
            String reservationRef,
            BigDecimal refundedQuantity,
            Instant createdAt) {}

    record Payment(
            long id,
            long saleId,
            long sessionId,
            String method,
            BigDecimal amount,
            BigDecimal receivedAmount,
            BigDecimal changeAmount,
            String cardLast4,
            String transactionId,
            Instant createdAt) {}

    /** A sale's columns from {@code s}, a row of sales joined to its shift and register ({@link #SALE}). */
    private static final String SALE_COLUMNS =
            """
            select s.id, s.session_id, r.name, r.id, s.cashier_user_id, s.cashier_name, s.receipt_number, s.status, s.customer_id,
                   s.customer_name, s.customer_phone, s.subtotal, s.discount_amount, s.discount_percent, s.tax_amount, s.total_amount,
                   s.change_amount, s.notes, s.created_at, s.completed_at, s.business_date
            """;

    private static final String SELECT_SALE = SALE_COLUMNS
            + " from sales s join sessions se on se.id = s.session_id join cash_registers r on r.id = se.cash_register_id\n";

    /**
     * {@code write} (an insert or update of one sale {@code returning *}) and the sale as written, in one statement: the
     * row comes from the statement itself, so nothing reads it again.
     */
    private static String writingSale(String write) {
        return writingSale("", write);
    }

    /** {@link #writingSale(String)} after the common table expressions {@code before} ({@code "name as (…),\n"}) it reads. */
    private static String writingSale(String before, String write) {
        return "with " + before + "s as (" + write + " returning *)\n" + SALE_COLUMNS
                + " from s join sessions se on se.id = s.session_id join cash_registers r on r.id = se.cash_register_id";
    }

    private static final RowMapper<Sale> SALE = (rs, i) -> new Sale(
            rs.getLong(1),
            rs.getLong(2),
            rs.getString(3),
            rs.getLong(4),
            rs.getLong(5),
            rs.getString(6),
            rs.getString(7),
            SaleStatus.of(rs.getString(8)),
            (Long) rs.getObject(9),
            rs.getString(10),
            rs.getString(11),
            rs.getBigDecimal(12),
            rs.getBigDecimal(13),
            rs.getBigDecimal(14),
            rs.getBigDecimal(15),
            rs.getBigDecimal(16),
            rs.getBigDecimal(17),
            rs.getString(18),
            rs.getTimestamp(19).toInstant(),
            ts(rs.getTimestamp(20)),
            rs.getObject(21, LocalDate.class));
    private static final RowMapper<Item> ITEM = (rs, i) -> new Item(
            rs.getLong("id"),
            rs.getLong("sale_id"),
            rs.getLong("product_id"),
            rs.getString("product_name"),
            rs.getString("product_sku"),
            rs.getString("unit"),
            (Long) rs.getObject("batch_id"),
            rs.getString("batch_number"),
            rs.getBigDecimal("quantity"),
            rs.getBigDecimal("unit_price"),
            rs.getBigDecimal("unit_cost"),
            rs.getBigDecimal("discount_amount"),
            rs.getBigDecimal("tax_rate"),
            rs.getBigDecimal("line_total"),
            rs.getString("reservation_ref"),
            rs.getBigDecimal("refunded_quantity"),
            rs.getTimestamp("created_at").toInstant());
    private static final RowMapper<Payment> PAYMENT = (rs, i) -> new Payment(
            rs.getLong("id"),
            rs.getLong("sale_id"),
            rs.getLong("session_id"),
            rs.getString("payment_method"),
            rs.getBigDecimal("amount"),
            rs.getBigDecimal("received_amount"),
            rs.getBigDecimal("change_amount"),
            rs.getString("card_last4"),
            rs.getString("transaction_id"),
            rs.getTimestamp("created_at").toInstant());

    private final JdbcClient sql;

    SaleRepository(JdbcClient sql) {
        this.sql = sql;
    }

    /** The sale with its lines and tenders, as the API shows it. */
    Optional<SaleView> findView(long id) {
        // payments are written only in the transaction that completes a sale: a draft (every scan's answer) has none to
        // read
        return find(id).map(sale ->
                SaleView.of(sale, items(id), sale.status() == SaleStatus.PENDING ? List.of() : payments(id)));
    }

    /** {@link #findView} of a sale known to exist. */
    SaleView view(long id) {
        return findView(id).orElseThrow();
    }

    Optional<Sale> find(long id) {
        return sql.sql(SELECT_SALE + " where s.id = :id")
                .param("id", id)
                .query(SALE)
                .optional();
    }

    Optional<Sale> lock(long id) {
        return sql.sql(SELECT_SALE + " where s.id = :id for update of s")
                .param("id", id)
                .query(SALE)
                .optional();
    }

    /**
     * The cashier's draft in the shift, if the shift is open, with both rows locked in one statement: the shift first, as
     * every path that locks both does (closing a shift, making a draft), so no two wait for each other.
     */
    Optional<Sale> draftInOpenShift(long sessionId, long cashierUserId) {
        return sql.sql(
                        SALE_COLUMNS
                                + """
                                 from sessions se join cash_registers r on r.id = se.cash_register_id
                                      join sales s on s.session_id = se.id
                                where se.id = :session and se.status = 'open' and s.cashier_user_id = :cashier and s.status = 'pending'
                                for update of se, s
                                """)
                .param("session", sessionId)
                .param("cashier", cashierUserId)
                .query(SALE)
                .optional();
    }

    Optional<Sale> draftOf(long sessionId, long cashierUserId) {
        return sql.sql(
                        SELECT_SALE
                                + " where s.session_id = :session and s.cashier_user_id = :cashier and s.status = 'pending' for update of s")
                .param("session", sessionId)
                .param("cashier", cashierUserId)
                .query(SALE)
                .optional();
    }

    /** Counts a register's receipts of a business date: the statement answers the new count as {@code last_number}. */
    private static final String NEXT_RECEIPT =
            """
            insert into receipt_counters (register_code, business_date, last_number) values (:register, :date, 1)
            on conflict (register_code, business_date) do update set last_number = receipt_counters.last_number + 1
            returning last_number""";

    private static String receiptPrefix(String registerCode, LocalDate businessDate) {
        return registerCode + "-" + businessDate.toString().replace("-", "") + "-";
    }

    /**
     * A new draft with the register's next receipt number of the business date ({@code MAIN-20250117-0001}), numbered and
     * written in one statement; as {@link #find} would answer it.
     */
    Sale createDraft(
            long sessionId, long cashierUserId, String cashierName, String registerCode, LocalDate businessDate) {
        return sql.sql(
                        writingSale(
                                "n as (" + NEXT_RECEIPT + "),\n",
                                """
                        insert into sales (session_id, cashier_user_id, cashier_name, receipt_number)
                        select :session, :cashier, :cashierName,
                               :prefix || lpad(n.last_number::text, greatest(4, length(n.last_number::text)), '0') from n"""))
                .param("register", registerCode)
                .param("date", businessDate)
                .param("prefix", receiptPrefix(registerCode, businessDate))
                .param("session", sessionId)
                .param("cashier", cashierUserId)
                .param("cashierName", cashierName)
                .query(SALE)
                .single();
    }

    /** Lines of many sales in one query (for lists), keyed by sale id. */
    Map<Long, List<Item>> itemsOf(List<Long> saleIds) {
        if (saleIds.isEmpty()) {
            return Map.of();
        }
        return sql
                .sql("select * from sale_items where sale_id in (:sales) order by id")
                .param("sales", saleIds)
                .query(ITEM)
                .list()
                .stream()
                .collect(Collectors.groupingBy(Item::saleId));
    }

    /** Payments of many sales in one query (for lists), keyed by sale id. */
    Map<Long, List<Payment>> paymentsOf(List<Long> saleIds) {
        if (saleIds.isEmpty()) {
            return Map.of();
        }
        return sql
                .sql("select * from payments where sale_id in (:sales) order by id")
                .param("sales", saleIds)
                .query(PAYMENT)
                .list()
                .stream()
                .collect(Collectors.groupingBy(Payment::saleId));
    }

    Page<Item> itemPage(Long sale, Long product, String orderBy, Pageable page) {
        String where =
                """
                where (cast(:sale as bigint) is null or i.sale_id = :sale) and (cast(:product as bigint) is null or i.product_id = :product)
                """;
        return JdbcPages.page(
                sql,
                "select i.* from sale_items i",
                "from sale_items i",
                where,
                orderBy,
                q -> q.param("sale", sale).param("product", product),
                ITEM,
                page);
    }

    Optional<Item> item(long id) {
        return sql.sql("select * from sale_items where id = :id")
                .param("id", id)
                .query(ITEM)
                .optional();
    }

    List<Item> items(long saleId) {
        return sql.sql("select * from sale_items where sale_id = :sale order by id")
                .param("sale", saleId)
                .query(ITEM)
                .list();
    }

    List<Payment> payments(long saleId) {
        return sql.sql("select * from payments where sale_id = :sale order by id")
                .param("sale", saleId)
                .query(PAYMENT)
                .list();
    }

    /**
     * A line per batch the hold took from, at the product's price, under the hold's reference (and the request's): a
     * scan's lines are told apart by their hold reference, so a line is never merged into another; its total is
     * {@link SaleTotals#lineTotal}. Written in one statement, which answers every line of the sale with the new ones, in
     * order (what the sale's totals are recomputed from).
     */
    List<Item> addLines(long saleId, Hold hold, String ref, String requestRef) {
        return addLines(saleId, List.of(hold), List.of(ref), requestRef);
    }

    /** {@link #addLines(long, Hold, String, String)} for several holds, each under its reference, in one statement. */
    List<Item> addLines(long saleId, List<Hold> holds, List<String> refs, String requestRef) {
        record Row(Hold.Product product, String ref, Hold.Allocation allocation) {}
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < holds.size(); i++) {
            for (Hold.Allocation a : holds.get(i).allocations()) {
                rows.add(new Row(holds.get(i).product(), refs.get(i), a));
            }
        }
        return sql.sql(
                        """
                with added as (
                    insert into sale_items (sale_id, product_id, product_name, product_sku, unit, batch_id, batch_number, quantity,
                                            unit_price, unit_cost, tax_rate, line_total, reservation_ref, request_ref)
                    select :sale, a.product, a.name, a.sku, a.unit, a.batch, a.number, a.quantity, a.price, a.cost, a.tax_rate,
                           a.total, a.ref, :request
                      from unnest(cast(:products as bigint[]), cast(:names as text[]), cast(:skus as text[]),
                                  cast(:units as text[]), cast(:prices as numeric[]), cast(:taxRates as numeric[]),
                                  cast(:refs as text[]), cast(:batches as bigint[]), cast(:numbers as text[]),
                                  cast(:quantities as numeric[]), cast(:costs as numeric[]), cast(:totals as numeric[]))
                           with ordinality as a(product, name, sku, unit, price, tax_rate, ref, batch, number, quantity, cost,
                                                total, n)
                     order by a.n
                    returning *)
                select * from (select * from sale_items where sale_id = :sale union all select * from added) lines order by id
                """)
                .param("sale", saleId)
                .param("request", requestRef)
                .param("products", SqlArrays.texts(rows, r -> r.product().id()))
                .param("names", SqlArrays.texts(rows, r -> r.product().name()))
                .param("skus", SqlArrays.texts(rows, r -> r.product().sku()))
                .param(
                        "units",
                        SqlArrays.texts(
                                rows,
                                r -> r.product().unit() == null
                                        ? ""
                                        : r.product().unit()))
                .param("prices", SqlArrays.texts(rows, r -> r.product().salePrice()))
                .param("taxRates", SqlArrays.texts(rows, r -> r.product().taxRate()))
                .param("refs", SqlArrays.texts(rows, Row::ref))
                .param("batches", SqlArrays.texts(rows, r -> r.allocation().batchId()))
                .param("numbers", SqlArrays.texts(rows, r -> r.allocation().batchNumber()))
                .param("quantities", SqlArrays.texts(rows, r -> r.allocation().quantity()))
                .param("costs", SqlArrays.texts(rows, r -> r.allocation().unitCost()))
                .param(
                        "totals",
                        SqlArrays.texts(
                                rows,
                                r -> SaleTotals.lineTotal(
                                        r.allocation().quantity(), r.product().salePrice(), BigDecimal.ZERO)))
                .query(ITEM)
                .list();
    }

    /** Recomputes a sale's totals from its lines ({@link SaleTotals}) and stores them; answers the sale as the API shows it now. */
    SaleView recalculate(long saleId) {
        return recalculate(lock(saleId).orElseThrow());
    }

    /** {@link #recalculate(long)} of a sale locked (or created) in this transaction, so its discount is the current one. */
    SaleView recalculate(Sale sale) {
        return recalculate(sale, items(sale.id()));
    }

    /** {@link #recalculate(Sale)} with the sale's lines as they now stand, read already. */
    SaleView recalculate(Sale sale, List<Item> items) {
        Sale now = total(sale, items);
        return SaleView.of(now, items, now.status() == SaleStatus.PENDING ? List.of() : payments(sale.id()));
    }

    /**
     * Recomputes a sale's totals from its lines as they now stand ({@link SaleTotals}), stores them and answers the sale with
     * them; {@code sale} is locked or created in this transaction, so its discount is the current one.
     */
    Sale total(Sale sale, List<Item> items) {
        Sale totalled = totalled(sale, items);
        sql.sql(
                        "update sales set subtotal = :subtotal, discount_amount = :discount, tax_amount = :tax, total_amount = :total where id = :id")
                .param("subtotal", totalled.subtotal())
                .param("discount", totalled.discountAmount())
                .param("tax", totalled.taxAmount())
                .param("total", totalled.totalAmount())
                .param("id", sale.id())
                .update();
        return totalled;
    }

    /** The sale with its totals recomputed from its lines as they now stand ({@link SaleTotals}), not stored. */
    static Sale totalled(Sale sale, List<Item> items) {
        return sale.withTotals(SaleTotals.of(
                items.stream()
                        .map(i -> new SaleTotals.Line(i.lineTotal(), i.taxRate()))
                        .toList(),
                sale.discountPercent(),
                sale.discountAmount()));
    }

    /** A line's discount as an amount off its gross (quantity × price); its total follows ({@link SaleTotals#lineTotal}). */
    void setLineDiscount(Item line, BigDecimal amount) {
        sql.sql("update sale_items set discount_amount = :amount, line_total = :lineTotal where id = :id")
                .param("amount", amount)
                .param("lineTotal", SaleTotals.lineTotal(line.quantity(), line.unitPrice(), amount))
                .param("id", line.id())
                .update();
    }

    /** The sale's discount: a percent of the subtotal, or (percent 0) an amount off it. */
    void setSaleDiscount(long saleId, BigDecimal percent, BigDecimal amount, long by) {
        setSaleDiscount(saleId, percent, amount, by, false);
    }

    /** The sale's discount; {@code fromGroup}: it is the attached buyer's group discount, which goes when the buyer does. */
    void setSaleDiscount(long saleId, BigDecimal percent, BigDecimal amount, long by, boolean fromGroup) {
        sql.sql(
                        "update sales set discount_percent = :percent, discount_amount = :amount, discount_by = :by, discount_from_group = :group where id = :id")
                .param("percent", percent)
                .param("amount", amount)
                .param("by", by)
                .param("group", fromGroup)
                .param("id", saleId)
                .update();
    }

    /** Takes the attached buyer's group discount off the sale, if its discount is that; answers whether it was. */
    boolean dropGroupDiscount(long saleId) {
        return sql.sql(
                                """
                        update sales set discount_percent = 0, discount_amount = 0, discount_from_group = false
                         where id = :id and discount_from_group
                        """)
                        .param("id", saleId)
                        .update()
                > 0;
    }

    /**
     * What is checked before a sale sent whole holds its stock, read in one statement: the sale its client id recorded before
     * (null without one, or without a client id) and the shift it names (empty when there is none) with the time it was opened.
     */
    record BeforeHold(Long earlier, Optional<SessionRepository.TillShift> shift, Instant shiftOpenedAt) {}

    BeforeHold beforeHold(long sessionId, UUID clientId) {
        return sql.sql(
                        """
                        select (select s.id from sales s where s.client_id = :client), se.id, r.code, se.status, se.opened_at
                          from (values (1)) one left join sessions se on se.id = :session
                               left join cash_registers r on r.id = se.cash_register_id
                        """)
                .param("client", clientId)
                .param("session", sessionId)
                .query((rs, i) -> new BeforeHold(
                        (Long) rs.getObject(1),
                        rs.getObject(2) == null ? Optional.empty() : Optional.of(SessionRepository.TillShift.of(rs, 2)),
                        rs.getObject(5) == null ? null : rs.getTimestamp(5).toInstant()))
                .single();
    }

    Optional<Sale> findByClientId(UUID clientId) {
        return sql.sql(SELECT_SALE + " where s.client_id = :client")
                .param("client", clientId)
                .query(SALE)
                .optional();
    }

    /** Keeps what was decided to record an uploaded sale (a JSON array of {@link UploadDecision}). */
    void keepUploadDecisions(long saleId, String decisions) {
        sql.sql("update sales set upload_decisions = cast(:decisions as jsonb) where id = :id")
                .param("decisions", decisions)
                .param("id", saleId)
                .update();
    }

    /** What was decided to record an uploaded sale, as kept (a JSON array), if anything was. */
    Optional<String> uploadDecisions(long saleId) {
        return sql.sql(
                        "select cast(upload_decisions as text) from sales where id = :id and upload_decisions is not null")
                .param("id", saleId)
                .query(String.class)
                .optional();
    }

    /**
     * A sale sent whole (a till that keeps its draft, an offline till uploading), numbered as {@link #createDraft} numbers a
     * draft and written as completed, in one statement, in the transaction that adds its lines and payments; as {@link #find}
     * would answer it (its totals are written when it is completed: {@link #complete}).
     */
    Sale createCompleted(
            long sessionId,
            long cashierUserId,
            String cashierName,
            String registerCode,
            LocalDate businessDate,
            UUID clientId,
            String notes) {
        return sql.sql(
                        writingSale(
                                "n as (" + NEXT_RECEIPT + "),\n",
                                """
                        insert into sales (session_id, cashier_user_id, cashier_name, receipt_number, status, client_id, notes)
                        select :session, :cashier, :cashierName,
                               :prefix || lpad(n.last_number::text, greatest(4, length(n.last_number::text)), '0'),
                               'completed', :client, :notes from n"""))
                .param("register", registerCode)
                .param("date", businessDate)
                .param("prefix", receiptPrefix(registerCode, businessDate))
                .param("session", sessionId)
                .param("cashier", cashierUserId)
                .param("cashierName", cashierName)
                .param("client", clientId)
                .param("notes", notes)
                .query(SALE)
                .single();
    }

    /** Records a tender of the sale and answers it as stored. */
    Payment addPayment(
            long saleId,
            long sessionId,
            String method,
            BigDecimal amount,
            BigDecimal received,
            BigDecimal change,
            String cardLast4,
            String transactionId) {
        return sql.sql(
                        """
                        insert into payments (sale_id, session_id, payment_method, amount, received_amount, change_amount, card_last4, transaction_id)
                        values (:sale, :session, :method, :amount, :received, :change, :cardLast4, :transaction) returning *
                        """)
                .param("sale", saleId)
                .param("session", sessionId)
                .param("method", method)
                .param("amount", amount)
                .param("received", received)
                .param("change", change)
                .param("cardLast4", cardLast4)
                .param("transaction", transactionId)
                .query(PAYMENT)
                .single();
    }

    /** Records the sale for another seller (shared tills). */
    void sellBy(long saleId, long userId, String name) {
        sql.sql("update sales set cashier_user_id = :user, cashier_name = :name where id = :id")
                .param("user", userId)
                .param("name", name)
                .param("id", saleId)
                .update();
    }

    void attachCustomer(long saleId, Long customerId, String name, String phone) {
        sql.sql(
                        "update sales set customer_id = :customer, customer_name = :name, customer_phone = :phone where id = :id")
                .param("customer", customerId)
                .param("name", name)
                .param("phone", phone)
                .param("id", saleId)
                .update();
    }

    /**
     * Completes the sale with the totals {@code sale} carries (the ones stored, or computed in this transaction and not
     * stored yet); {@code checkoutRef} names the keyed checkout request that did it (null without a key). Answers the
     * completed sale.
     */
    Sale complete(Sale sale, BigDecimal change, Instant at, LocalDate businessDate, String checkoutRef) {
        return sql.sql(
                        writingSale(
                                """
                        update sales set status = 'completed', completed_at = :at, sold_at = :at, change_amount = :change, business_date = :date,
                                         checkout_ref = :ref, subtotal = :subtotal, discount_amount = :discount, tax_amount = :tax,
                                         total_amount = :total
                         where id = :id"""))
                .param("at", Timestamp.from(at))
                .param("change", change)
                .param("date", businessDate)
                .param("ref", checkoutRef)
                .param("subtotal", sale.subtotal())
                .param("discount", sale.discountAmount())
                .param("tax", sale.taxAmount())
                .param("total", sale.totalAmount())
                .param("id", sale.id())
                .query(SALE)
                .single();
    }

    /** Whether the sale was completed by the keyed checkout request {@code checkoutRef}. */
    boolean completedBy(long saleId, String checkoutRef) {
        return sql.sql("select exists (select 1 from sales where id = :id and checkout_ref = :ref)")
                .param("id", saleId)
                .param("ref", checkoutRef)
                .query(Boolean.class)
                .single();
    }

    /** The sale holding the lines a keyed scan wrote, if it wrote any. */
    Optional<Long> saleOfRequest(String requestRef) {
        return sql.sql("select sale_id from sale_items where request_ref = :ref limit 1")
                .param("ref", requestRef)
                .query(Long.class)
                .optional();
    }

    /** Whether a refund of the sale was made by the keyed request {@code requestRef}. */
    boolean refundedBy(long saleId, String requestRef) {
        return sql.sql("select exists (select 1 from refunds where sale_id = :sale and request_ref = :ref)")
                .param("sale", saleId)
                .param("ref", requestRef)
                .query(Boolean.class)
                .single();
    }

    /** Removes a line together with the other lines of the same scan (one hold); returns the hold's reference. */
    Optional<String> removeScan(long saleId, long itemId) {
        List<String> refs = sql.sql("select reservation_ref from sale_items where id = :id and sale_id = :sale")
                .param("id", itemId)
                .param("sale", saleId)
                .query(String.class)
                .list();
        if (refs.isEmpty()) {
            return Optional.empty();
        }
        sql.sql("delete from sale_items where sale_id = :sale and reservation_ref = :ref")
                .param("sale", saleId)
                .param("ref", refs.get(0))
                .update();
        return Optional.of(refs.get(0));
    }

    void cancel(long saleId) {
        sql.sql("update sales set status = 'cancelled', cancelled_at = now() where id = :id")
                .param("id", saleId)
                .update();
    }

    BigDecimal refundedAmount(long itemId) {
        return sql.sql("select coalesce(sum(amount), 0) from refund_lines where sale_item_id = :item")
                .param("item", itemId)
                .query(BigDecimal.class)
                .single();
    }

    long addRefund(
            long saleId,
            long sessionId,
            BigDecimal amount,
            String method,
            BigDecimal creditAmount,
            BigDecimal bonusAmount,
            String reason,
            long performedBy,
            LocalDate businessDate,
            String requestRef) {
        return sql.sql(
                        """
                        insert into refunds (sale_id, session_id, amount, method, credit_amount, bonus_amount, reason, performed_by, business_date,
                                             request_ref)
                        values (:sale, :session, :amount, :method, :credit, :bonus, :reason, :by, :date, :ref) returning id
                        """)
                .param("sale", saleId)
                .param("session", sessionId)
                .param("amount", amount)
                .param("method", method)
                .param("credit", creditAmount)
                .param("bonus", bonusAmount)
                .param("reason", reason)
                .param("by", performedBy)
                .param("date", businessDate)
                .param("ref", requestRef)
                .query(Long.class)
                .single();
    }

    /** What the sale's tenders of one method paid ({@code credit}: what the buyer owes for it; {@code bonus}: paid with points). */
    BigDecimal paidBy(long saleId, String method) {
        return sql.sql(
                        "select coalesce(sum(amount), 0) from payments where sale_id = :sale and payment_method = :method")
                .param("sale", saleId)
                .param("method", method)
                .query(BigDecimal.class)
                .single();
    }

    /** What the sale's earlier refunds gave back as {@code credit_amount} or {@code bonus_amount}. */
    BigDecimal refundedAs(long saleId, String column) {
        if (!Set.of("credit_amount", "bonus_amount").contains(column)) {
            throw new IllegalArgumentException(column);
        }
        return sql.sql("select coalesce(sum(" + column + "), 0) from refunds where sale_id = :sale")
                .param("sale", saleId)
                .query(BigDecimal.class)
                .single();
    }

    void addRefundLine(long refundId, long itemId, BigDecimal quantity, BigDecimal amount) {
        sql.sql(
                        "insert into refund_lines (refund_id, sale_item_id, quantity, amount) values (:refund, :item, :quantity, :amount)")
                .param("refund", refundId)
                .param("item", itemId)
                .param("quantity", quantity)
                .param("amount", amount)
                .update();
        sql.sql("update sale_items set refunded_quantity = refunded_quantity + :quantity where id = :item")
                .param("quantity", quantity)
                .param("item", itemId)
                .update();
    }

    void setStatus(long saleId, SaleStatus status) {
        sql.sql("update sales set status = :status where id = :id")
                .param("status", status.wire())
                .param("id", saleId)
                .update();
    }

    /** Sales of the store, newest first, with the seed's filters (status, session, search over receipt and customer). */
    /** The seed's orderings of the sales list (S16), as columns. */
    static final SqlOrdering ORDERING = SqlOrdering.of(
            "-created_at",
            "s.id",
            Map.of("created_at", "s.created_at", "completed_at", "s.completed_at", "total_amount", "s.total_amount"));

    /** What the sales list is narrowed to; every part is optional. */
    record Filter(
            String status,
            Long session,
            String search,
            LocalDate from,
            LocalDate to,
            Long cashierUserId,
            String transactionId) {}

    /** A page of the sales the filter lets through, in {@code orderBy} order, with the count of all of them. */
    Page<Sale> search(Filter f, String orderBy, Pageable page) {
        return JdbcPages.page(
                sql,
                SELECT_SALE,
                "from sales s",
                """
                         where (cast(:status as text) is null or s.status = :status)
                           and (cast(:session as bigint) is null or s.session_id = :session)
                           and (cast(:like as text) is null or s.receipt_number ilike :like or s.customer_name ilike :like
                                or s.customer_phone ilike :like)
                           and (cast(:from as date) is null or s.business_date >= :from)
                           and (cast(:to as date) is null or s.business_date <= :to)
                           and (cast(:cashier as bigint) is null or s.cashier_user_id = :cashier)
                           and (cast(:reference as text) is null or s.receipt_number = :reference
                                or exists (select 1 from payments p where p.sale_id = s.id and p.transaction_id = :reference))
                        """,
                orderBy,
                q -> q.param("status", f.status())
                        .param("session", f.session())
                        .param("like", LikePatterns.contains(f.search()))
                        .param("from", f.from())
                        .param("to", f.to())
                        .param("cashier", f.cashierUserId())
                        .param("reference", f.transactionId()),
                SALE,
                page);
    }

    Optional<Sale> pendingOf(long sessionId, long cashierUserId) {
        return sql.sql(SELECT_SALE
                        + " where s.session_id = :session and s.cashier_user_id = :cashier and s.status = 'pending'")
                .param("session", sessionId)
                .param("cashier", cashierUserId)
                .query(SALE)
                .optional();
    }

    private static Instant ts(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    /** Cancels the drafts left in a shift that closes (a draft with lines stops the close before this). */
    public void cancelEmptyDrafts(long sessionId) {
        sql.sql(
                        "update sales set status = 'cancelled', cancelled_at = now() where session_id = :session and status = 'pending'")
                .param("session", sessionId)
                .update();
    }
}
