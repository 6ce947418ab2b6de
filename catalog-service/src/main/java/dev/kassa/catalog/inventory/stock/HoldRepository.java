package dev.kassa.catalog.inventory.stock;

import dev.kassa.platform.data.LikePatterns;
import dev.kassa.platform.error.Messages;
import dev.kassa.platform.web.JdbcPages;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Reading till holds for the store's staff (spec C33, C36); holds are made and ended by ReservationService. */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
class HoldRepository {

    record Hold(
            long id,
            long product,
            String productName,
            Long batch,
            String batchNumber,
            BigDecimal quantity,
            String orderReference,
            String status,
            String statusDisplay,
            Instant reservedUntil,
            boolean isExpired,
            Instant createdAt,
            Instant updatedAt) {}

    /** The list's filters (null: any); status {@code active} means a hold that still counts against stock. */
    record Filter(Long product, Long batch, HoldStatus status) {}

    private static final String FILTER =
            """
             where (cast(:product as bigint) is null or r.product_id = :product) and (cast(:batch as bigint) is null or r.batch_id = :batch)
               and (cast(:status as text) is null or r.status = :status)
               and (cast(:status as text) is null or :status <> 'active' or r.reserved_until > now())
            """;
    private static final RowMapper<Hold> ROW = (rs, i) -> {
        Instant until = rs.getTimestamp("reserved_until").toInstant();
        String status = rs.getString("status");
        return new Hold(
                rs.getLong("id"),
                rs.getLong("product_id"),
                rs.getString("product_name"),
                (Long) rs.getObject("batch_id"),
                rs.getString("batch_number"),
                rs.getBigDecimal("quantity"),
                rs.getString("sale_ref"),
                status,
                Messages.get("hold.status." + status),
                until,
                HoldStatus.ACTIVE.code().equals(status) && !until.isAfter(Instant.now()),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    };

    private final JdbcClient sql;

    HoldRepository(JdbcClient sql) {
        this.sql = sql;
    }

    Optional<Hold> find(long id) {
        return sql.sql(
                        """
                        select r.*, p.name as product_name, b.batch_number
                          from reservations r join products p on p.id = r.product_id left join batches b on b.id = r.batch_id
                         where r.id = :id""")
                .param("id", id)
                .query(ROW)
                .optional();
    }

    /** Newest first. */
    Page<Hold> page(Filter f, Pageable page) {
        return JdbcPages.page(
                sql,
                """
                        select r.*, p.name as product_name, b.batch_number
                          from reservations r join products p on p.id = r.product_id left join batches b on b.id = r.batch_id""",
                "from reservations r",
                FILTER,
                "r.created_at desc, r.id desc",
                q -> q.param("product", f.product())
                        .param("batch", f.batch())
                        .param("status", f.status() == null ? null : f.status().code()),
                ROW,
                page);
    }

    /** The references of the active holds whose reference starts with {@code prefix} (a production order's). */
    List<String> activeRefs(String prefix) {
        return sql.sql("select distinct request_ref from reservations where status = 'active'"
                        + " and request_ref like :prefix escape '\\' order by request_ref")
                .param("prefix", LikePatterns.startsWith(prefix))
                .query(String.class)
                .list();
    }
}
