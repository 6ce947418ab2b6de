package dev.kassa.customer.purchase;

import dev.kassa.customer.CustomerErrors;
import dev.kassa.customer.card.CustomerRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The purchases recorded for customers of the current store (the one writer of {@code customer_purchases}, their points
 * columns included) and the totals derived from them, always inside the caller's transaction (a request's, or the inbox's
 * for a sales event).
 */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
public class PurchaseHistoryRepository {

    record Purchase(
            String saleId,
            String receiptNumber,
            BigDecimal total,
            BigDecimal refunded,
            BigDecimal itemsQuantity,
            Instant completedAt,
            LocalDate businessDate) {}

    private static final Logger log = LoggerFactory.getLogger(PurchaseHistoryRepository.class);

    private final JdbcClient jdbc;
    private final CustomerRepository customers;

    PurchaseHistoryRepository(JdbcClient jdbc, CustomerRepository customers) {
        this.customers = customers;
        this.jdbc = jdbc;
    }

    /** A page of the customer's purchases, newest first, within the business dates given (inclusive); 404 for an unknown customer. */
    @Transactional(readOnly = true)
    Page<Purchase> page(long customerId, LocalDate from, LocalDate to, Pageable page) {
        if (jdbc.sql("select count(*) from customers where id = :id")
                        .param("id", customerId)
                        .query(Integer.class)
                        .single()
                == 0) {
            throw CustomerErrors.CUSTOMER_NOT_FOUND.exception();
        }
        List<Purchase> rows = jdbc.sql(
                        """
                        select sale_id, receipt_number, total, refunded, items_quantity, completed_at, business_date from customer_purchases
                         where customer_id = :customer and business_date >= coalesce(:from, business_date)
                           and business_date <= coalesce(:to, business_date)
                         order by completed_at desc, sale_id desc limit :limit offset :offset
                        """)
                .param("customer", customerId)
                .param("from", from)
                .param("to", to)
                .param("limit", page.getPageSize())
                .param("offset", page.getOffset())
                .query((rs, i) -> new Purchase(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getBigDecimal(3),
                        rs.getBigDecimal(4),
                        rs.getBigDecimal(5),
                        rs.getTimestamp(6).toInstant(),
                        rs.getObject(7, LocalDate.class)))
                .list();
        long total = jdbc.sql(
                        """
                        select count(*) from customer_purchases where customer_id = :customer
                           and business_date >= coalesce(:from, business_date) and business_date <= coalesce(:to, business_date)
                        """)
                .param("customer", customerId)
                .param("from", from)
                .param("to", to)
                .query(Long.class)
                .single();
        return new PageImpl<>(rows, page, total);
    }

    /** A customer's net purchases (refunds deducted) in a period, for the top customers list. */
    record TopCustomer(
            long id,
            String firstName,
            String lastName,
            String phone,
            BigDecimal totalPurchases,
            long totalPurchasesCount) {}

    /**
     * The active customers who bought most within the business dates given (all time without them): by net amount
     * ({@code total_purchases}) or by number of purchases ({@code total_purchases_count}).
     */
    @Transactional(readOnly = true)
    List<TopCustomer> top(LocalDate from, LocalDate to, boolean byCount, int limit) {
        return jdbc.sql(
                        """
                        select c.id, c.first_name, c.last_name, c.phone, sum(p.total - p.refunded) as net, count(*) as purchases
                          from customer_purchases p join customers c on c.id = p.customer_id
                         where c.is_active and c.deleted_at is null
                           and p.business_date >= coalesce(:from, p.business_date) and p.business_date <= coalesce(:to, p.business_date)
                         group by c.id, c.first_name, c.last_name, c.phone
                         order by %s desc, c.id
                         limit :limit
                        """
                                .formatted(byCount ? "purchases" : "net"))
                .param("from", from)
                .param("to", to)
                .param("limit", limit)
                .query((rs, i) -> new TopCustomer(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getBigDecimal(5).setScale(2),
                        rs.getLong(6)))
                .list();
    }

    /** Records a completed purchase once; false when the customer is not this store's (nothing else is then done for it). */
    public boolean recordPurchase(SaleCompleted sale) {
        if (!known(sale.customerId(), sale.receiptNumber())) {
            return false;
        }
        Timestamp at = Timestamp.from(sale.completedAt());
        int added = jdbc.sql(
                        """
                        insert into customer_purchases (sale_id, customer_id, receipt_number, total, items_quantity, completed_at, business_date)
                        values (:sale, :customer, :receipt, :total, :quantity, :at, :date) on conflict (sale_id) do nothing
                        """)
                .param("sale", sale.saleId())
                .param("customer", sale.customerId())
                .param("receipt", sale.receiptNumber())
                .param("total", sale.total())
                .param("quantity", sale.itemsQuantity())
                .param("at", at)
                .param("date", sale.businessDate())
                .update();
        if (added == 1) {
            customers.addPurchase(sale.customerId(), sale.total(), sale.completedAt());
        }
        return added == 1;
    }

    /** Counts a refund against its purchase (a refund that overtook its sale still lowers the totals); false for a customer unknown here. */
    public boolean recordRefund(SaleRefunded refund) {
        if (!known(refund.customerId(), refund.receiptNumber())) {
            return false;
        }
        jdbc.sql("update customer_purchases set refunded = refunded + :amount where sale_id = :sale")
                .param("amount", refund.amount())
                .param("sale", refund.saleId())
                .update();
        customers.removePurchase(refund.customerId(), refund.amount());
        return true;
    }

    /** What the sale paid in points: the bonus amount and the points it took. */
    public void pointsSpentOn(String saleId, BigDecimal bonus, int points) {
        jdbc.sql("update customer_purchases set bonus_amount = :amount, bonus_points = :points where sale_id = :sale")
                .param("amount", bonus)
                .param("points", points)
                .param("sale", saleId)
                .update();
    }

    /** What the sale earned in points, on which base and at which rate. */
    public void pointsEarnedOn(String saleId, BigDecimal base, int earned, BigDecimal perPoint) {
        jdbc.sql(
                        "update customer_purchases set points_base = :base, points_earned = :earned, points_per = :per where sale_id = :sale")
                .param("base", base)
                .param("earned", earned)
                .param("per", perPoint)
                .param("sale", saleId)
                .update();
    }

    /** How much of the points payment refunds have given back so far. */
    public void bonusRefunded(String saleId, BigDecimal now) {
        jdbc.sql("update customer_purchases set bonus_refunded = :now where sale_id = :sale")
                .param("now", now)
                .param("sale", saleId)
                .update();
    }

    /** Earned points that refunds took back. */
    public void pointsReversed(String saleId, int points) {
        jdbc.sql("update customer_purchases set points_reversed = points_reversed + :n where sale_id = :sale")
                .param("n", points)
                .param("sale", saleId)
                .update();
    }

    private boolean known(long customerId, String receipt) {
        boolean known = customers.stored(customerId);
        if (!known) {
            log.warn(
                    "Sale {} names customer {} that this store does not have; history not recorded",
                    receipt,
                    customerId);
        }
        return known;
    }
}
