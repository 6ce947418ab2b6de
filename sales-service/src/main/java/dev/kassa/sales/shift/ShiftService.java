package dev.kassa.sales.shift;

import dev.kassa.platform.error.FieldErrors;
import dev.kassa.platform.error.KassaException;
import dev.kassa.platform.events.OutboxPublisher;
import dev.kassa.platform.events.Topics;
import dev.kassa.platform.security.Caller;
import dev.kassa.platform.security.Role;
import dev.kassa.platform.tenancy.TenantContext;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

@Service
public class ShiftService {

    private final SessionRepository sessions;
    private final OutboxPublisher outbox;

    ShiftService(SessionRepository sessions, OutboxPublisher outbox) {
        this.sessions = sessions;
        this.outbox = outbox;
    }

    /** Opens the caller's shift at the main register; one open shift per cashier and register. */
    @Transactional
    public Session open(Caller caller, BigDecimal openingBalance) {
        if (openingBalance == null) {
            throw FieldErrors.single("opening_balance", "validation.required");
        }
        if (openingBalance.signum() < 0 || openingBalance.stripTrailingZeros().scale() > 2
                || openingBalance.compareTo(new BigDecimal("9999999999.99")) > 0) {
            throw FieldErrors.single("opening_balance", "validation.not_negative");
        }
        if (sessions.currentOf(caller.userId()).isPresent()) {
            throw alreadyOpen();
        }
        long register = sessions.mainRegister();
        long id;
        try {
            id = sessions.open(register, caller.userId(), caller.username(), openingBalance.setScale(2, RoundingMode.UNNECESSARY));
        } catch (DuplicateKeyException raced) {
            throw alreadyOpen();
        }
        Session session = sessions.find(id).orElseThrow();
        outbox.publish(Topics.SALES, "SessionOpened", TenantContext.require().key(), Map.of("session_id", id, "register_id", register,
                "cashier_id", caller.userId(), "opening_cash", session.openingCash(), "opened_at", session.openedAt().toString(),
                "business_date", TenantContext.require().today().toString()));
        return session;
    }

    @Transactional(readOnly = true)
    public Session current(Caller caller) {
        return sessions.currentOf(caller.userId()).orElseThrow(() -> new KassaException(404, "no_open_session", "sales.no_open_session"));
    }

    /** Closes an open shift with the counted cash; the difference to the expected cash is recorded (+ surplus, − shortage). */
    @Transactional
    public Session close(Caller caller, long sessionId, BigDecimal actualCash) {
        BigDecimal actual = money("actual_cash", actualCash);
        Session session = ownOrManaged(caller, sessionId);
        if (!session.isOpen()) {
            throw new KassaException(400, "session_not_open", "sales.session_not_open");
        }
        if (sessions.pendingWithItems(sessionId) > 0) {
            throw new KassaException(400, "pending_sales", "sales.pending_sales");
        }
        sessions.cancelEmptyDrafts(sessionId);
        BigDecimal expected = sessions.expectedCash(sessionId);
        sessions.close(sessionId, expected, actual);
        Session closed = sessions.find(sessionId).orElseThrow();
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("session_id", sessionId);
        event.put("register_id", closed.registerId());
        event.put("cashier_id", closed.cashierUserId());
        event.put("opening_cash", closed.openingCash());
        event.put("expected_cash", closed.expectedCash());
        event.put("actual_cash", closed.actualCash());
        event.put("cash_difference", closed.cashDifference());
        event.put("closed_at", closed.closedAt().toString());
        event.put("business_date", TenantContext.require().today().toString());
        outbox.publish(Topics.SALES, "SessionClosed", TenantContext.require().key(), event);
        return closed;
    }

    @Transactional(readOnly = true)
    public Map<String, Object> report(Caller caller, long sessionId) {
        Session session = ownOrManaged(caller, sessionId);
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("session", SessionView.from(session));
        report.putAll(sessions.report(sessionId));
        return report;
    }

    /** Cash in or out of an open shift's till, with a reason (manager or owner). */
    @Transactional
    public Map<String, Object> moveCash(Caller caller, Long sessionId, String type, String reason, BigDecimal amount, String description) {
        FieldErrors errors = new FieldErrors();
        if (sessionId == null) {
            errors.add("session", "validation.required");
        }
        if (!"cash_in".equals(type) && !"cash_out".equals(type)) {
            errors.add("movement_type", "sales.movement_type_invalid");
        }
        if (reason == null || !Set.of("collection", "change", "float", "expense", "correction", "other").contains(reason)) {
            errors.add("reason", "sales.movement_reason_invalid");
        }
        if (amount == null || amount.signum() <= 0 || amount.stripTrailingZeros().scale() > 2) {
            errors.add("amount", "validation.positive");
        }
        errors.maxLength("description", description, 1000);
        errors.throwIfAny();
        Session session = sessions.lock(sessionId).orElseThrow(() -> new KassaException(404, "session_not_found", "sales.session_not_found"));
        if (!session.isOpen()) {
            throw new KassaException(400, "session_not_open", "sales.session_not_open");
        }
        BigDecimal value = amount.setScale(2, RoundingMode.UNNECESSARY);
        if ("cash_out".equals(type)) {
            BigDecimal inTill = sessions.expectedCash(sessionId);
            if (value.compareTo(inTill) > 0) {
                throw new KassaException(400, "cash_out_exceeds", "sales.cash_out_exceeds", inTill.toPlainString());
            }
        }
        long id = sessions.addCashMovement(sessionId, type, reason, value, description == null ? "" : description, caller.userId());
        outbox.publish(Topics.SALES, "CashMovementRecorded", TenantContext.require().key(), Map.of("movement_id", id, "session_id", sessionId,
                "movement_type", type, "reason", reason, "amount", value, "performed_by", caller.userId()));
        return sessions.cashMovements(sessionId).stream().filter(m -> ((Number) m.get("id")).longValue() == id).findFirst().orElseThrow();
    }

    @Transactional(readOnly = true)
    public List<Map<String, Object>> cashMovements(Caller caller, long sessionId) {
        ownOrManaged(caller, sessionId);
        return sessions.cashMovements(sessionId);
    }

    /** A cashier works with their own shift; managers and owners with any shift of the store. */
    private Session ownOrManaged(Caller caller, long sessionId) {
        Session session = sessions.find(sessionId).orElseThrow(() -> new KassaException(404, "session_not_found", "sales.session_not_found"));
        boolean manager = caller.role() == Role.OWNER || caller.role() == Role.MANAGER;
        if (!manager && session.cashierUserId() != caller.userId()) {
            throw new KassaException(403, "permission_denied", "sales.not_your_session");
        }
        return session;
    }

    private static BigDecimal money(String field, BigDecimal value) {
        if (value == null) {
            throw FieldErrors.single(field, "validation.required");
        }
        if (value.signum() < 0 || value.stripTrailingZeros().scale() > 2 || value.compareTo(new BigDecimal("9999999999.99")) > 0) {
            throw FieldErrors.single(field, "validation.not_negative");
        }
        return value.setScale(2, RoundingMode.UNNECESSARY);
    }

    private static KassaException alreadyOpen() {
        return new KassaException(400, "session_already_open", "sales.session_already_open");
    }
}
