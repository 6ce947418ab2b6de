package dev.kassa.sales.till;

import dev.kassa.sales.shift.ShiftClosing;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** The drafts a closing shift leaves (empty ones: a draft with lines stops the close) are cancelled with it. */
@Component
class DraftsOfClosingShifts {

    private final SaleRepository sales;

    DraftsOfClosingShifts(SaleRepository sales) {
        this.sales = sales;
    }

    @EventListener
    void on(ShiftClosing closing) {
        sales.cancelEmptyDrafts(closing.sessionId());
    }
}
