package dev.kassa.sales.shift;

import dev.kassa.platform.web.JdbcPages;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/** Cash put into and taken out of the current store's tills during shifts ({@code cash_movements}), inside the caller's transaction. */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
public class CashMovementRepository {

    private static final RowMapper<CashMovement> CASH_MOVEMENT = (rs, i) -> new CashMovement(
            rs.getLong("id"),
            rs.getLong("session"),
            rs.getString("movement_type"),
            rs.getString("reason"),
            rs.getBigDecimal("amount"),
            rs.getString("description"),
            rs.getLong("performed_by"),
            rs.getTimestamp("created_at").toInstant());

    private final JdbcClient sql;

    CashMovementRepository(JdbcClient sql) {
        this.sql = sql;
    }

    public long add(
            long sessionId, String type, String reason, BigDecimal amount, String description, long performedBy) {
        return sql.sql(
                        """
                        insert into cash_movements (session_id, movement_type, reason, amount, description, performed_by)
                        values (:session, :type, :reason, :amount, :description, :by) returning id
                        """)
                .param("session", sessionId)
                .param("type", type)
                .param("reason", reason)
                .param("amount", amount)
                .param("description", description)
                .param("by", performedBy)
                .query(Long.class)
                .single();
    }

    private static final String MOVEMENTS =
            """
            select m.id, m.session_id as session, m.movement_type, m.reason, m.amount, m.description, m.performed_by, m.created_at
              from cash_movements m join sessions s on s.id = m.session_id
            """;

    /** Movements of one shift or all, of one cashier's shifts when {@code cashier} is given, in {@code orderBy} order. */
    public Page<CashMovement> page(
            Long session, String type, String reason, Long cashier, String orderBy, Pageable page) {
        String where =
                """
                where (cast(:session as bigint) is null or m.session_id = :session)
                  and (cast(:type as text) is null or m.movement_type = :type)
                  and (cast(:reason as text) is null or m.reason = :reason)
                  and (cast(:cashier as bigint) is null or s.cashier_user_id = :cashier)
                """;
        return JdbcPages.page(
                sql,
                MOVEMENTS,
                "from cash_movements m join sessions s on s.id = m.session_id",
                where,
                orderBy,
                q -> q.param("session", session)
                        .param("type", type)
                        .param("reason", reason)
                        .param("cashier", cashier),
                CASH_MOVEMENT,
                page);
    }

    public Optional<CashMovement> find(long id, Long cashier) {
        return sql.sql(MOVEMENTS
                        + " where m.id = :id and (cast(:cashier as bigint) is null or s.cashier_user_id = :cashier)")
                .param("id", id)
                .param("cashier", cashier)
                .query(CASH_MOVEMENT)
                .optional();
    }

    public List<CashMovement> ofShift(long sessionId) {
        return sql.sql(
                        """
                        select id, session_id as session, movement_type, reason, amount, description, performed_by, created_at
                          from cash_movements where session_id = :session order by id
                        """)
                .param("session", sessionId)
                .query(CASH_MOVEMENT)
                .list();
    }
}
