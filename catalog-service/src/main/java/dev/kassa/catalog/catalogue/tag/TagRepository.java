package dev.kassa.catalog.catalogue.tag;

import dev.kassa.platform.web.JdbcPages;
import dev.kassa.platform.web.SqlOrdering;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Tags and which products carry them (spec C32): every statement on {@code tags} and {@code product_tags}. */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
class TagRepository {

    record Tag(
            long id,
            String name,
            String slug,
            String color,
            String icon,
            String description,
            boolean isActive,
            int order,
            long productsCount,
            Instant createdAt) {}

    /** A tag's fields as stored. */
    record Fields(
            String name, String slug, String color, String icon, String description, boolean isActive, int order) {}

    /** The list's filters (null: any); {@code like} is matched against the name and the slug. */
    record Filter(Boolean active, String like) {}

    static final SqlOrdering ORDERING = SqlOrdering.of(
            "order", "t.id", Map.of("name", "t.name", "order", "t.sort_order, t.name", "created_at", "t.created_at"));

    private static final String SELECT =
            "select t.*, (select count(*) from product_tags pt where pt.tag_id = t.id) as products_count from tags t";
    private static final String FILTER =
            """
             where (cast(:active as boolean) is null or t.is_active = :active)
               and (cast(:like as text) is null or t.name ilike :like or t.slug ilike :like)
            """;
    private static final RowMapper<Tag> ROW = (rs, i) -> new Tag(
            rs.getLong("id"),
            rs.getString("name"),
            rs.getString("slug"),
            rs.getString("color"),
            rs.getString("icon"),
            rs.getString("description"),
            rs.getBoolean("is_active"),
            rs.getInt("sort_order"),
            rs.getLong("products_count"),
            rs.getTimestamp("created_at").toInstant());

    private final JdbcClient sql;

    TagRepository(JdbcClient sql) {
        this.sql = sql;
    }

    /** A page in {@code orderBy} (from {@link #ORDERING}, never user text) and the count of all that match. */
    Page<Tag> page(Filter f, String orderBy, Pageable page) {
        return JdbcPages.page(
                sql,
                SELECT,
                "from tags t",
                FILTER,
                orderBy,
                q -> q.param("active", f.active()).param("like", f.like()),
                ROW,
                page);
    }

    Optional<Tag> find(long id) {
        return sql.sql(SELECT + " where t.id = :id").param("id", id).query(ROW).optional();
    }

    long insert(Fields t) {
        return sql.sql(
                        """
                        insert into tags (name, slug, color, icon, description, is_active, sort_order)
                        values (:name, :slug, :color, :icon, :description, :active, :order) returning id
                        """)
                .params(params(t))
                .query(Long.class)
                .single();
    }

    void update(long id, Fields t) {
        sql.sql(
                        """
                        update tags set name = :name, slug = :slug, color = :color, icon = :icon, description = :description,
                               is_active = :active, sort_order = :order
                         where id = :id
                        """)
                .params(params(t))
                .param("id", id)
                .update();
    }

    boolean delete(long id) {
        return sql.sql("delete from tags where id = :id").param("id", id).update() > 0;
    }

    /** How many of these tag ids exist. */
    int existing(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return 0;
        }
        return sql.sql("select count(*) from tags where id in (:ids)")
                .param("ids", ids)
                .query(Integer.class)
                .single();
    }

    List<Tag> ofProduct(long product) {
        return sql.sql(
                        SELECT
                                + " join product_tags x on x.tag_id = t.id where x.product_id = :product order by t.sort_order, t.name")
                .param("product", product)
                .query(ROW)
                .list();
    }

    /** The product carries exactly these tags afterwards. */
    void setOfProduct(long product, Collection<Long> tags) {
        sql.sql("delete from product_tags where product_id = :product")
                .param("product", product)
                .update();
        for (Long tag : tags) {
            sql.sql("insert into product_tags (product_id, tag_id) values (:product, :tag)")
                    .param("product", product)
                    .param("tag", tag)
                    .update();
        }
    }

    private static Map<String, Object> params(Fields t) {
        return Map.of(
                "name",
                t.name(),
                "slug",
                t.slug(),
                "color",
                t.color(),
                "icon",
                t.icon(),
                "description",
                t.description(),
                "active",
                t.isActive(),
                "order",
                t.order());
    }
}
