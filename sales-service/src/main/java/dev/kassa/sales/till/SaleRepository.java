package dev.kassa.sales.till;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The store's sales ({@code sales}, numbered by {@code receipt_counters}), inside the caller's transaction. */
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

    /** A sale's columns from {@code s}, a row of sales joined to its shift and register ({@link #SALE}). */
    private static final String SALE_COLUMNS =
            """
            select s.id, s.session_id, r.name, r.id, s.cashier_user_id, s.cashier_name, s.receipt_number, s.status, s.customer_id,
                   s.customer_name, s.customer_phone, s.subtotal, s.discount_amount, s.discount_percent, s.tax_amount, s.total_amount,
                   s.change_amount, s.notes, s.created_at, s.completed_at, s.business_date
            """;

    static final String SELECT_SALE = SALE_COLUMNS
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

    static final RowMapper<Sale> SALE = (rs, i) -> new Sale(
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
    private final JdbcClient sql;

    SaleRepository(JdbcClient sql) {
        this.sql = sql;
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
        return draft(
                SALE_COLUMNS
                        + """
                                 from sessions se join cash_registers r on r.id = se.cash_register_id
                                      join sales s on s.session_id = se.id
                                where se.id = :session and se.status = 'open' and s.cashier_user_id = :cashier and s.status = 'pending'
                                for update of se, s
                                """,
                sessionId,
                cashierUserId);
    }

    Optional<Sale> draftOf(long sessionId, long cashierUserId) {
        return draft(
                SELECT_SALE
                        + " where s.session_id = :session and s.cashier_user_id = :cashier and s.status = 'pending' for update of s",
                sessionId,
                cashierUserId);
    }

    /** The sale a statement that binds the shift ({@code :session}) and the cashier ({@code :cashier}) finds. */
    private Optional<Sale> draft(String statement, long sessionId, long cashierUserId) {
        return sql.sql(statement)
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

    /**
     * A new draft with the register's next receipt number of the business date ({@code MAIN-20250117-0001}), numbered and
     * written in one statement; as {@link #find} would answer it.
     */
    Sale createDraft(
            long sessionId, long cashierUserId, String cashierName, String registerCode, LocalDate businessDate) {
        return numbered(
                        """
                        insert into sales (session_id, cashier_user_id, cashier_name, receipt_number)
                        select :session, :cashier, :cashierName,
                               :prefix || lpad(n.last_number::text, greatest(4, length(n.last_number::text)), '0') from n""",
                        sessionId,
                        cashierUserId,
                        cashierName,
                        registerCode,
                        businessDate)
                .query(SALE)
                .single();
    }

    /**
     * An insert of a sale that takes the register's next receipt number of the business date ({@code n}), with the shift,
     * the cashier and the receipt's prefix bound.
     */
    private JdbcClient.StatementSpec numbered(
            String insert,
            long sessionId,
            long cashierUserId,
            String cashierName,
            String registerCode,
            LocalDate businessDate) {
        return sql.sql(writingSale("n as (" + NEXT_RECEIPT + "),\n", insert))
                .param("register", registerCode)
                .param("date", businessDate)
                .param("prefix", registerCode + "-" + businessDate.toString().replace("-", "") + "-")
                .param("session", sessionId)
                .param("cashier", cashierUserId)
                .param("cashierName", cashierName);
    }

    /**
     * Recomputes a sale's totals from its lines as they now stand ({@link SaleTotals}), stores them and answers the sale with
     * them; {@code sale} is locked or created in this transaction, so its discount is the current one.
     */
    Sale total(Sale sale, List<SaleLineRepository.Item> items) {
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
    static Sale totalled(Sale sale, List<SaleLineRepository.Item> items) {
        return sale.withTotals(SaleTotals.of(
                items.stream()
                        .map(i -> new SaleTotals.Line(i.lineTotal(), i.taxRate()))
                        .toList(),
                sale.discountPercent(),
                sale.discountAmount()));
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

    /** Keeps what was decided to record an uploaded sale (a JSON array of {@link UploadDecision}). */
    void keepUploadDecisions(long saleId, String decisions) {
        sql.sql("update sales set upload_decisions = cast(:decisions as jsonb) where id = :id")
                .param("decisions", decisions)
                .param("id", saleId)
                .update();
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
        return numbered(
                        """
                        insert into sales (session_id, cashier_user_id, cashier_name, receipt_number, status, client_id, notes)
                        select :session, :cashier, :cashierName,
                               :prefix || lpad(n.last_number::text, greatest(4, length(n.last_number::text)), '0'),
                               'completed', :client, :notes from n""",
                        sessionId,
                        cashierUserId,
                        cashierName,
                        registerCode,
                        businessDate)
                .param("client", clientId)
                .param("notes", notes)
                .query(SALE)
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
     * stored yet); {@code requestKey} names the keyed checkout request that did it (null without a key). Answers the
     * completed sale.
     */
    Sale complete(Sale sale, BigDecimal change, Instant at, LocalDate businessDate, String requestKey) {
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
                .param("ref", requestKey)
                .param("subtotal", sale.subtotal())
                .param("discount", sale.discountAmount())
                .param("tax", sale.taxAmount())
                .param("total", sale.totalAmount())
                .param("id", sale.id())
                .query(SALE)
                .single();
    }

    /** Whether the sale was completed by the keyed checkout request {@code requestKey}. */
    boolean completedBy(long saleId, String requestKey) {
        return sql.sql("select exists (select 1 from sales where id = :id and checkout_ref = :ref)")
                .param("id", saleId)
                .param("ref", requestKey)
                .query(Boolean.class)
                .single();
    }

    void cancel(long saleId) {
        sql.sql("update sales set status = 'cancelled', cancelled_at = now() where id = :id")
                .param("id", saleId)
                .update();
    }

    void setStatus(long saleId, SaleStatus status) {
        sql.sql("update sales set status = :status where id = :id")
                .param("status", status.wire())
                .param("id", saleId)
                .update();
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
