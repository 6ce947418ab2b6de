package dev.kassa.sales.till;

import dev.kassa.platform.error.KassaException;
import dev.kassa.platform.security.Caller;
import dev.kassa.platform.tenancy.TenantContext;
import dev.kassa.sales.SalesErrors;
import dev.kassa.sales.shift.SessionRepository;
import dev.kassa.sales.shift.ShiftService;
import dev.kassa.sales.shift.ShiftStatus;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The shift a sale sent whole belongs to (issue 60, point 4): the one it names while that shift is open; for a sale that
 * says when it was made ({@code sold_at}, an offline till's), the shift of the same register that was open then, even if
 * it has been closed since. Such a late sale goes into that shift's receipts and cash: the closed shift's expected cash and
 * difference take it in ({@link ShiftService#lateSaleRecorded}), which is what the cash counted at closing already held. A
 * sale made when no shift of that register was open is refused, naming when it was made. Such a sale goes only into a shift
 * of the cashier who uploads it, or any shift of the store for its owner or a manager (issue 84, point 2): a cashier
 * cannot rewrite a colleague's shift, closed or open ({@code not_your_shift}). A sale made now (no {@code sold_at}) goes
 * into the open shift it names as a scan does, whoever sells at that till.
 */
@Component
class ShiftOfSale {

    private final SessionRepository sessions;
    private final ShiftService shifts;

    ShiftOfSale(SessionRepository sessions, ShiftService shifts) {
        this.sessions = sessions;
        this.shifts = shifts;
    }

    /**
     * The shift the sale goes into, checked before its stock is held (read without a lock): {@code named} is the shift
     * the request names, as {@link UploadedSaleRepository#beforeHold} read it; {@code clock} how far a till's clock may run fast.
     */
    SessionRepository.TillShift place(
            Caller caller,
            SaleUploadService.NewSale r,
            Instant soldAt,
            UploadedSaleRepository.BeforeHold named,
            Duration clock) {
        SessionRepository.TillShift shift = named.shift().orElseThrow(() -> SalesErrors.SESSION_NOT_FOUND.exception());
        boolean beforeIt = soldAt.isBefore(named.shiftOpenedAt().minus(clock));
        if (r.soldAt() == null) {
            return TillGuards.openShift(named.shift());
        }
        if (shift.isOpen() && !beforeIt) {
            return ours(caller, TillGuards.openShift(named.shift()));
        }
        SessionRepository.TillShift then = sessions.openAt(shift.id(), soldAt, clock)
                .orElseThrow(() -> beforeIt
                        ? soldBefore(soldAt, named.shiftOpenedAt())
                        : SalesErrors.SESSION_NOT_OPEN.exception());
        if (then.status() == ShiftStatus.SUSPENDED) {
            throw SalesErrors.SESSION_NOT_OPEN.exception();
        }
        return ours(caller, then);
    }

    /** A sale that says when it was made goes into the uploader's own shift, or any shift for who manages the store. */
    private static SessionRepository.TillShift ours(Caller caller, SessionRepository.TillShift shift) {
        if (!caller.managesStore() && shift.cashierUserId() != caller.userId()) {
            throw SalesErrors.NOT_YOUR_SHIFT.exception(String.valueOf(shift.id()));
        }
        return shift;
    }

    /**
     * The shift {@link #place} chose, locked in the transaction that writes the sale: still open, or closed (by now, too)
     * for a sale that says when it was made.
     */
    SessionRepository.TillShift lock(SaleUploadService.NewSale r, SessionRepository.TillShift placed) {
        SessionRepository.TillShift shift =
                sessions.tillShift(placed.id(), true).orElseThrow(() -> SalesErrors.SESSION_NOT_FOUND.exception());
        if (shift.isOpen() || (shift.status() == ShiftStatus.CLOSED && r.soldAt() != null)) {
            return shift;
        }
        throw SalesErrors.SESSION_NOT_OPEN.exception();
    }

    /**
     * After the sale is written into {@code shift}: a closed shift's cash is recomputed and announced again; an offline
     * till is told ({@code decisions}, null for an online till) when its sale went into another shift than it named.
     */
    void recorded(SaleUploadService.NewSale r, SessionRepository.TillShift shift, List<UploadDecision> decisions) {
        boolean closed = shift.status() == ShiftStatus.CLOSED;
        if (closed) {
            shifts.lateSaleRecorded(shift.id());
        }
        if (decisions != null && (closed || shift.id() != r.session())) {
            decisions.add(UploadDecision.otherShift(shift.id(), closed));
        }
    }

    private static KassaException soldBefore(Instant soldAt, Instant openedAt) {
        DateTimeFormatter local = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
                .withZone(TenantContext.require().zone());
        return SalesErrors.SOLD_BEFORE_SHIFT.exception(local.format(soldAt), local.format(openedAt));
    }
}
