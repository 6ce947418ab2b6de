package dev.kassa.catalog.product;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.util.Optional;

/**
 * One barcode space per store (spec §3.2.2, rewrite): a product's own code, its extra codes and its batches'
 * codes are all scannable, and a product or extra code belongs to one product only.
 */
@Component
@Transactional(propagation = Propagation.MANDATORY)
public class Barcodes {

    /** What a scanned code is: a product's own code, an extra code, or a batch's code (then {@code batchId} is set). */
    public record Match(long productId, Long batchId, String kind) { }

    private final JdbcTemplate jdbc;

    Barcodes(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether a product code or extra code is already used by another product than {@code exceptProduct}. */
    public boolean taken(String code, Long exceptProduct) {
        return Boolean.TRUE.equals(jdbc.queryForObject("""
                select exists (select 1 from products where barcode = ? and (?::bigint is null or id <> ?))
                    or exists (select 1 from product_barcodes where barcode = ? and (?::bigint is null or product_id <> ?))
                """, Boolean.class, code, exceptProduct, exceptProduct, code, exceptProduct, exceptProduct));
    }

    public Optional<Match> find(String code) {
        return jdbc.query("""
                select id, null::bigint, 'product' from products where barcode = ?
                union all
                select product_id, null::bigint, 'extra' from product_barcodes where barcode = ?
                union all
                select product_id, id, 'batch' from batches where barcode = ? and is_active
                limit 1
                """, (rs, i) -> new Match(rs.getLong(1), (Long) rs.getObject(2), rs.getString(3)), code, code, code).stream().findFirst();
    }
}
