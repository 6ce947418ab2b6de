package dev.kassa.sales.shift;

import dev.kassa.platform.data.LikePatterns;
import dev.kassa.platform.web.JdbcPages;
import dev.kassa.platform.web.SqlOrdering;
import dev.kassa.sales.payment.PaymentMethodRepository;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The current store's shifts ({@code sessions}), inside the caller's transaction, on the store's schema. */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
public class SessionRepository {

    /** What a cashier sold in the period, refunds of those sales apart. */
    public record Sold(
            long id,
            String fullName,
            BigDecimal totalSales,
            BigDecimal cashSales,
            BigDecimal cardSales,
            BigDecimal refunds,
            long salesCount,
            long sessionsCount,
            BigDecimal averageSale) {

        /** The same figures under the name the store's directory gives the cashier now. */
        Sold named(String name) {
            return new Sold(
                    id, name, totalSales, cashSales, cardSales, refunds, salesCount, sessionsCount, averageSale);
        }
    }

    /**
     * Cash that should be in the till of shift {@code s}: opening + what sales paid by a method counted in the drawer (cash,
     * and any of the store's own so marked; applied amounts, so change handed back is already out) − refunds paid out so
     * + cash put in − cash taken out.
     */
    private static final String EXPECTED_CASH =
            """
            s.opening_cash
                 + coalesce((select sum(p.amount) from payments p join sales x on x.id = p.sale_id
                              where p.session_id = s.id and p.payment_method in (select code from payment_methods where counted_in_drawer)
                                and x.status <> 'pending'), 0)
                 - coalesce((select sum(r.amount - r.credit_amount - r.bonus_amount) from refunds r
                              where r.session_id = s.id and r.method in (select code from payment_methods where counted_in_drawer)), 0)
                 + coalesce((select sum(m.amount) from cash_movements m where m.session_id = s.id and m.movement_type = 'cash_in'), 0)
                 - coalesce((select sum(m.amount) from cash_movements m where m.session_id = s.id and m.movement_type = 'cash_out'), 0)
            """;

    /** A shift's expected cash: recorded at closing, and running while it is open or on a break (the till shows "in the drawer"). */
    private static final String SELECT =
            """
            select s.id, r.id, r.code, r.name, s.cashier_user_id, s.cashier_name, s.status, s.opening_cash,
                   case when s.status in ('open', 'suspended') then (%s) else s.expected_cash end,
                   s.actual_cash, s.cash_difference, s.opened_at, s.closed_at,
                   coalesce(t.total, 0)::numeric(12, 2), coalesce(t.cash, 0)::numeric(12, 2), coalesce(t.card, 0)::numeric(12, 2), coalesce(t.n, 0)
              from sessions s join cash_registers r on r.id = s.cash_register_id
              left join lateral (
                   select sum(x.total_amount) as total, count(*) as n,
                          (select sum(p.amount) from payments p join sales y on y.id = p.sale_id
                            where p.session_id = s.id and p.payment_method = 'cash' and y.status in ('completed', 'partially_refunded', 'refunded')) as cash,
                          (select sum(p.amount) from payments p join sales y on y.id = p.sale_id
                            where p.session_id = s.id and p.payment_method = 'card' and y.status in ('completed', 'partially_refunded', 'refunded')) as card
                     from sales x where x.session_id = s.id and x.status in ('completed', 'partially_refunded', 'refunded')) t on true
            """
                    .formatted(EXPECTED_CASH);

    private static final RowMapper<Session> ROW = (rs, i) -> new Session(
            rs.getLong(1),
            rs.getLong(2),
            rs.getString(3),
            rs.getString(4),
            rs.getLong(5),
            rs.getString(6),
            ShiftStatus.of(rs.getString(7)),
            rs.getBigDecimal(8),
            rs.getBigDecimal(9),
            rs.getBigDecimal(10),
            rs.getBigDecimal(11),
            rs.getTimestamp(12).toInstant(),
            ts(rs.getTimestamp(13)),
            rs.getBigDecimal(14),
            rs.getBigDecimal(15),
            rs.getBigDecimal(16),
            rs.getInt(17));
    /** The seed's ordering names for shift lists. */
    static final SqlOrdering ORDERING =
            SqlOrdering.of("-opened_at", "s.id", Map.of("opened_at", "s.opened_at", "closed_at", "s.closed_at"));

    private final JdbcClient sql;

    SessionRepository(JdbcClient sql) {
        this.sql = sql;
    }

    /** Shifts with the seed's filters; {@code cashier} limits them to one cashier's own. */
    public Page<Session> page(
            Long register, ShiftStatus status, String search, Long cashier, String orderBy, Pageable page) {
        return JdbcPages.page(
                sql,
                SELECT,
                "from sessions s join cash_registers r on r.id = s.cash_register_id",
                """
                         where (cast(:register as bigint) is null or s.cash_register_id = :register)
                           and (cast(:status as text) is null or s.status = :status)
                           and (cast(:like as text) is null or s.cashier_name ilike :like or r.name ilike :like)
                           and (cast(:cashier as bigint) is null or s.cashier_user_id = :cashier)
                        """,
                orderBy,
                q -> q.param("register", register)
                        .param("status", status == null ? null : status.wire())
                        .param("like", LikePatterns.contains(search))
                        .param("cashier", cashier),
                ROW,
                page);
    }

    public void setStatus(long sessionId, ShiftStatus status) {
        sql.sql("update sessions set status = :status where id = :id")
                .param("status", status.wire())
                .param("id", sessionId)
                .update();
    }

    public Optional<Session> find(long id) {
        return sql.sql(SELECT + " where s.id = :id").param("id", id).query(ROW).optional();
    }

    public Optional<Session> lock(long id) {
        return sql.sql(SELECT + " where s.id = :id for update of s")
                .param("id", id)
                .query(ROW)
                .optional();
    }

    /**
     * A shift as the till's scans and sales need it: its register and status without the totals (which read every sale of
     * the shift), optionally locked for the caller's transaction so a closing waits for the scan.
     */
    public record TillShift(long id, String registerCode, ShiftStatus status, long cashierUserId, Instant openedAt) {

        /** The columns {@link #of} reads, for a query over {@code sessions s} joined to {@code cash_registers r}. */
        public static final String COLUMNS = "s.id, r.code, s.status, s.cashier_user_id, s.opened_at";

        public boolean isOpen() {
            return status == ShiftStatus.OPEN;
        }

        /** The shift of a row whose columns from {@code first} on are {@link #COLUMNS}. */
        public static TillShift of(ResultSet rs, int first) throws SQLException {
            return new TillShift(
                    rs.getLong(first),
                    rs.getString(first + 1),
                    ShiftStatus.of(rs.getString(first + 2)),
                    rs.getLong(first + 3),
                    rs.getTimestamp(first + 4).toInstant());
        }
    }

    public Optional<TillShift> tillShift(long id, boolean lock) {
        return sql.sql("select " + TillShift.COLUMNS
                        + " from sessions s join cash_registers r on r.id = s.cash_register_id where s.id = :id"
                        + (lock ? " for update of s" : ""))
                .param("id", id)
                .query((rs, i) -> TillShift.of(rs, 1))
                .optional();
    }

    /**
     * The shift of the register of shift {@code named} that was open (or on a break) at {@code at}, {@code named} itself first:
     * opened at most {@code clock} after it (a till's clock) and not closed more than {@code clock} before it. A sale an
     * offline till made then belongs to that shift, closed since or not.
     */
    public Optional<TillShift> openAt(long named, Instant at, Duration clock) {
        return sql.sql(
                        """
                        select s.id, r.code, s.status, s.cashier_user_id, s.opened_at
                          from sessions s join cash_registers r on r.id = s.cash_register_id
                         where s.cash_register_id = (select n.cash_register_id from sessions n where n.id = :named)
                           and s.opened_at <= :latest and (s.closed_at is null or s.closed_at >= :earliest)
                         order by s.id = :named desc, s.opened_at desc limit 1
                        """)
                .param("named", named)
                .param("latest", Timestamp.from(at.plus(clock)))
                .param("earliest", Timestamp.from(at.minus(clock)))
                .query((rs, i) -> TillShift.of(rs, 1))
                .optional();
    }

    /**
     * A closed shift's expected cash and difference recomputed after a sale made in it reached Kassa late (an offline
     * till's): the cash counted at closing stays; the difference is what it was not explained by.
     */
    public Session amendClosed(long id) {
        sql.sql("update sessions t set expected_cash = x.expected, cash_difference = t.actual_cash - x.expected"
                        + " from (select " + EXPECTED_CASH + " as expected from sessions s where s.id = :id) x"
                        + " where t.id = :id and t.status = 'closed'")
                .param("id", id)
                .update();
        return find(id).orElseThrow();
    }

    /** The newest open shift on a register, if any. */
    public Optional<Session> openOn(long registerId) {
        return sql.sql(
                        SELECT
                                + " where s.cash_register_id = :register and s.status = 'open' order by s.opened_at desc, s.id desc limit 1")
                .param("register", registerId)
                .query(ROW)
                .optional();
    }

    public Optional<Session> currentOf(long cashierUserId) {
        return sql.sql(
                        SELECT
                                + " where s.cashier_user_id = :cashier and s.status in ('open', 'suspended') order by s.opened_at desc limit 1")
                .param("cashier", cashierUserId)
                .query(ROW)
                .optional();
    }

    public long open(long registerId, long cashierUserId, String cashierName, BigDecimal openingCash) {
        return sql.sql(
                        """
                        insert into sessions (cash_register_id, cashier_user_id, cashier_name, opening_cash)
                        values (:register, :cashier, :cashierName, :openingCash) returning id
                        """)
                .param("register", registerId)
                .param("cashier", cashierUserId)
                .param("cashierName", cashierName)
                .param("openingCash", openingCash)
                .query(Long.class)
                .single();
    }

    /** Cash that should be in the till now ({@link #EXPECTED_CASH}). */
    public BigDecimal expectedCash(long sessionId) {
        return sql.sql("select " + EXPECTED_CASH + " from sessions s where s.id = :id")
                .param("id", sessionId)
                .query(BigDecimal.class)
                .single();
    }

    /** Drafts of the shift: those with lines block closing, empty ones are cancelled by it. */
    public int pendingWithItems(long sessionId) {
        return sql.sql(
                        """
                        select count(*) from sales x where x.session_id = :session and x.status = 'pending'
                           and exists (select 1 from sale_items i where i.sale_id = x.id)
                        """)
                .param("session", sessionId)
                .query(Integer.class)
                .single();
    }

    public void close(long sessionId, BigDecimal expected, BigDecimal actual) {
        sql.sql(
                        """
                        update sessions set status = 'closed', closed_at = now(), expected_cash = :expected, actual_cash = :actual,
                                            cash_difference = :difference
                         where id = :id
                        """)
                .param("expected", expected)
                .param("actual", actual)
                .param("difference", actual.subtract(expected))
                .param("id", sessionId)
                .update();
    }

    /**
     * The cashier leaderboard (spec §5.2.6): sales completed in [from, to) grouped by cashier, refunds of those
     * cashiers' sales in the same period subtracted into {@code net_sales}; best first.
     */
    public List<Sold> cashierStats(Instant from, Instant to, int limit) {
        return sql.sql(
                        """
                with done as (
                    select x.* from sales x
                     where x.status in ('completed', 'partially_refunded', 'refunded') and x.completed_at >= :from and x.completed_at < :to)
                select d.cashier_user_id as id, max(d.cashier_name) as full_name,
                       sum(d.total_amount) as total_sales,
                       coalesce((select sum(p.amount) from payments p join done y on y.id = p.sale_id
                                  where y.cashier_user_id = d.cashier_user_id and p.payment_method = 'cash'), 0)::numeric(12, 2) as cash_sales,
                       coalesce((select sum(p.amount) from payments p join done y on y.id = p.sale_id
                                  where y.cashier_user_id = d.cashier_user_id and p.payment_method = 'card'), 0)::numeric(12, 2) as card_sales,
                       coalesce((select sum(r.amount) from refunds r join done y on y.id = r.sale_id
                                  where y.cashier_user_id = d.cashier_user_id), 0)::numeric(12, 2) as refunds,
                       count(*) as sales_count, count(distinct d.session_id) as sessions_count,
                       round(sum(d.total_amount) / count(*), 2) as average_sale
                  from done d group by d.cashier_user_id
                 order by total_sales desc, id limit :limit
                """)
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .param("limit", limit)
                .query((rs, i) -> new Sold(
                        rs.getLong("id"),
                        rs.getString("full_name"),
                        rs.getBigDecimal("total_sales"),
                        rs.getBigDecimal("cash_sales"),
                        rs.getBigDecimal("card_sales"),
                        rs.getBigDecimal("refunds"),
                        rs.getLong("sales_count"),
                        rs.getLong("sessions_count"),
                        rs.getBigDecimal("average_sale")))
                .list();
    }

    /** The shift report (spec §5.2.4) of {@code session}, each sale counted once. */
    public ShiftReport report(SessionView session) {
        long sessionId = session.id();
        ShiftReport.ShiftSales sales = sql.sql(
                        """
                        select coalesce(sum(x.total_amount), 0) as total_amount, count(*) as count,
                               coalesce((select sum(i.quantity) from sale_items i join sales y on y.id = i.sale_id
                                          where y.session_id = :session and y.status <> 'pending' and y.status <> 'cancelled'), 0) as total_items
                          from sales x where x.session_id = :session and x.status not in ('pending', 'cancelled')
                        """)
                .param("session", sessionId)
                .query((rs, i) -> new ShiftReport.ShiftSales(
                        rs.getBigDecimal("total_amount"), rs.getLong("count"), rs.getBigDecimal("total_items")))
                .single();
        List<ShiftReport.ShiftPayments> payments = payments(sessionId);
        ShiftReport.ShiftRefunds refunds = sql.sql(
                        """
                        select coalesce(sum(amount), 0) as total, count(*) as count,
                               coalesce(sum(amount - credit_amount - bonus_amount) filter (where method = 'cash'), 0) as cash,
                               coalesce(sum(credit_amount), 0) as credit,
                               coalesce(sum(bonus_amount), 0) as bonus
                          from refunds where session_id = :session
                        """)
                .param("session", sessionId)
                .query((rs, i) -> new ShiftReport.ShiftRefunds(
                        rs.getBigDecimal("total"),
                        rs.getLong("count"),
                        rs.getBigDecimal("cash"),
                        rs.getBigDecimal("credit"),
                        rs.getBigDecimal("bonus")))
                .single();
        ShiftReport.ShiftCashMovements movements = sql.sql(
                        """
                        select coalesce(sum(amount) filter (where movement_type = 'cash_in'), 0) as cash_in,
                               coalesce(sum(amount) filter (where movement_type = 'cash_out'), 0) as cash_out
                          from cash_movements where session_id = :session
                        """)
                .param("session", sessionId)
                .query((rs, i) ->
                        new ShiftReport.ShiftCashMovements(rs.getBigDecimal("cash_in"), rs.getBigDecimal("cash_out")))
                .single();
        return new ShiftReport(session, sales, payments, refunds, movements, expectedCash(sessionId));
    }

    /** A shift's takings by payment method, with what each method paid back in refunds. */
    private List<ShiftReport.ShiftPayments> payments(long sessionId) {
        return sql.sql(
                        """
                        with p as (select p.payment_method as code, sum(p.amount) as total, count(*) as count
                                     from payments p join sales x on x.id = p.sale_id
                                    where p.session_id = :session and x.status <> 'pending' group by p.payment_method),
                             r as (select method as code, sum(amount - credit_amount - bonus_amount) as refunded
                                     from refunds where session_id = :session group by method)
                        select coalesce(p.code, r.code) as code, m.name, coalesce(m.counted_in_drawer, false) as counted,
                               coalesce(p.total, 0)::numeric(12, 2) as total, coalesce(p.count, 0) as count,
                               coalesce(r.refunded, 0)::numeric(12, 2) as refunded
                          from p full join r on r.code = p.code
                          left join payment_methods m on m.code = coalesce(p.code, r.code)
                         order by coalesce(m.position, 2147483647), 1
                        """)
                .param("session", sessionId)
                .query((rs, i) -> new ShiftReport.ShiftPayments(
                        rs.getString("code"),
                        PaymentMethodRepository.displayName(rs.getString("code"), rs.getString("name")),
                        rs.getBoolean("counted"),
                        rs.getBigDecimal("total"),
                        rs.getLong("count"),
                        rs.getBigDecimal("refunded")))
                .list();
    }

    private static Instant ts(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
