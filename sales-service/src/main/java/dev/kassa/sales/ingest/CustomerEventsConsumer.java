package dev.kassa.sales.ingest;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.kassa.platform.events.EventHandlers;
import dev.kassa.platform.events.Inbox;
import dev.kassa.platform.events.Topics;
import dev.kassa.sales.shift.CashDrawerService;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;

/** A debt paid in cash at a till lands in that cashier's open shift (issue 11), exactly once per ledger entry. */
@Component
class CustomerEventsConsumer {

    /** The part of customer-service's CustomerBalanceChanged contract that sales reads. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record CustomerBalanceChanged(
            long customerId,
            long transactionId,
            String transactionType,
            BigDecimal amount,
            String paymentMethod,
            Long performedBy) {
        boolean isCashDebtPayment() {
            return "payment".equals(transactionType)
                    && "cash".equals(paymentMethod)
                    && performedBy != null
                    && amount != null
                    && amount.signum() > 0;
        }
    }

    private final Inbox inbox;
    private final EventHandlers handlers;

    CustomerEventsConsumer(Inbox inbox, CashDrawerService drawer) {
        this.inbox = inbox;
        this.handlers = new EventHandlers()
                .on(
                        CustomerBalanceChanged.class,
                        CustomerBalanceChanged::isCashDebtPayment,
                        e -> drawer.debtPaidInCash(e.performedBy(), e.customerId(), e.transactionId(), e.amount()));
    }

    @KafkaListener(topics = Topics.CUSTOMER)
    void on(String message) {
        inbox.handle(message, "sales-debt-payments", handlers);
    }
}
