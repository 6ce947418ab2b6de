package dev.kassa.catalog.catalogue.image;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Products' galleries: the order the owner gave, then the order of upload. */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
class ProductImageRepository {

    record Image(long id, long product, UUID file, String altText, int order, Instant createdAt) {}

    static final String ORDER = " order by product_id, sort_order, created_at, id";

    private static final RowMapper<Image> ROW = (rs, i) -> new Image(
            rs.getLong("id"),
            rs.getLong("product_id"),
            rs.getObject("file_id", UUID.class),
            rs.getString("alt_text"),
            rs.getInt("sort_order"),
            rs.getTimestamp("created_at").toInstant());

    private final JdbcClient sql;

    ProductImageRepository(JdbcClient sql) {
        this.sql = sql;
    }

    long add(long product, UUID file, String altText, int order) {
        return sql.sql(
                        "insert into product_images (product_id, file_id, alt_text, sort_order) values (:product, :file, :alt, :order) returning id")
                .param("product", product)
                .param("file", file)
                .param("alt", altText)
                .param("order", order)
                .query(Long.class)
                .single();
    }

    Optional<Image> find(long id) {
        return sql.sql("select * from product_images where id = :id")
                .param("id", id)
                .query(ROW)
                .optional();
    }

    List<Image> of(Collection<Long> products) {
        if (products.isEmpty()) {
            return List.of();
        }
        return sql.sql("select * from product_images where product_id in (:products)" + ORDER)
                .param("products", products)
                .query(ROW)
                .list();
    }

    /** A page of every product's images, newest first ({@code created_at} descending) or in gallery order. */
    List<Image> page(Long product, String orderBy, int limit, long offset) {
        return sql.sql(
                        "select * from product_images where (cast(:product as bigint) is null or product_id = :product) order by "
                                + orderBy + " limit :limit offset :offset")
                .param("product", product)
                .param("limit", limit)
                .param("offset", offset)
                .query(ROW)
                .list();
    }

    long count(Long product) {
        return sql.sql(
                        "select count(*) from product_images where (cast(:product as bigint) is null or product_id = :product)")
                .param("product", product)
                .query(Long.class)
                .single();
    }

    void edit(long id, String altText, int order) {
        sql.sql("update product_images set alt_text = :alt, sort_order = :order where id = :id")
                .param("id", id)
                .param("alt", altText)
                .param("order", order)
                .update();
    }

    void delete(long id) {
        sql.sql("delete from product_images where id = :id").param("id", id).update();
    }

    /** The files of a product's gallery (a product deleted takes them with it). */
    List<UUID> filesOf(long product) {
        return sql.sql("select file_id from product_images where product_id = :product")
                .param("product", product)
                .query(UUID.class)
                .list();
    }
}
