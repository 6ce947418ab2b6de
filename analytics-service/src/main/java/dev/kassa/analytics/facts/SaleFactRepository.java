package dev.kassa.analytics.facts;

import dev.kassa.platform.data.SqlArrays;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Sales and refunds exactly as their events said, once each (by sale id and refund id): the facts every report is
 * recomputed from. Written inside the inbox's transaction.
 */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
public class SaleFactRepository {

    private static final String SALE_WITH_LINES =
            """
            with f as (
                insert into sale_facts (sale_id, receipt_number, business_date, completed_at, customer_id, cashier_id, total,
                                        discount, tax, items_quantity, cash, card, other, credit)
                values (:sale, :receipt, :date, :at, :customer, :cashier, :total, :discount, :tax, :items, :cash, :card,
                        :other, :credit)
                on conflict (sale_id) do nothing
                returning exists (select 1 from sale_facts r where r.refund_of = :sale) as refunds_first),
            l as (
                insert into sale_fact_lines (sale_id, product_id, product_name, quantity, unit_price, discount, line_total,
                                             unit_cost, business_date)
                select :sale, product, name, quantity, price, discount, total, cost, :date
                  from unnest(cast(:products as bigint[]), cast(:names as text[]), cast(:quantities as numeric[]),
                              cast(:prices as numeric[]), cast(:discounts as numeric[]), cast(:totals as numeric[]),
                              cast(:costs as numeric[])) with ordinality as l(product, name, quantity, price, discount, total, cost, n)
                 where exists (select 1 from f)
                 order by n),
            p as (
                insert into sale_fact_payments (sale_id, method, amount)
                select :sale, m, a from unnest(cast(:methods as text[]), cast(:amounts as numeric[])) as t(m, a)
                 where exists (select 1 from f)),
            m as (
                insert into sale_fact_modifiers (sale_id, line_no, option_id, group_name, name, quantity, amount)
                select :sale, line_no, option_id, group_name, name, quantity, round(price * quantity, 2)
                  from unnest(cast(:modLines as integer[]), cast(:modOptions as bigint[]), cast(:modGroups as text[]),
                              cast(:modNames as text[]), cast(:modQuantities as numeric[]),
                              cast(:modPrices as numeric[]))
                       as t(line_no, option_id, group_name, name, quantity, price)
                 where exists (select 1 from f)
                on conflict do nothing)
            select refunds_first from f
            """;

    private final JdbcClient jdbc;

    SaleFactRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records a sale once; also gives refunds that arrived before it the cost of what they returned. */
    public Affected record(Sale s) {
        Optional<Boolean> refundsFirst = insert(s);
        if (refundsFirst.isEmpty()) {
            return Affected.none();
        }
        Set<Long> products = new HashSet<>();
        s.lines().forEach(l -> products.add(l.productId()));
        if (!refundsFirst.get()) {
            return new Affected(s.saleId(), s.businessDate(), products, new LinkedHashMap<>());
        }
        return new Affected(s.saleId(), s.businessDate(), products, costRefundsThatCameFirst(s));
    }

    /**
     * The sale and its lines (in order) in one statement; it answers, for a sale recorded now, whether refunds of it
     * came first (nothing when it was recorded before: then no line is written either).
     */
    private Optional<Boolean> insert(Sale s) {
        List<Sale.Line> lines = s.lines();
        // each option a line chose, with the line's place and quantity
        record Chosen(int line, BigDecimal quantity, Sale.Modifier modifier) {}
        List<Chosen> chosen = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            for (Sale.Modifier m : lines.get(i).modifiers()) {
                chosen.add(new Chosen(i + 1, lines.get(i).quantity(), m));
            }
        }
        return jdbc.sql(SALE_WITH_LINES)
                .param("sale", s.saleId())
                .param("receipt", s.receiptNumber())
                .param("date", s.businessDate())
                .param("at", Timestamp.from(s.completedAt()))
                .param("customer", s.customerId())
                .param("cashier", s.cashierId())
                .param("total", s.total())
                .param("discount", s.discount())
                .param("tax", s.tax())
                .param("items", s.itemsQuantity())
                .param("cash", s.tenders().cash())
                .param("card", s.tenders().card())
                .param("other", s.tenders().other())
                .param("credit", s.tenders().credit())
                .param("products", SqlArrays.texts(lines, Sale.Line::productId))
                .param("names", SqlArrays.texts(lines, Sale.Line::productName))
                .param("quantities", SqlArrays.texts(lines, Sale.Line::quantity))
                .param("prices", SqlArrays.texts(lines, Sale.Line::unitPrice))
                .param("discounts", SqlArrays.texts(lines, l -> l.discount() == null ? BigDecimal.ZERO : l.discount()))
                .param("totals", SqlArrays.texts(s.paidLineTotals()))
                .param("costs", SqlArrays.texts(lines, l -> l.unitCost() == null ? BigDecimal.ZERO : l.unitCost()))
                .param("methods", SqlArrays.texts(s.tenders().paid(), Map.Entry::getKey))
                .param("amounts", SqlArrays.texts(s.tenders().paid(), Map.Entry::getValue))
                .param("modLines", SqlArrays.texts(chosen, Chosen::line))
                .param("modOptions", SqlArrays.texts(chosen, c -> c.modifier().optionId()))
                .param("modGroups", SqlArrays.texts(chosen, c -> c.modifier().group()))
                .param("modNames", SqlArrays.texts(chosen, c -> c.modifier().name()))
                .param("modQuantities", SqlArrays.texts(chosen, Chosen::quantity))
                .param("modPrices", SqlArrays.texts(chosen, c -> c.modifier().price()))
                .query(Boolean.class)
                .optional();
    }

    /**
     * Refunds of the sale that came first: they are its cashier's, and their lines now get the cost of the batch that
     * was sold. Answers the products whose figures changed, by business date.
     */
    private Map<LocalDate, Set<Long>> costRefundsThatCameFirst(Sale s) {
        Map<LocalDate, Set<Long>> corrected = new LinkedHashMap<>();
        jdbc.sql("update sale_facts set cashier_id = :cashier where refund_of = :sale")
                .param("cashier", s.cashierId())
                .param("sale", s.saleId())
                .update();
        jdbc.sql(
                        """
                        update sale_fact_lines r set unit_cost = l.unit_cost
                          from sale_facts f, sale_fact_lines l
                         where f.refund_of = :sale and r.sale_id = f.sale_id and l.sale_id = :sale and l.product_id = r.product_id
                        returning r.business_date, r.product_id
                        """)
                .param("sale", s.saleId())
                .query((rs, i) -> Map.entry(rs.getObject(1, LocalDate.class), rs.getLong(2)))
                .list()
                .forEach(e -> corrected
                        .computeIfAbsent(e.getKey(), d -> new HashSet<>())
                        .add(e.getValue()));
        return corrected;
    }

    /** The options a refund's lines were sold with, as negative figures (sales by modifier are net of refunds). */
    private void recordOptions(String refundFact, List<Refund.Line> lines) {
        record Returned(int line, BigDecimal quantity, Sale.Modifier modifier) {}
        List<Returned> returned = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            for (Sale.Modifier m : lines.get(i).modifiers()) {
                returned.add(new Returned(i + 1, lines.get(i).quantity().negate(), m));
            }
        }
        if (returned.isEmpty()) {
            return;
        }
        jdbc.sql(
                        """
                        insert into sale_fact_modifiers (sale_id, line_no, option_id, group_name, name, quantity, amount)
                        select :id, line_no, option_id, group_name, name, quantity, round(price * quantity, 2)
                          from unnest(cast(:lines as integer[]), cast(:options as bigint[]), cast(:groups as text[]),
                                      cast(:names as text[]), cast(:quantities as numeric[]), cast(:prices as numeric[]))
                               as t(line_no, option_id, group_name, name, quantity, price)
                        on conflict do nothing
                        """)
                .param("id", refundFact)
                .param("lines", SqlArrays.texts(returned, Returned::line))
                .param("options", SqlArrays.texts(returned, c -> c.modifier().optionId()))
                .param("groups", SqlArrays.texts(returned, c -> c.modifier().group()))
                .param("names", SqlArrays.texts(returned, c -> c.modifier().name()))
                .param("quantities", SqlArrays.texts(returned, Returned::quantity))
                .param("prices", SqlArrays.texts(returned, c -> c.modifier().price()))
                .update();
    }

    /**
     * Records a refund once, as negative facts on the refund's business date, of the cashier who made the sale (a refund
     * takes back their sale's share of the reports).
     */
    public Affected record(Refund r) {
        BigDecimal amount = r.amount().negate();
        // the credit part went back to the buyer's account, the rest left the till by the refund's method
        Tenders tenders = Tenders.ofRefund(r.method(), r.amount().subtract(r.creditAmount()), r.creditAmount())
                .negate();
        BigDecimal quantity = r.lines().stream()
                .map(Refund.Line::quantity)
                .reduce(BigDecimal.ZERO, BigDecimal::add)
                .negate();
        String id = "refund-" + r.refundId();
        int inserted = jdbc.sql(
                        """
                        with f as (
                            insert into sale_facts (sale_id, receipt_number, business_date, completed_at, total, discount, tax,
                                                    items_quantity, cash, card, other, credit, kind, refund_of, cashier_id)
                            values (:id, :receipt, :date, now(), :amount, 0, 0, :quantity, :cash, :card, :other, :credit, 'refund',
                                    :sale, (select s.cashier_id from sale_facts s where s.sale_id = :sale))
                            on conflict (sale_id) do nothing
                            returning sale_id),
                        p as (
                            insert into sale_fact_payments (sale_id, method, amount)
                            select f.sale_id, m, a from f, unnest(cast(:methods as text[]), cast(:amounts as numeric[])) as t(m, a))
                        select count(*) from f
                        """)
                .param("id", id)
                .param("receipt", r.receiptNumber())
                .param("date", r.businessDate())
                .param("amount", amount)
                .param("quantity", quantity)
                .param("cash", tenders.cash())
                .param("card", tenders.card())
                .param("other", tenders.other())
                .param("credit", tenders.credit())
                .param("sale", r.saleId())
                .param("methods", SqlArrays.texts(tenders.paid(), Map.Entry::getKey))
                .param("amounts", SqlArrays.texts(tenders.paid(), Map.Entry::getValue))
                .query(Integer.class)
                .single();
        if (inserted == 0) {
            return Affected.none();
        }
        Set<Long> products = recordLines(id, r);
        recordOptions(id, r.lines());
        return new Affected(id, r.businessDate(), products, Map.of());
    }

    /** The refund's lines, each at the cost its sale's line had; answers the products returned. */
    private Set<Long> recordLines(String id, Refund r) {
        Set<Long> products = new HashSet<>();
        for (Refund.Line line : r.lines()) {
            jdbc.sql(
                            """
                            insert into sale_fact_lines (sale_id, product_id, quantity, line_total, unit_cost, business_date)
                            values (:id, :product, :quantity, :total,
                                    coalesce((select l.unit_cost from sale_fact_lines l where l.sale_id = :sale and l.product_id = :product limit 1), 0),
                                    :date)
                            """)
                    .param("id", id)
                    .param("product", line.productId())
                    .param("quantity", line.quantity().negate())
                    .param("total", line.amount().negate())
                    .param("sale", r.saleId())
                    .param("date", r.businessDate())
                    .update();
            products.add(line.productId());
        }
        return products;
    }
}
