package dev.kassa.customer.customer;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.kassa.platform.events.EventEnvelope;
import dev.kassa.platform.events.Inbox;
import dev.kassa.platform.events.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Keeps each customer's purchase history and totals from sales events, exactly once per event: a completed
 * sale adds a purchase (total, count, last purchase), a refund takes its amount back; loyalty points are
 * 1 per full 100 of net purchases (spec §6.2).
 */
@Component
class PurchaseEventsConsumer {

    private static final Logger log = LoggerFactory.getLogger(PurchaseEventsConsumer.class);

    /** The parts of SaleCompleted and SaleRefunded that customer-service reads. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record SaleEvent(String saleId, String receiptNumber, Long customerId, Instant completedAt, LocalDate businessDate, BigDecimal total,
                     BigDecimal amount, List<Line> lines) {
        @JsonIgnoreProperties(ignoreUnknown = true)
        record Line(BigDecimal quantity) { }
    }

    private final Inbox inbox;
    private final JdbcTemplate jdbc;

    PurchaseEventsConsumer(Inbox inbox, JdbcTemplate jdbc) {
        this.inbox = inbox;
        this.jdbc = jdbc;
    }

    @KafkaListener(topics = Topics.SALES)
    void on(String message) {
        EventEnvelope envelope = inbox.read(message);
        boolean completed = "SaleCompleted".equals(envelope.type());
        if (!completed && !"SaleRefunded".equals(envelope.type())) {
            return;
        }
        SaleEvent sale = inbox.payload(envelope, SaleEvent.class);
        if (sale.customerId() == null) {
            return;
        }
        inbox.process(envelope, "customer-history", tenant -> {
            if (jdbc.queryForObject("select count(*) from customers where id = ?", Integer.class, sale.customerId()) == 0) {
                log.warn("Sale {} names customer {} that this store does not have; history not recorded", sale.receiptNumber(), sale.customerId());
                return;
            }
            if (completed) {
                BigDecimal quantity = sale.lines() == null ? BigDecimal.ZERO
                        : sale.lines().stream().map(SaleEvent.Line::quantity).reduce(BigDecimal.ZERO, BigDecimal::add);
                int added = jdbc.update("""
                        insert into customer_purchases (sale_id, customer_id, receipt_number, total, items_quantity, completed_at, business_date)
                        values (?, ?, ?, ?, ?, ?, ?) on conflict (sale_id) do nothing
                        """, sale.saleId(), sale.customerId(), sale.receiptNumber(), sale.total(), quantity,
                        Timestamp.from(sale.completedAt()), sale.businessDate());
                if (added == 1) {
                    jdbc.update("""
                            update customers set total_purchases = total_purchases + ?, total_purchases_count = total_purchases_count + 1,
                                   last_purchase_at = greatest(coalesce(last_purchase_at, ?), ?), updated_at = now() where id = ?
                            """, sale.total(), Timestamp.from(sale.completedAt()), Timestamp.from(sale.completedAt()), sale.customerId());
                }
            } else {
                jdbc.update("update customer_purchases set refunded = refunded + ? where sale_id = ?", sale.amount(), sale.saleId());
                jdbc.update("update customers set total_purchases = greatest(total_purchases - ?, 0), updated_at = now() where id = ?",
                        sale.amount(), sale.customerId());
            }
            jdbc.update("update customers set loyalty_points = floor(total_purchases / 100) where id = ?", sale.customerId());
        });
    }
}
