package dev.kassa.sales.shift;

import dev.kassa.platform.error.Messages;
import dev.kassa.platform.events.OutboxPublisher;
import dev.kassa.platform.security.Caller;
import dev.kassa.platform.tenancy.TenantContext;
import dev.kassa.platform.web.SqlOrdering;
import dev.kassa.platform.web.Success;
import dev.kassa.sales.SalesErrors;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

/**
 * The cash in a shift's till (spec S32): cash in and out with a reason, an owner's withdrawal, a debt paid in cash at a
 * till, and the movements' list. Each movement is written with its {@code CashMovementRecorded} in one transaction.
 */
@Service
public class CashDrawerService {

    /** An owner's withdrawal: the cash movement as the movement list shows it, and what the till held before and after. */
    public record Withdrawal(CashMovement movement, BigDecimal cashBefore, BigDecimal cashAfter) {}

    private final SessionRepository sessions;
    private final CashMovementRepository movements;
    private final ShiftService shifts;
    private final OutboxPublisher outbox;

    CashDrawerService(
            SessionRepository sessions, CashMovementRepository movements, ShiftService shifts, OutboxPublisher outbox) {
        this.sessions = sessions;
        this.movements = movements;
        this.shifts = shifts;
        this.outbox = outbox;
    }

    /** Cash in or out of an open shift's till, with a reason (manager or owner). */
    @Transactional
    public CashMovement moveCash(
            Caller caller, Long sessionId, String type, String reason, BigDecimal amount, String description) {
        openShift(sessionId);
        BigDecimal value = amount.setScale(2, RoundingMode.UNNECESSARY);
        if (CashMovementKind.Type.of(type).orElseThrow() == CashMovementKind.Type.CASH_OUT) {
            BigDecimal inTill = sessions.expectedCash(sessionId);
            if (value.compareTo(inTill) > 0) {
                throw SalesErrors.CASH_OUT_EXCEEDS.exception(inTill.toPlainString());
            }
        }
        return record(caller.userId(), sessionId, type, reason, value, description == null ? "" : description);
    }

    /** The shift, locked for the caller's transaction; refused unless it is open. */
    private Session openShift(long sessionId) {
        Session session = sessions.lock(sessionId).orElseThrow(() -> SalesErrors.SESSION_NOT_FOUND.exception());
        if (!session.isOpen()) {
            throw SalesErrors.SESSION_NOT_OPEN.exception();
        }
        return session;
    }

    /** Writes a cash movement of the shift, announces it, and answers it as the movement list shows it. */
    private CashMovement record(
            long userId, long sessionId, String type, String reason, BigDecimal value, String description) {
        long id = write(userId, sessionId, type, reason, value, description);
        return movements.ofShift(sessionId).stream()
                .filter(m -> m.id() == id)
                .findFirst()
                .orElseThrow();
    }

    /** Writes a cash movement of the shift and its {@code CashMovementRecorded}; answers its id. */
    private long write(long userId, long sessionId, String type, String reason, BigDecimal value, String description) {
        long id = movements.add(sessionId, type, reason, value, description, userId);
        outbox.publish(
                TenantContext.require().key(), new CashMovementRecorded(id, sessionId, type, reason, value, userId));
        return id;
    }

    /**
     * The owner (or a manager) takes cash out of an open shift's till: the original web client's "withdraw" on its home page. A
     * cash-out with reason {@code owner_withdraw}, never more than the till holds ({@code exceeds_limit} with {@code max_withdraw};
     * {@code insufficient_cash} when it holds nothing); the answer says what was in the till before and after.
     */
    @Transactional
    public Success<Withdrawal> ownerWithdraw(Caller caller, Long sessionId, BigDecimal amount, String description) {
        openShift(sessionId);
        BigDecimal value = amount.setScale(2, RoundingMode.UNNECESSARY);
        BigDecimal inTill = sessions.expectedCash(sessionId).setScale(2, RoundingMode.HALF_UP);
        if (inTill.signum() <= 0) {
            throw SalesErrors.INSUFFICIENT_CASH.exception(Map.of("max_withdraw", "0.00"));
        }
        if (value.compareTo(inTill) > 0) {
            throw SalesErrors.WITHDRAW_EXCEEDS_LIMIT.exception(
                    Map.of("max_withdraw", inTill.toPlainString()), inTill.toPlainString());
        }
        String note = description == null || description.isBlank()
                ? Messages.get("sales.withdraw_description")
                : description.trim();
        return Success.of(new Withdrawal(
                record(
                        caller.userId(),
                        sessionId,
                        CashMovementKind.Type.CASH_OUT.code(),
                        CashMovementKind.Reason.OWNER_WITHDRAW.code(),
                        value,
                        note),
                inTill,
                inTill.subtract(value)));
    }

    /**
     * A customer paid debt in cash to someone with an open shift (customer-service's {@code CustomerBalanceChanged}, inside the
     * inbox's transaction): the cash is in that till now, as a cash-in with reason {@code debt_payment}. A payment taken by
     * someone without an open shift (an owner in the back office) is not till cash.
     */
    public void debtPaidInCash(long userId, long customerId, long ledgerEntry, BigDecimal amount) {
        sessions.currentOf(userId)
                .filter(Session::isOpen)
                .ifPresent(session -> write(
                        userId,
                        session.id(),
                        CashMovementKind.Type.CASH_IN.code(),
                        CashMovementKind.Reason.DEBT_PAYMENT.code(),
                        amount.setScale(2, RoundingMode.HALF_UP),
                        Messages.get("sales.debt_payment_description", customerId, ledgerEntry)));
    }

    private static final SqlOrdering MOVEMENT_ORDERING =
            SqlOrdering.of("-created_at", "m.id", Map.of("created_at", "m.created_at", "amount", "m.amount"));

    /** Cash movements (spec S32): of one shift or all; a cashier sees those of their own shifts only. */
    @Transactional(readOnly = true)
    public Page<CashMovement> cashMovements(
            Caller caller, Long sessionId, String type, String reason, String ordering, Pageable page) {
        String orderBy = MOVEMENT_ORDERING.orderBy(ordering);
        if (sessionId != null) {
            shifts.ownOrManaged(caller, sessionId);
        }
        return movements.page(
                sessionId, type, reason, ShiftService.managesShifts(caller) ? null : caller.userId(), orderBy, page);
    }

    @Transactional(readOnly = true)
    public CashMovement cashMovement(Caller caller, long id) {
        return movements
                .find(id, ShiftService.managesShifts(caller) ? null : caller.userId())
                .orElseThrow(() -> SalesErrors.MOVEMENT_NOT_FOUND.exception());
    }
}
