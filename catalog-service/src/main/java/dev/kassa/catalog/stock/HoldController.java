package dev.kassa.catalog.stock;

import dev.kassa.platform.error.FieldErrors;
import dev.kassa.platform.error.Messages;
import dev.kassa.platform.security.Access;
import dev.kassa.platform.web.JdbcPages;
import dev.kassa.platform.web.PageRequests;
import dev.kassa.platform.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/** Read access to till holds (spec C33, C36) and the manual sweep of lapsed ones (C37); holds themselves are made by sales. */
@RestController
class HoldController {

    record Hold(long id, long product, String productName, Long batch, String batchNumber, BigDecimal quantity, String orderReference,
                String status, String statusDisplay, Instant reservedUntil, boolean isExpired, Instant createdAt, Instant updatedAt) { }

    private static final Set<String> STATUSES = Set.of("active", "completed", "cancelled", "expired");

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final HoldSweeper sweeper;

    HoldController(JdbcTemplate jdbc, TransactionTemplate tx, HoldSweeper sweeper) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.sweeper = sweeper;
    }

    @Operation(summary = "Till holds, newest first: filters product, batch, status (active, completed, cancelled, expired)")
    @GetMapping("/api/products/reservations")
    @PreAuthorize(Access.MANAGE_INVENTORY)
    PageResponse<Hold> list(@RequestParam(required = false) Long product, @RequestParam(required = false) Long batch,
                            @RequestParam(required = false) String status, @RequestParam(required = false) String page,
                            @RequestParam(name = "page_size", required = false) String pageSize) {
        if (status != null && !STATUSES.contains(status)) {
            throw FieldErrors.single("status", "validation.invalid");
        }
        return page(product, batch, status, PageRequests.of(page, pageSize, Sort.unsorted()));
    }

    @Operation(summary = "Holds that still count against stock")
    @GetMapping("/api/products/reservations/active")
    @PreAuthorize(Access.MANAGE_INVENTORY)
    PageResponse<Hold> active(@RequestParam(required = false) String page, @RequestParam(name = "page_size", required = false) String pageSize) {
        return page(null, null, "active", PageRequests.of(page, pageSize, Sort.unsorted()));
    }

    @Operation(summary = "Expire lapsed holds now (a job does it every minute)")
    @PostMapping({"/api/products/reservations/cleanup_expired", "/api/products/reservations/cleanup-expired"})
    @PreAuthorize(Access.MANAGE_INVENTORY)
    Map<String, Object> cleanup() {
        int n = sweeper.sweep();
        return Map.of("message", Messages.get("catalog.holds_expired", n), "count", n);
    }

    private PageResponse<Hold> page(Long product, Long batch, String status, Pageable p) {
        String where = """
                 where (?::bigint is null or r.product_id = ?) and (?::bigint is null or r.batch_id = ?) and (?::text is null or r.status = ?)
                   and (?::text <> 'active' or r.reserved_until > now() or ?::text is null)
                """;
        Object[] args = {product, product, batch, batch, status, status, status, status};
        return tx.execute(s -> PageResponse.of(JdbcPages.page(jdbc, """
                    select r.*, p.name as product_name, b.batch_number
                      from reservations r join products p on p.id = r.product_id left join batches b on b.id = r.batch_id
                    """, "from reservations r", where, "r.created_at desc, r.id desc", args,
                    (rs, i) -> {
                        Instant until = rs.getTimestamp("reserved_until").toInstant();
                        String st = rs.getString("status");
                        return new Hold(rs.getLong("id"), rs.getLong("product_id"), rs.getString("product_name"), (Long) rs.getObject("batch_id"),
                                rs.getString("batch_number"), rs.getBigDecimal("quantity"), rs.getString("sale_ref"), st,
                                Messages.get("hold.status." + st), until, "active".equals(st) && !until.isAfter(Instant.now()),
                                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
                    }, p), v -> v));
    }
}
