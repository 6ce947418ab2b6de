package dev.kassa.sales.till;

import dev.kassa.sales.shift.SessionRepository;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** What recording a sale sent whole reads of the store's sales: the sale a client id recorded, and its decisions. */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
class UploadedSaleRepository {

    private final JdbcClient sql;

    UploadedSaleRepository(JdbcClient sql) {
        this.sql = sql;
    }

    /**
     * What is checked before a sale sent whole holds its stock, read in one statement: the sale its client id recorded before
     * (null without one, or without a client id) and the shift it names (empty when there is none) with the time it was opened.
     */
    record BeforeHold(Long earlier, Optional<SessionRepository.TillShift> shift, Instant shiftOpenedAt) {}

    BeforeHold beforeHold(long sessionId, UUID clientId) {
        return sql.sql(
                        """
                        select (select s.id from sales s where s.client_id = :client), se.id, r.code, se.status,
                               se.cashier_user_id, se.opened_at
                          from (values (1)) one left join sessions se on se.id = :session
                               left join cash_registers r on r.id = se.cash_register_id
                        """)
                .param("client", clientId)
                .param("session", sessionId)
                .query((rs, i) -> new BeforeHold(
                        (Long) rs.getObject(1),
                        rs.getObject(2) == null ? Optional.empty() : Optional.of(SessionRepository.TillShift.of(rs, 2)),
                        rs.getObject(6) == null ? null : rs.getTimestamp(6).toInstant()))
                .single();
    }

    /** The sale a till's client id recorded, if it did. */
    Optional<Long> byClientId(UUID clientId) {
        return sql.sql("select id from sales where client_id = :client")
                .param("client", clientId)
                .query(Long.class)
                .optional();
    }

    /** What was decided to record an uploaded sale, as kept (a JSON array), if anything was. */
    Optional<String> decisions(long saleId) {
        return sql.sql(
                        "select cast(upload_decisions as text) from sales where id = :id and upload_decisions is not null")
                .param("id", saleId)
                .query(String.class)
                .optional();
    }
}
