package dev.kassa.sales.till;

import dev.kassa.sales.SalesErrors;
import dev.kassa.sales.shift.SessionRepository;

import java.util.Optional;

/** The checks every use case of the till makes before it changes a sale: the shift is open, the draft still pending, a quantity sane. */
final class TillGuards {

    private TillGuards() {}

    /** The draft {@code saleId}, locked for this transaction; only a pending sale's lines may change. */
    static SaleRepository.Sale pendingSale(SaleRepository sales, long saleId) {
        SaleRepository.Sale sale = sales.lock(saleId).orElseThrow(() -> SalesErrors.SALE_NOT_FOUND.exception());
        if (sale.status() != SaleStatus.PENDING) {
            throw SalesErrors.ONLY_PENDING_ITEMS.exception();
        }
        return sale;
    }

    /** The open shift {@code id}; {@code lock} holds it for this transaction (the pre-check before a catalog call does not). */
    static SessionRepository.TillShift openShift(SessionRepository sessions, long id, boolean lock) {
        return openShift(sessions.tillShift(id, lock));
    }

    /** The shift read already, if it is there and open. */
    static SessionRepository.TillShift openShift(Optional<SessionRepository.TillShift> shift) {
        SessionRepository.TillShift session = shift.orElseThrow(() -> SalesErrors.SESSION_NOT_FOUND.exception());
        if (!session.isOpen()) {
            throw SalesErrors.SESSION_NOT_OPEN.exception();
        }
        return session;
    }
}
