package dev.kassa.catalog.inventory.supplier;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.kassa.platform.web.JdbcPages;
import dev.kassa.platform.web.SqlOrdering;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Suppliers, each with the number of batches received from it. */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
class SupplierRepository {

    /** A supplier as the API shows it: its stored fields, and the number of batches that came from it. */
    record Supplier(long id, @JsonUnwrapped Fields fields, long batchesCount, Instant createdAt, Instant updatedAt) {}

    /** A supplier's fields as stored. */
    record Fields(
            String name,
            String code,
            String contactPerson,
            String email,
            String phone,
            String address,
            String website,
            String paymentTerms,
            Integer deliveryTime,
            BigDecimal minOrderAmount,
            int rating,
            boolean isActive,
            String notes) {}

    /** The list's filters (null: any); {@code like} is matched against name, code, contact person, e-mail and phone. */
    record Filter(Boolean active, Integer rating, String like) {}

    static final SqlOrdering ORDERING = SqlOrdering.of(
            "name", "s.id", Map.of("name", "s.name", "rating", "s.rating", "created_at", "s.created_at"));
    private static final String SELECT =
            "select s.*, (select count(*) from batches b where b.supplier_id = s.id) as batches_count from suppliers s";
    private static final String FILTER =
            """
             where (cast(:active as boolean) is null or s.is_active = :active) and (cast(:rating as integer) is null or s.rating = :rating)
               and (cast(:like as text) is null or s.name ilike :like or s.code ilike :like or s.contact_person ilike :like
                    or s.email ilike :like or s.phone ilike :like)
            """;
    private static final RowMapper<Supplier> ROW = (rs, i) -> new Supplier(
            rs.getLong("id"),
            new Fields(
                    rs.getString("name"),
                    rs.getString("code"),
                    rs.getString("contact_person"),
                    rs.getString("email"),
                    rs.getString("phone"),
                    rs.getString("address"),
                    rs.getString("website"),
                    rs.getString("payment_terms"),
                    (Integer) rs.getObject("delivery_time"),
                    rs.getBigDecimal("min_order_amount"),
                    rs.getInt("rating"),
                    rs.getBoolean("is_active"),
                    rs.getString("notes")),
            rs.getLong("batches_count"),
            rs.getTimestamp("created_at").toInstant(),
            rs.getTimestamp("updated_at").toInstant());

    private final JdbcClient sql;

    SupplierRepository(JdbcClient sql) {
        this.sql = sql;
    }

    /** A page in {@code orderBy} (from {@link #ORDERING}, never user text) and the count of all that match. */
    Page<Supplier> page(Filter f, String orderBy, Pageable page) {
        return JdbcPages.page(sql, SELECT, "from suppliers s", FILTER, orderBy, q -> filtered(q, f), ROW, page);
    }

    Optional<Supplier> find(long id) {
        return sql.sql(SELECT + " where s.id = :id").param("id", id).query(ROW).optional();
    }

    long insert(Fields s) {
        return sql.sql(
                        """
                        insert into suppliers (name, code, contact_person, email, phone, address, website, payment_terms, delivery_time,
                                               min_order_amount, rating, is_active, notes)
                        values (:name, :code, :contact, :email, :phone, :address, :website, :terms, :delivery, :minOrder, :rating, :active, :notes)
                        returning id
                        """)
                .params(params(s))
                .query(Long.class)
                .single();
    }

    void update(long id, Fields s) {
        sql.sql(
                        """
                        update suppliers set name = :name, code = :code, contact_person = :contact, email = :email, phone = :phone,
                               address = :address, website = :website, payment_terms = :terms, delivery_time = :delivery,
                               min_order_amount = :minOrder, rating = :rating, is_active = :active, notes = :notes, updated_at = now()
                         where id = :id
                        """)
                .params(params(s))
                .param("id", id)
                .update();
    }

    void delete(long id) {
        sql.sql("delete from suppliers where id = :id").param("id", id).update();
    }

    private static JdbcClient.StatementSpec filtered(JdbcClient.StatementSpec spec, Filter f) {
        return spec.param("active", f.active()).param("rating", f.rating()).param("like", f.like());
    }

    private static Map<String, Object> params(Fields s) {
        Map<String, Object> p = new HashMap<>();
        p.put("name", s.name());
        p.put("code", s.code());
        p.put("contact", s.contactPerson());
        p.put("email", s.email());
        p.put("phone", s.phone());
        p.put("address", s.address());
        p.put("website", s.website());
        p.put("terms", s.paymentTerms());
        p.put("delivery", s.deliveryTime());
        p.put("minOrder", s.minOrderAmount());
        p.put("rating", s.rating());
        p.put("active", s.isActive());
        p.put("notes", s.notes());
        return p;
    }
}
