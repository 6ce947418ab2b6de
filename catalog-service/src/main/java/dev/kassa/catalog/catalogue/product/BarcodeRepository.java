package dev.kassa.catalog.catalogue.product;

import dev.kassa.platform.data.SqlArrays;
import dev.kassa.platform.error.Messages;
import dev.kassa.platform.web.JdbcPages;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One barcode space per store (spec §3.2.2, rewrite): a product's own code, its extra codes and its batches'
 * codes are all scannable, and a product or extra code belongs to one product only. Every statement on
 * {@code product_barcodes}, and the look-ups across the three kinds of code.
 */
@NamedInterface("products")
@Repository
@Transactional(propagation = Propagation.MANDATORY)
public class BarcodeRepository {

    /** What a scanned code is: a product's own code, an extra code, or a batch's code (then {@code batchId} is set). */
    @NamedInterface("products")
    public record Match(long productId, Long batchId, String kind) {}

    /** An extra barcode of a product (spec C30). */
    record Extra(
            long id,
            long product,
            String productName,
            String barcode,
            String barcodeType,
            String barcodeTypeDisplay,
            boolean isPrimary,
            Instant createdAt) {}

    /** The list's filters (null: any); {@code like} is matched against the code, the product's name and its SKU. */
    record Filter(Long product, String type, Boolean primary, String like) {}

    private static final RowMapper<Extra> EXTRA = (rs, i) -> new Extra(
            rs.getLong("id"),
            rs.getLong("product_id"),
            rs.getString("product_name"),
            rs.getString("barcode"),
            rs.getString("barcode_type"),
            Messages.get("barcode.type." + rs.getString("barcode_type")),
            rs.getBoolean("is_primary"),
            rs.getTimestamp("created_at").toInstant());
    private static final String SELECT =
            "select x.*, p.name as product_name from product_barcodes x join products p on p.id = x.product_id";
    private static final String FILTER =
            """
             where (cast(:product as bigint) is null or x.product_id = :product) and (cast(:type as text) is null or x.barcode_type = :type)
               and (cast(:primary as boolean) is null or x.is_primary = :primary)
               and (cast(:like as text) is null or x.barcode ilike :like or p.name ilike :like or p.sku ilike :like)
            """;

    private final JdbcClient sql;

    BarcodeRepository(JdbcClient sql) {
        this.sql = sql;
    }

    /** Whether a product code or extra code is already used by another product than {@code exceptProduct}. */
    public boolean taken(String code, Long exceptProduct) {
        return sql.sql(
                        """
                        select exists (select 1 from products where barcode = :code and (cast(:except as bigint) is null or id <> :except))
                            or exists (select 1 from product_barcodes where barcode = :code and (cast(:except as bigint) is null or product_id <> :except))
                        """)
                .param("code", code)
                .param("except", exceptProduct)
                .query(Boolean.class)
                .single();
    }

    /** What each of several scanned codes names, in one query (a code that names nothing is left out). */
    public Map<String, Match> findAll(Collection<String> codes) {
        Map<String, Match> found = new HashMap<>();
        if (codes.isEmpty()) {
            return found;
        }
        sql.sql(
                        """
                        select distinct on (code) code, product_id, batch_id, kind from scanned_codes
                         where code = any(cast(:codes as varchar[])) order by code, precedence
                        """)
                .param("codes", SqlArrays.texts(codes))
                .query(rs -> {
                    found.put(rs.getString(1), new Match(rs.getLong(2), (Long) rs.getObject(3), rs.getString(4)));
                });
        return found;
    }

    // ------------------------------------------------------------------ extra barcodes

    /** Primary codes first, then by code. */
    Page<Extra> page(Filter f, Pageable page) {
        return JdbcPages.page(
                sql,
                SELECT,
                "from product_barcodes x join products p on p.id = x.product_id",
                FILTER,
                "x.is_primary desc, x.barcode",
                q -> q.param("product", f.product())
                        .param("type", f.type())
                        .param("primary", f.primary())
                        .param("like", f.like()),
                EXTRA,
                page);
    }

    Optional<Extra> extra(long id) {
        return sql.sql(SELECT + " where x.id = :id")
                .param("id", id)
                .query(EXTRA)
                .optional();
    }

    Optional<Extra> extraByCode(String code) {
        return sql.sql(SELECT + " where x.barcode = :code")
                .param("code", code)
                .query(EXTRA)
                .optional();
    }

    /** Adds an extra code; a primary one takes that place from the product's other extra codes. */
    long addExtra(long product, String code, String type, boolean primary) {
        if (primary) {
            sql.sql("update product_barcodes set is_primary = false where product_id = :product")
                    .param("product", product)
                    .update();
        }
        return sql.sql(
                        "insert into product_barcodes (product_id, barcode, barcode_type, is_primary) values (:product, :code, :type, :primary) returning id")
                .param("product", product)
                .param("code", code)
                .param("type", type)
                .param("primary", primary)
                .query(Long.class)
                .single();
    }

    /** Changes an extra code; a primary one takes that place from the product's other extra codes. */
    void updateExtra(long id, long product, String code, String type, boolean primary) {
        if (primary) {
            sql.sql("update product_barcodes set is_primary = false where product_id = :product and id <> :id")
                    .param("product", product)
                    .param("id", id)
                    .update();
        }
        sql.sql(
                        "update product_barcodes set barcode = :code, barcode_type = :type, is_primary = :primary where id = :id")
                .param("code", code)
                .param("type", type)
                .param("primary", primary)
                .param("id", id)
                .update();
    }

    boolean deleteExtra(long id) {
        return sql.sql("delete from product_barcodes where id = :id")
                        .param("id", id)
                        .update()
                > 0;
    }
}
