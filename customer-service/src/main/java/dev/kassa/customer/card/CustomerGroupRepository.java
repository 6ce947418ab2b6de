package dev.kassa.customer.card;

import dev.kassa.platform.data.LikePatterns;
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
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Customer groups (spec §6.1) with the number of their active members. */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
public class CustomerGroupRepository {

    public record Group(
            long id,
            String name,
            String description,
            BigDecimal discountPercent,
            BigDecimal minPurchaseAmount,
            boolean isActive,
            int membersCount,
            Instant createdAt,
            Instant updatedAt) {
        boolean isVip() {
            return discountPercent.compareTo(BigDecimal.TEN) >= 0;
        }
    }

    record GroupForm(
            String name,
            String description,
            BigDecimal discountPercent,
            BigDecimal minPurchaseAmount,
            boolean isActive) {}

    private static final String SELECT =
            """
            select g.*, (select count(*) from customers c where c.group_id = g.id and c.is_active and c.deleted_at is null) as members_count
              from customer_groups g""";
    private static final RowMapper<Group> ROW = (rs, i) -> new Group(
            rs.getLong("id"),
            rs.getString("name"),
            rs.getString("description"),
            rs.getBigDecimal("discount_percent"),
            rs.getBigDecimal("min_purchase_amount"),
            rs.getBoolean("is_active"),
            rs.getInt("members_count"),
            rs.getTimestamp("created_at").toInstant(),
            rs.getTimestamp("updated_at").toInstant());

    private final JdbcClient sql;

    CustomerGroupRepository(JdbcClient sql) {
        this.sql = sql;
    }

    Page<Group> page(Boolean active, String search, String orderBy, Pageable page) {
        String like = LikePatterns.contains(search == null ? null : search.toLowerCase());
        return JdbcPages.page(
                sql,
                SELECT,
                "from customer_groups g",
                """
                        where (cast(:active as boolean) is null or g.is_active = :active)
                          and (cast(:like as text) is null or lower(g.name) like :like or lower(g.description) like :like)
                        """,
                orderBy,
                q -> q.param("active", active).param("like", like),
                ROW,
                page);
    }

    public Optional<Group> find(long id) {
        return sql.sql(SELECT + " where g.id = :id").param("id", id).query(ROW).optional();
    }

    /** The groups of the given ids, by id (for a page of customers). */
    Map<Long, Group> byIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return sql.sql(SELECT + " where g.id in (:ids)").param("ids", ids).query(ROW).list().stream()
                .collect(Collectors.toMap(Group::id, Function.identity()));
    }

    /** The group of this name whatever its case (an imported spreadsheet names groups by name). */
    Optional<Long> idByName(String name) {
        return sql.sql("select id from customer_groups where lower(name) = lower(:name) order by id limit 1")
                .param("name", name)
                .query(Long.class)
                .optional();
    }

    boolean exists(long id) {
        return sql.sql("select count(*) from customer_groups where id = :id")
                        .param("id", id)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    boolean nameTaken(String name, Long except) {
        return sql.sql(
                                "select count(*) from customer_groups where lower(name) = lower(:name) and (cast(:except as bigint) is null or id <> :except)")
                        .param("name", name)
                        .param("except", except)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    long create(GroupForm f) {
        return sql.sql(
                        """
                        insert into customer_groups (name, description, discount_percent, min_purchase_amount, is_active)
                        values (:name, :description, :discount, :min, :active) returning id
                        """)
                .param("name", f.name())
                .param("description", f.description())
                .param("discount", f.discountPercent())
                .param("min", f.minPurchaseAmount())
                .param("active", f.isActive())
                .query(Long.class)
                .single();
    }

    void update(long id, GroupForm f) {
        sql.sql(
                        """
                        update customer_groups set name = :name, description = :description, discount_percent = :discount,
                               min_purchase_amount = :min, is_active = :active, updated_at = now() where id = :id
                        """)
                .param("id", id)
                .param("name", f.name())
                .param("description", f.description())
                .param("discount", f.discountPercent())
                .param("min", f.minPurchaseAmount())
                .param("active", f.isActive())
                .update();
    }

    /** Deletes a group; its members stay, without a group. */
    boolean delete(long id) {
        return sql.sql("delete from customer_groups where id = :id")
                        .param("id", id)
                        .update()
                == 1;
    }

    List<Group> all() {
        return sql.sql(SELECT + " order by g.id").query(ROW).list();
    }
}
