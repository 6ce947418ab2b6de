package dev.kassa.catalog.stock;

import dev.kassa.catalog.CatalogErrors;
import dev.kassa.catalog.product.Barcodes;
import dev.kassa.platform.error.FieldErrors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Holds stock for till carts (brief §6). A hold locks the product row, so two tills can never take the
 * same last unit: available = on hand of unexpired active batches − active holds, allocated FEFO
 * (earliest expiry first, no expiry last), possibly across batches. Holds are idempotent per request_ref, and a hold and
 * its release are ordered by that reference ({@code hold_requests}), so a release never leaves a later-committing hold behind.
 */
@Service
public class ReservationService {

    private static final Logger log = LoggerFactory.getLogger(ReservationService.class);

    private final JdbcTemplate jdbc;
    private final StockLevels stock;
    private final StockEvents events;
    private final CatalogProperties properties;
    private final Barcodes barcodes;

    ReservationService(JdbcTemplate jdbc, StockLevels stock, StockEvents events, CatalogProperties properties, Barcodes barcodes) {
        this.barcodes = barcodes;
        this.jdbc = jdbc;
        this.stock = stock;
        this.events = events;
        this.properties = properties;
    }

    private record Locked(Reservation.Product product, BigDecimal costPrice, boolean active) { }

    private record BatchRow(long id, String number, BigDecimal quantity, BigDecimal purchasePrice, BigDecimal held) { }

    @Transactional
    public Reservation reserve(ReserveRequest r) {
        FieldErrors errors = new FieldErrors();
        if (r.requestRef() == null || r.requestRef().isBlank() || r.requestRef().length() > 64) {
            errors.add("request_ref", "validation.required");
        }
        boolean byCode = r.productId() == null && r.barcode() != null && !r.barcode().isBlank();
        if (r.productId() == null && !byCode) {
            errors.add("product", "validation.required");
        }
        if (r.quantity() == null || r.quantity().signum() <= 0) {
            errors.add("quantity", "validation.positive");
        } else if (r.quantity().stripTrailingZeros().scale() > 3 || r.quantity().compareTo(new BigDecimal("999999")) > 0) {
            errors.add("quantity", "validation.invalid");
        }
        errors.throwIfAny();
        BigDecimal requested = r.quantity().setScale(3, RoundingMode.UNNECESSARY);
        // a scanned code names the product (and, for a batch code, the batch) in the same call as the hold
        Barcodes.Match scanned = byCode ? barcodes.find(r.barcode().trim()).orElseThrow(() -> CatalogErrors.PRODUCT_NOT_FOUND_BY_BARCODE.exception( Map.of("barcode", r.barcode().trim()), r.barcode().trim())) : null;
        long productId = scanned != null ? scanned.productId() : r.productId();
        Long batchId = r.batchId() != null ? r.batchId() : scanned != null ? scanned.batchId() : null;

        // the hold request's own row first: a release of the same reference that arrives meanwhile waits for this transaction
        Boolean released = jdbc.queryForObject("""
                insert into hold_requests (request_ref) values (?)
                on conflict (request_ref) do update set request_ref = excluded.request_ref returning released
                """, Boolean.class, r.requestRef());
        if (Boolean.TRUE.equals(released)) {
            throw CatalogErrors.HOLD_RELEASED.exception();
        }
        // holds of one product one at a time (no two see the same stock free); "no key update" because the rows that merely
        // reference the product (a sale's stock movements being written) take key-share locks, which "for update" would wait for
        Locked locked = jdbc.query("""
                        select p.id, p.name, p.sku, u.short_name, p.sale_price, p.tax_rate, p.track_inventory, p.cost_price, p.is_active
                          from products p join units u on u.id = p.unit_id where p.id = ? for no key update of p
                        """,
                (rs, i) -> new Locked(new Reservation.Product(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getBigDecimal(5), rs.getBigDecimal(6), rs.getBoolean(7)), rs.getBigDecimal(8), rs.getBoolean(9)),
                productId).stream().findFirst()
                .orElseThrow(() -> CatalogErrors.PRODUCT_NOT_FOUND.exception());
        if (!locked.active()) {
            throw CatalogErrors.PRODUCT_INACTIVE.exception();
        }
        List<Reservation.Allocation> existing = allocations(r.requestRef());
        if (!existing.isEmpty()) {
            return new Reservation(r.requestRef(), locked.product(), existing);
        }
        Timestamp until = Timestamp.from(Instant.now().plus(properties.reservationTtl()));
        String saleRef = r.saleRef() == null ? "" : r.saleRef();
        if (!locked.product().trackInventory()) {
            long id = insert(locked.product().id(), null, requested, r.requestRef(), saleRef, until);
            return new Reservation(r.requestRef(), locked.product(),
                    List.of(new Reservation.Allocation(id, null, null, requested, locked.costPrice())));
        }
        List<BatchRow> candidates = jdbc.query("""
                select b.id, b.batch_number, b.quantity, b.purchase_price,
                       coalesce((select sum(h.quantity) from reservations h
                                  where h.batch_id = b.id and h.status = 'active' and h.reserved_until > now()), 0)
                  from batches b
                 where b.product_id = ? and b.is_active and (b.expiry_date is null or b.expiry_date >= current_date)
                   and (?::bigint is null or b.id = ?::bigint)
                 order by b.expiry_date asc nulls last, b.received_at asc, b.id asc
                """, (rs, i) -> new BatchRow(rs.getLong(1), rs.getString(2), rs.getBigDecimal(3), rs.getBigDecimal(4), rs.getBigDecimal(5)),
                productId, batchId, batchId);
        if (batchId != null && candidates.isEmpty()) {
            throw CatalogErrors.BATCH_NOT_FOUND.exception();
        }
        BigDecimal available = candidates.stream().map(b -> b.quantity().subtract(b.held()).max(BigDecimal.ZERO))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        if (available.compareTo(requested) < 0) {
            throw CatalogErrors.INSUFFICIENT_STOCK.exception( Map.of(
                    "available", available.setScale(3).toPlainString(), "requested", requested.toPlainString()),
                    available.setScale(3).toPlainString(), requested.toPlainString());
        }
        List<Reservation.Allocation> allocations = new ArrayList<>();
        BigDecimal remaining = requested;
        for (BatchRow b : candidates) {
            if (remaining.signum() == 0) {
                break;
            }
            BigDecimal take = b.quantity().subtract(b.held()).max(BigDecimal.ZERO).min(remaining);
            if (take.signum() > 0) {
                long id = insert(locked.product().id(), b.id(), take, r.requestRef(), saleRef, until);
                allocations.add(new Reservation.Allocation(id, b.id(), b.number(), take, b.purchasePrice()));
                remaining = remaining.subtract(take);
            }
        }
        return new Reservation(r.requestRef(), locked.product(), allocations);
    }

    /** Releases the active holds of the given requests (a removed line, a cancelled draft). */
    @Transactional
    public int release(List<String> requestRefs) {
        if (requestRefs == null || requestRefs.isEmpty()) {
            return 0;
        }
        String[] refs = requestRefs.stream().filter(java.util.Objects::nonNull).distinct().sorted().toArray(String[]::new);
        // waits for a hold of the same reference still in flight (its row is locked until it commits), then cancels it;
        // a reference not held yet is marked released, so its hold is refused when it arrives
        jdbc.update("""
                insert into hold_requests (request_ref, released) select unnest(?::varchar[]), true
                on conflict (request_ref) do update set released = true
                """, (Object) refs);
        return jdbc.update("update reservations set status = 'cancelled', updated_at = now() where status = 'active' and request_ref = any(?)",
                (Object) refs);
    }

    /**
     * Turns a completed sale's holds into sale movements. Runs once per sale (the inbox guarantees it);
     * a hold that lapsed in the meantime is still committed, because the goods left the store.
     */
    @Transactional
    public void commit(String saleRef, String receiptNumber, List<String> requestRefs) {
        if (requestRefs.isEmpty()) {
            return;
        }
        Map<Long, StockLevels.Level> before = events.before(jdbc.queryForList(
                "select distinct product_id from reservations where request_ref = any(?) and status = 'active' order by product_id",
                Long.class, (Object) requestRefs.toArray(String[]::new)));
        for (String ref : requestRefs) {
            record Hold(long id, long productId, Long batchId, BigDecimal quantity) { }
            List<Hold> holds = jdbc.query("select id, product_id, batch_id, quantity from reservations where request_ref = ? and status = 'active' for update",
                    (rs, i) -> new Hold(rs.getLong(1), rs.getLong(2), (Long) rs.getObject(3), rs.getBigDecimal(4)), ref);
            for (Hold h : holds) {
                if (h.batchId() != null) {
                    int updated = jdbc.update("update batches set quantity = quantity - ? where id = ? and quantity >= ?", h.quantity(), h.batchId(), h.quantity());
                    if (updated == 0) {
                        log.error("Sale {} sold {} of batch {} beyond its on-hand quantity; stock clamped at zero", receiptNumber, h.quantity(), h.batchId());
                        jdbc.update("update batches set quantity = 0 where id = ?", h.batchId());
                    }
                    stock.recordMovement(h.productId(), h.batchId(), h.quantity().negate(), "sale", receiptNumber);
                }
                jdbc.update("update reservations set status = 'completed', sale_ref = ?, updated_at = now() where id = ?", saleRef, h.id());
            }
        }
        events.changed(before, "sale", receiptNumber);
    }

    /** Puts refunded goods back into the batches they were sold from (once per refund; the inbox guarantees it). */
    @Transactional
    public void restock(String receiptNumber, List<Returned> lines) {
        Map<Long, StockLevels.Level> before = events.before(lines.stream().map(Returned::productId).filter(java.util.Objects::nonNull).distinct().toList());
        for (Returned line : lines) {
            if (line.batchId() != null && line.quantity() != null && line.quantity().signum() > 0) {
                int updated = jdbc.update("update batches set quantity = quantity + ? where id = ? and product_id = ?",
                        line.quantity(), line.batchId(), line.productId());
                if (updated == 1) {
                    stock.recordMovement(line.productId(), line.batchId(), line.quantity(), "refund", receiptNumber);
                } else {
                    log.error("Refund of {} names batch {} that product {} does not have; not restocked", receiptNumber, line.batchId(), line.productId());
                }
            }
        }
        events.changed(before, "refund", receiptNumber);
    }

    /** A refunded line as catalog needs it. */
    public record Returned(Long productId, Long batchId, BigDecimal quantity) { }

    private List<Reservation.Allocation> allocations(String requestRef) {
        return jdbc.query("""
                select r.id, r.batch_id, b.batch_number, r.quantity, coalesce(b.purchase_price, p.cost_price)
                  from reservations r join products p on p.id = r.product_id left join batches b on b.id = r.batch_id
                 where r.request_ref = ? and r.status = 'active' order by r.id
                """, (rs, i) -> new Reservation.Allocation(rs.getLong(1), (Long) rs.getObject(2), rs.getString(3), rs.getBigDecimal(4),
                rs.getBigDecimal(5)), requestRef);
    }

    private long insert(long productId, Long batchId, BigDecimal quantity, String requestRef, String saleRef, Timestamp until) {
        return jdbc.queryForObject("""
                insert into reservations (product_id, batch_id, quantity, request_ref, sale_ref, reserved_until)
                values (?, ?, ?, ?, ?, ?) returning id
                """, Long.class, productId, batchId, quantity, requestRef, saleRef, until);
    }
}
