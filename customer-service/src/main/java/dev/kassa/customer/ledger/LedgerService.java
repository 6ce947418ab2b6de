package dev.kassa.customer.ledger;

import dev.kassa.platform.events.OutboxPublisher;
import dev.kassa.platform.tenancy.TenantContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A change of a customer's balance, written to the ledger and announced ({@link CustomerBalanceChanged}) in the
 * transaction that moved the balance: the one way a payment, a correction or a credit sale enters the ledger.
 */
@Service
@Transactional(propagation = Propagation.MANDATORY)
public class LedgerService {

    private final LedgerRepository ledger;
    private final OutboxPublisher outbox;

    LedgerService(LedgerRepository ledger, OutboxPublisher outbox) {
        this.ledger = ledger;
        this.outbox = outbox;
    }

    /** Appends the entry and announces it; the entry's id. */
    public long record(BalanceEntry e) {
        long entry = ledger.append(e);
        outbox.publish(
                TenantContext.require().key(),
                new CustomerBalanceChanged(
                        e.customer(),
                        entry,
                        e.type(),
                        e.amount(),
                        e.before(),
                        e.after(),
                        e.saleId(),
                        e.method(),
                        e.performedBy(),
                        0,
                        e.pointsAfter()));
        return entry;
    }
}
