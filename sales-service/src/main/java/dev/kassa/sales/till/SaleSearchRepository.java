package dev.kassa.sales.till;

import dev.kassa.platform.data.LikePatterns;
import dev.kassa.platform.web.JdbcPages;
import dev.kassa.platform.web.SqlOrdering;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/** The sales list: the store's sales with the seed's filters (status, shift, search over receipt and customer), newest first. */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
class SaleSearchRepository {

    private final JdbcClient sql;

    SaleSearchRepository(JdbcClient sql) {
        this.sql = sql;
    }

    /** The seed's orderings of the sales list (S16), as columns. */
    static final SqlOrdering ORDERING = SqlOrdering.of(
            "-created_at",
            "s.id",
            Map.of("created_at", "s.created_at", "completed_at", "s.completed_at", "total_amount", "s.total_amount"));

    /** What the sales list is narrowed to; every part is optional. */
    record Filter(
            String status,
            Long session,
            String search,
            LocalDate from,
            LocalDate to,
            Long cashierUserId,
            String transactionId) {}

    /** The sales the filter lets through, over {@code sales s}, its parameters bound by {@link #params}. */
    static final String WHERE =
            """
             where (cast(:status as text) is null or s.status = :status)
               and (cast(:session as bigint) is null or s.session_id = :session)
               and (cast(:like as text) is null or s.receipt_number ilike :like or s.customer_name ilike :like
                    or s.customer_phone ilike :like)
               and (cast(:from as date) is null or s.business_date >= :from)
               and (cast(:to as date) is null or s.business_date <= :to)
               and (cast(:cashier as bigint) is null or s.cashier_user_id = :cashier)
               and (cast(:reference as text) is null or s.receipt_number = :reference
                    or exists (select 1 from payments p where p.sale_id = s.id and p.transaction_id = :reference))
            """;

    static Map<String, Object> params(Filter f) {
        Map<String, Object> params = new HashMap<>();
        params.put("status", f.status());
        params.put("session", f.session());
        params.put("like", LikePatterns.contains(f.search()));
        params.put("from", f.from());
        params.put("to", f.to());
        params.put("cashier", f.cashierUserId());
        params.put("reference", f.transactionId());
        return params;
    }

    /** A page of the sales the filter lets through, in {@code orderBy} order, with the count of all of them. */
    Page<SaleRepository.Sale> page(Filter f, String orderBy, Pageable page) {
        return JdbcPages.page(
                sql,
                SaleRepository.SELECT_SALE,
                "from sales s",
                WHERE,
                orderBy,
                q -> q.params(params(f)),
                SaleRepository.SALE,
                page);
    }
}
