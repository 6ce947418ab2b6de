package dev.kassa.customer.ledger;

import dev.kassa.customer.CustomerErrors;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads of the ledger, each in one read-only transaction. */
@Service
class LedgerQueryService {

    private final LedgerRepository ledger;

    LedgerQueryService(LedgerRepository ledger) {
        this.ledger = ledger;
    }

    @Transactional(readOnly = true)
    Page<LedgerRepository.Entry> page(Long customer, String type, String sale, String orderBy, Pageable page) {
        return ledger.page(customer, type, sale, orderBy, page);
    }

    @Transactional(readOnly = true)
    LedgerRepository.Entry find(long id) {
        return ledger.find(id).orElseThrow(() -> CustomerErrors.TRANSACTION_NOT_FOUND.exception());
    }
}
