package dev.kassa.customer.ledger;

import dev.kassa.platform.error.Messages;
import dev.kassa.platform.web.JdbcPages;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The balance ledger (spec §6.1 CustomerTransaction): appended in the transaction of the change, never edited. */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
public class LedgerRepository {

    public record Entry(
            long id,
            long customer,
            String customerName,
            String transactionType,
            String transactionTypeDisplay,
            BigDecimal amount,
            BigDecimal balanceBefore,
            BigDecimal balanceAfter,
            String sale,
            String paymentMethod,
            String description,
            Long performedBy,
            Instant createdAt,
            Integer points,
            Integer pointsBefore,
            Integer pointsAfter) {}

    private static final String SELECT =
            """
            select t.*, trim(concat_ws(' ', nullif(c.last_name, ''), nullif(c.first_name, ''), nullif(c.middle_name, ''))) as customer_name
              from customer_transactions t join customers c on c.id = t.customer_id""";
    private static final RowMapper<Entry> ROW = (rs, i) -> new Entry(
            rs.getLong("id"),
            rs.getLong("customer_id"),
            rs.getString("customer_name"),
            rs.getString("transaction_type"),
            Messages.get("customer.transaction_type." + rs.getString("transaction_type")),
            rs.getBigDecimal("amount"),
            rs.getBigDecimal("balance_before"),
            rs.getBigDecimal("balance_after"),
            rs.getString("sale_id"),
            rs.getString("payment_method"),
            rs.getString("description"),
            (Long) rs.getObject("performed_by"),
            rs.getTimestamp("created_at").toInstant(),
            (Integer) rs.getObject("points"),
            (Integer) rs.getObject("points_before"),
            (Integer) rs.getObject("points_after"));

    private final JdbcClient sql;

    LedgerRepository(JdbcClient sql) {
        this.sql = sql;
    }

    /** Appends a balance row; its id. */
    long append(BalanceEntry e) {
        return sql.sql(
                        """
                        insert into customer_transactions (customer_id, transaction_type, amount, balance_before, balance_after, sale_id,
                                                           payment_method, description, performed_by)
                        values (:customer, :type, :amount, :before, :after, :sale, :method, :description, :by) returning id
                        """)
                .param("customer", e.customer())
                .param("type", e.type())
                .param("amount", e.amount())
                .param("before", e.before())
                .param("after", e.after())
                .param("sale", e.saleId())
                .param("method", e.method())
                .param("description", e.description() == null ? "" : e.description())
                .param("by", e.performedBy())
                .query(Long.class)
                .single();
    }

    /** A loyalty row: the points move by {@code points} ({@code amount} is the money it concerns); the balance stays as it is. */
    public long appendPoints(
            long customer,
            String type,
            BigDecimal amount,
            BigDecimal balance,
            int points,
            int before,
            int after,
            String saleId,
            String description) {
        return sql.sql(
                        """
                        insert into customer_transactions (customer_id, transaction_type, amount, balance_before, balance_after, sale_id,
                                                           description, points, points_before, points_after)
                        values (:customer, :type, :amount, :balance, :balance, :sale, :description, :points, :before, :after) returning id
                        """)
                .param("customer", customer)
                .param("type", type)
                .param("amount", amount)
                .param("balance", balance)
                .param("sale", saleId)
                .param("description", description == null ? "" : description)
                .param("points", points)
                .param("before", before)
                .param("after", after)
                .query(Long.class)
                .single();
    }

    public List<Entry> recent(long customer, int limit) {
        return sql.sql(SELECT + " where t.customer_id = :customer order by t.created_at desc, t.id desc limit :limit")
                .param("customer", customer)
                .param("limit", limit)
                .query(ROW)
                .list();
    }

    Page<Entry> page(Long customer, String type, String sale, String orderBy, Pageable page) {
        return JdbcPages.page(
                sql,
                SELECT,
                "from customer_transactions t",
                """
                        where (cast(:customer as bigint) is null or t.customer_id = :customer)
                          and (cast(:type as text) is null or t.transaction_type = :type)
                          and (cast(:sale as text) is null or t.sale_id = :sale)
                        """,
                orderBy,
                q -> q.param("customer", customer).param("type", type).param("sale", sale),
                ROW,
                page);
    }

    public Optional<Entry> find(long id) {
        return sql.sql(SELECT + " where t.id = :id").param("id", id).query(ROW).optional();
    }
}
