package dev.kassa.catalog.catalogue.product;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kassa.catalog.catalogue.StockFigures;
import dev.kassa.catalog.catalogue.StockLevel;
import dev.kassa.platform.data.SqlArrays;
import dev.kassa.platform.tenancy.TenantSchemaDataSource;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A product's page in one statement (issue 66): the product with its unit's and category's names, its stock (what its
 * components make, for a product made on sale of others), its batches and its images' files. Run outside a transaction
 * it is the only statement the read sends ({@code BEGIN} and {@code COMMIT} included); inside one it joins it.
 */
@Repository
class ProductReadRepository {

    /** A file of the product's gallery, as its row and its stored file give it. */
    record Image(long id, UUID file, String altText, int order, String contentType, int size, Instant createdAt) {}

    /**
     * The product's row with what its page shows beside it ({@code hasRecipe}: whether it has a recipe, made on sale or
     * ahead); read by a scanned code, what the code is ({@code matchedKind}: product, extra or batch) and the batch it
     * names.
     */
    record Read(
            ProductRow product,
            String categoryName,
            String unitName,
            String unitShort,
            StockLevel level,
            boolean hasRecipe,
            List<ProductView.BatchView> batches,
            List<Image> images,
            String matchedKind,
            Long matchedBatch) {}

    /** What a list shows of a product: the product, its unit's and category's names and its images (then its stock). */
    private static final String PRODUCT_COLUMNS =
            """
            select p.*, u.name as unit_name, u.short_name as unit_short, c.name as category_name,
                   exists (select 1 from recipe_components rc where rc.product_id = p.id) as has_recipe,
                   (select coalesce(json_agg(json_build_object(
                               'id', i.id, 'file', i.file_id, 'alt_text', i.alt_text, 'order', i.sort_order,
                               'content_type', f.content_type, 'size', f.size_bytes, 'created_at', i.created_at)
                           order by i.sort_order, i.created_at, i.id), '[]')
                      from product_images i join kassa_file f on f.id = i.file_id where i.product_id = p.id) as image_list,
            """;

    private final JdbcClient sql;
    private final ObjectMapper json;
    private final StockFigures stock;
    /** What a list shows of a product, its stock included. */
    private final String listColumns;
    /** What the page shows: a list's columns with the product's batches. */
    private final String columns;

    private final String joins;
    private final String byId;
    /** The product a scanned code names ({@code scanned_codes}: its own code, an extra one, an active batch's), by precedence. */
    private final String byCode;

    ProductReadRepository(DataSource dataSource, ObjectMapper json, StockFigures stock) {
        this.sql = TenantSchemaDataSource.reads(dataSource);
        this.json = json;
        this.stock = stock;
        this.listColumns = PRODUCT_COLUMNS + stock.levelColumns();
        this.columns = listColumns + ", " + stock.batchList() + " as batch_list";
        this.joins = " left join units u on u.id = p.unit_id left join categories c on c.id = p.category_id "
                + stock.levelJoins();
        this.byId =
                columns + ", null as matched_kind, null as matched_batch from products p" + joins + " where p.id = :id";
        this.byCode =
                "with m as (select product_id, batch_id, kind from scanned_codes where code = :code order by precedence limit 1) "
                        + columns + ", m.kind as matched_kind, m.batch_id as matched_batch"
                        + " from m join products p on p.id = m.product_id" + joins;
    }

    /** The product's page as of the store's date {@code today} (which batches have expired); empty when there is none. */
    Optional<Read> page(long id, LocalDate today) {
        return one(byId, "id", id, today);
    }

    /** The page of the product a scanned code names, with what the code is; empty when it names none. */
    Optional<Read> scanned(String code, LocalDate today) {
        return one(byCode, "code", code, today);
    }

    /** The one product {@code statement} finds by its parameter {@code name}. */
    private Optional<Read> one(String statement, String name, Object value, LocalDate today) {
        return sql.sql(statement)
                .param(name, value)
                .param("today", today)
                .query((rs, i) -> read(rs, today))
                .optional();
    }

    /**
     * A page of the products the list's {@code filter} lets through, in {@code orderBy} order, as lists show them (no
     * batches), and their count: two statements, outside a transaction of their own.
     */
    Page<Read> list(ProductFilter filter, String orderBy, Pageable pageable, LocalDate today) {
        Map<String, Object> params = new LinkedHashMap<>();
        return page(filter.where(params, stock), params, orderBy, pageable, today);
    }

    /**
     * Active products whose stock is kept and whose sellable stock (for a product made of others, what its components
     * make) is above zero and at most {@code threshold}, or their own minimum without one (spec §3.2.3), by name.
     */
    Page<Read> lowStock(BigDecimal threshold, Pageable pageable, LocalDate today) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("threshold", threshold);
        params.put("today", today);
        return page(
                " where p.is_active and " + ProductFilter.TRACKED + " and " + ProductFilter.sellableNow(stock)
                        + " between 0.001 and coalesce(cast(:threshold as numeric), p.min_quantity)",
                params,
                "p.name, p.id",
                pageable,
                today);
    }

    /** A page of the products {@code where} lets through, in {@code orderBy} order, and their count. */
    private Page<Read> page(
            String where, Map<String, Object> params, String orderBy, Pageable pageable, LocalDate today) {
        long total = sql.sql("select count(*) from products p" + where)
                .params(params)
                .query(Long.class)
                .single();
        // the page's products are chosen first (their order needs no figure), then only they are read with theirs
        List<Read> reads = sql.sql("with page as (select p.id, row_number() over (order by " + orderBy + ") as n"
                        + " from products p" + where + " order by " + orderBy
                        + " limit :pageLimit offset :pageOffset) "
                        + listColumns + ", null as batch_list, null as matched_kind, null as matched_batch"
                        + " from page join products p on p.id = page.id" + joins + " order by page.n")
                .params(params)
                .param("today", today)
                .param("pageLimit", pageable.getPageSize())
                .param("pageOffset", pageable.getOffset())
                .query((rs, i) -> read(rs, today))
                .list();
        return new PageImpl<>(reads, pageable, total);
    }

    /** The products of these ids as lists show them, in the ids' order (an id of no product is left out). */
    List<Read> byIds(List<Long> ids, LocalDate today) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return sql.sql(listColumns + ", null as batch_list, null as matched_kind, null as matched_batch"
                        + " from products p" + joins + " where p.id = any(cast(:ids as bigint[]))"
                        + " order by array_position(cast(:ids as bigint[]), p.id)")
                .param("ids", SqlArrays.texts(ids))
                .param("today", today)
                .query((rs, i) -> read(rs, today))
                .list();
    }

    private Read read(ResultSet rs, LocalDate today) throws SQLException {
        return new Read(
                row(rs),
                rs.getString("category_name"),
                rs.getString("unit_name"),
                rs.getString("unit_short"),
                stock.level(rs),
                rs.getBoolean("has_recipe"),
                batches(rs.getString("batch_list"), today),
                images(rs.getString("image_list")),
                rs.getString("matched_kind"),
                (Long) rs.getObject("matched_batch"));
    }

    private ProductRow row(ResultSet rs) throws SQLException {
        return new ProductRow(
                rs.getLong("id"),
                rs.getString("name"),
                rs.getString("slug"),
                rs.getString("description"),
                (Long) rs.getObject("category_id"),
                rs.getString("sku"),
                rs.getString("barcode"),
                (Long) rs.getObject("unit_id"),
                rs.getBoolean("is_active"),
                rs.getBoolean("is_featured"),
                rs.getBigDecimal("cost_price"),
                rs.getBigDecimal("sale_price"),
                rs.getBigDecimal("wholesale_price"),
                rs.getBigDecimal("tax_rate"),
                rs.getBigDecimal("min_quantity"),
                rs.getBigDecimal("max_quantity"),
                rs.getBoolean("track_inventory"),
                rs.getBoolean("hazardous"),
                Made.of(rs.getString("made")),
                instant(rs.getTimestamp("created_at")),
                instant(rs.getTimestamp("updated_at")),
                (Long) rs.getObject("variant_of"),
                options(rs.getString("variant_options")));
    }

    /** The product's batches from their aggregate ({@code today}: which have expired); null when they were not read. */
    private List<ProductView.BatchView> batches(String batchList, LocalDate today) throws SQLException {
        if (batchList == null) {
            return null;
        }
        List<ProductView.BatchView> batches = new ArrayList<>();
        for (JsonNode b : tree(batchList)) {
            LocalDate expiry = b.path("expiry_date").isNull()
                    ? null
                    : LocalDate.parse(b.path("expiry_date").asText());
            batches.add(new ProductView.BatchView(
                    b.path("id").asLong(),
                    b.path("batch_number").asText(null),
                    b.path("barcode").isNull() ? null : b.path("barcode").asText(),
                    new BigDecimal(b.path("quantity").asText()),
                    b.path("purchase_price").isNull()
                            ? null
                            : new BigDecimal(b.path("purchase_price").asText()),
                    expiry,
                    expiry != null && expiry.isBefore(today),
                    OffsetDateTime.parse(b.path("received_at").asText()).toInstant(),
                    b.path("location").isNumber() ? b.path("location").asLong() : null,
                    b.path("location_code").asText(null)));
        }
        return batches;
    }

    /** The product's gallery from its aggregate, in order. */
    private List<Image> images(String imageList) throws SQLException {
        List<Image> images = new ArrayList<>();
        for (JsonNode i : tree(imageList)) {
            images.add(new Image(
                    i.path("id").asLong(),
                    UUID.fromString(i.path("file").asText()),
                    i.path("alt_text").asText(""),
                    i.path("order").asInt(),
                    i.path("content_type").asText(),
                    i.path("size").asInt(),
                    OffsetDateTime.parse(i.path("created_at").asText()).toInstant()));
        }
        return images;
    }

    private JsonNode tree(String text) throws SQLException {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new SQLException("unreadable aggregate", e);
        }
    }

    private Map<String, String> options(String text) throws SQLException {
        if (text == null) {
            return null;
        }
        Map<String, String> options = new LinkedHashMap<>();
        tree(text)
                .properties()
                .forEach(e -> options.put(e.getKey(), e.getValue().asText()));
        return options;
    }

    private static Instant instant(Timestamp at) {
        return at == null ? null : at.toInstant();
    }
}
