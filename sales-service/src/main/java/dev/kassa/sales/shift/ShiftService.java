package dev.kassa.sales.shift;

import dev.kassa.platform.error.FieldErrors;
import dev.kassa.platform.error.KassaError;
import dev.kassa.platform.error.KassaException;
import dev.kassa.platform.events.OutboxPublisher;
import dev.kassa.platform.security.Caller;
import dev.kassa.platform.tenancy.Tenant;
import dev.kassa.platform.tenancy.TenantContext;
import dev.kassa.platform.tenancy.TenantRegistry;
import dev.kassa.sales.SalesErrors;
import dev.kassa.sales.register.RegisterRepository;
import dev.kassa.sales.register.Tills;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.function.Function;

@Service
public class ShiftService {

    private final SessionRepository sessions;
    private final CashMovementRepository movements;
    private final RegisterRepository registers;
    private final OutboxPublisher outbox;
    private final ApplicationEventPublisher events;
    private final TenantRegistry stores;

    ShiftService(
            SessionRepository sessions,
            CashMovementRepository movements,
            RegisterRepository registers,
            OutboxPublisher outbox,
            ApplicationEventPublisher events,
            TenantRegistry stores) {
        this.stores = stores;
        this.sessions = sessions;
        this.movements = movements;
        this.registers = registers;
        this.outbox = outbox;
        this.events = events;
    }

    /**
     * Opens the caller's shift at the given active register, or at the main register (created on first use);
     * a cashier has one shift open (or suspended) at a time.
     */
    @Transactional
    public Session open(Caller caller, BigDecimal requestedBalance, Long registerId) {
        Tills.refusedInWarehouse(stores);
        if (sessions.currentOf(caller.userId()).isPresent()) {
            throw alreadyOpen();
        }
        long register = registerId == null
                ? registers.mainRegister()
                : registers
                        .activeRegister(registerId)
                        .orElseThrow(() -> FieldErrors.single("cash_register", "sales.register_not_active"));
        // no amount (the web client opens with {}): the register's starting float
        BigDecimal openingBalance = requestedBalance != null ? requestedBalance : registers.startingFloat(register);
        if (!FieldErrors.isAmount(openingBalance)) {
            throw FieldErrors.single("opening_balance", "validation.not_negative");
        }
        long id;
        try {
            id = sessions.open(
                    register, caller.userId(), caller.username(), openingBalance.setScale(2, RoundingMode.UNNECESSARY));
        } catch (DuplicateKeyException raced) {
            throw alreadyOpen();
        }
        Session session = sessions.find(id).orElseThrow();
        outbox.publish(
                TenantContext.require().key(),
                new SessionOpened(
                        id,
                        register,
                        caller.userId(),
                        session.openingCash(),
                        session.openedAt(),
                        TenantContext.require().today()));
        return session;
    }

    /** Shifts of the store (managers, owners) or the caller's own (cashiers), newest first by default. */
    @Transactional(readOnly = true)
    public Page<Session> list(
            Caller caller, Long register, String status, String search, String ordering, Pageable page) {
        String orderBy = SessionRepository.ORDERING.orderBy(ordering);
        // declared on the requests' parameters (@OneOf); checked here too for every caller of the list
        ShiftStatus st = FieldErrors.blank(status)
                ? null
                : ShiftStatus.parse(status.trim())
                        .orElseThrow(() -> FieldErrors.single("status", "validation.invalid"));
        Long own = managesShifts(caller) ? null : caller.userId();
        return sessions.page(register, st, search, own, orderBy, page);
    }

    /** SessionDetail (spec §5.4.1): the shift with its cash movements. */
    @Transactional(readOnly = true)
    public SessionDetail detail(Caller caller, long sessionId) {
        return detailOf(ownOrManaged(caller, sessionId));
    }

    /** A shift is put on hold (a break) and picked up again; a suspended shift takes no sales and cannot be closed. */
    @Transactional
    public Session suspend(Caller caller, long sessionId) {
        return move(
                caller,
                sessionId,
                ShiftStatus.SUSPENDED,
                from -> from == ShiftStatus.SUSPENDED ? SalesErrors.SUSPEND_SUSPENDED : SalesErrors.SUSPEND_CLOSED,
                s -> new SessionSuspended(sessionId, s.registerId(), s.cashierUserId(), Instant.now()));
    }

    @Transactional
    public Session resume(Caller caller, long sessionId) {
        return move(
                caller,
                sessionId,
                ShiftStatus.OPEN,
                from -> from == ShiftStatus.OPEN ? SalesErrors.RESUME_OPEN : SalesErrors.RESUME_CLOSED,
                s -> new SessionResumed(sessionId, s.registerId(), s.cashierUserId(), Instant.now()));
    }

    private Session move(
            Caller caller,
            long sessionId,
            ShiftStatus to,
            Function<ShiftStatus, KassaError> refusal,
            Function<Session, Object> event) {
        ownOrManaged(caller, sessionId);
        Session session = sessions.lock(sessionId).orElseThrow();
        sessions.setStatus(sessionId, session.status().moveTo(to, refusal));
        outbox.publish(TenantContext.require().key(), event.apply(session));
        return sessions.find(sessionId).orElseThrow();
    }

    SessionDetail detailOf(Session session) {
        return new SessionDetail(SessionView.from(session), movements.ofShift(session.id()));
    }

    /** Shifts of one register (spec S2); 404 for a register the store does not have. */
    @Transactional(readOnly = true)
    public Page<Session> ofRegister(Caller caller, long registerId, String status, Pageable page) {
        requireRegister(registerId);
        return list(caller, registerId, status, null, null, page);
    }

    /** The open shift of a register, if any (spec S3); 404 for a register the store does not have. */
    @Transactional(readOnly = true)
    public SessionDetail currentOfRegister(long registerId) {
        requireRegister(registerId);
        return sessions.openOn(registerId)
                .map(this::detailOf)
                .orElseThrow(() -> SalesErrors.NO_OPEN_SESSION_ON_REGISTER.exception());
    }

    @Transactional(readOnly = true)
    public Session current(Caller caller) {
        return sessions.currentOf(caller.userId()).orElseThrow(() -> SalesErrors.NO_OPEN_SESSION.exception());
    }

    /** Closes an open shift with the counted cash; the difference to the expected cash is recorded (+ surplus, − shortage). */
    @Transactional
    public Session close(Caller caller, long sessionId, BigDecimal actualCash) {
        return close(caller, sessionId, actualCash, null);
    }

    /**
     * Closes with the counted cash, or (the original web client) with the {@code shortage} against the expected cash:
     * counted = expected − shortage. {@code actual_cash} wins when both are sent.
     */
    @Transactional
    public Session close(Caller caller, long sessionId, BigDecimal actualCash, BigDecimal shortage) {
        BigDecimal short_ = actualCash == null && shortage != null ? money("shortage", shortage) : null;
        BigDecimal actual = short_ == null ? money("actual_cash", actualCash) : null;
        Session session = ownOrManaged(caller, sessionId);
        session.status().moveTo(ShiftStatus.CLOSED, from -> SalesErrors.SESSION_NOT_OPEN);
        if (sessions.pendingWithItems(sessionId) > 0) {
            throw SalesErrors.PENDING_SALES.exception();
        }
        events.publishEvent(new ShiftClosing(sessionId));
        BigDecimal expected = sessions.expectedCash(sessionId);
        if (short_ != null) {
            if (short_.compareTo(expected) > 0) {
                throw FieldErrors.single("shortage", "sales.shortage_exceeds_expected", expected.toPlainString());
            }
            actual = expected.subtract(short_);
        }
        sessions.close(sessionId, expected, actual);
        Session closed = sessions.find(sessionId).orElseThrow();
        publishClosed(closed);
        return closed;
    }

    /**
     * A sale made in shift {@code sessionId} was recorded after the shift was closed (an offline till's, uploaded late): the
     * shift's expected cash and difference take it in (the cash counted then stays) and {@link SessionClosed} is published
     * again with the new figures, so reports and receivers keep the last.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Session lateSaleRecorded(long sessionId) {
        Session amended = sessions.amendClosed(sessionId);
        publishClosed(amended);
        return amended;
    }

    private void publishClosed(Session closed) {
        Tenant tenant = TenantContext.require();
        outbox.publish(
                tenant.key(),
                new SessionClosed(
                        closed.id(),
                        closed.registerId(),
                        closed.cashierUserId(),
                        closed.openingCash(),
                        closed.expectedCash(),
                        closed.actualCash(),
                        closed.cashDifference(),
                        closed.closedAt(),
                        LocalDate.ofInstant(closed.closedAt(), tenant.zone())));
    }

    @Transactional(readOnly = true)
    public ShiftReport report(Caller caller, long sessionId) {
        return sessions.report(SessionView.from(ownOrManaged(caller, sessionId)));
    }

    static boolean managesShifts(Caller caller) {
        return caller.managesStore();
    }

    /** A cashier works with their own shift; managers and owners with any shift of the store. */
    Session ownOrManaged(Caller caller, long sessionId) {
        Session session = sessions.find(sessionId).orElseThrow(() -> SalesErrors.SESSION_NOT_FOUND.exception());
        if (!managesShifts(caller) && session.cashierUserId() != caller.userId()) {
            throw SalesErrors.NOT_YOUR_SESSION.exception();
        }
        return session;
    }

    private static BigDecimal money(String field, BigDecimal value) {
        if (value == null) {
            throw FieldErrors.missing(field);
        }
        if (!FieldErrors.isAmount(value)) {
            throw FieldErrors.single(field, "validation.not_negative");
        }
        return value.setScale(2, RoundingMode.UNNECESSARY);
    }

    private static KassaException alreadyOpen() {
        return SalesErrors.SESSION_ALREADY_OPEN.exception();
    }

    private void requireRegister(long id) {
        if (!registers.exists(id)) {
            throw SalesErrors.REGISTER_NOT_FOUND.exception();
        }
    }
}
