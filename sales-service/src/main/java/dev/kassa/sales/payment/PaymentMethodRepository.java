package dev.kassa.sales.payment;

import dev.kassa.platform.error.Messages;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The store's payment methods ({@code payment_methods}), inside the caller's transaction. */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
public class PaymentMethodRepository {

    /**
     * A payment method as the API shows it: {@code name} the owner's, or the built-in one's in the caller's language;
     * {@code countedInDrawer}: what is paid with it lies in the till's drawer and is counted at closing (cash).
     */
    public record PaymentMethod(
            String code,
            String name,
            boolean builtIn,
            boolean countedInDrawer,
            boolean isActive,
            int position,
            Instant createdAt,
            Instant updatedAt) {}

    record Fields(String name, boolean countedInDrawer, boolean isActive) {}

    private static final RowMapper<PaymentMethod> ROW = (rs, i) -> new PaymentMethod(
            rs.getString("code"),
            displayName(rs.getString("code"), rs.getString("name")),
            rs.getBoolean("built_in"),
            rs.getBoolean("counted_in_drawer"),
            rs.getBoolean("is_active"),
            rs.getInt("position"),
            rs.getTimestamp("created_at").toInstant(),
            rs.getTimestamp("updated_at").toInstant());

    private final JdbcClient sql;

    PaymentMethodRepository(JdbcClient sql) {
        this.sql = sql;
    }

    /** The name a method is shown by: the one the store gave it, else the built-in one's in the caller's language. */
    public static String displayName(String code, String stored) {
        return stored != null ? stored : Messages.get("payment.method." + code);
    }

    /** The store's methods in the till's order, only the enabled ones when {@code active} is true (the disabled when false). */
    List<PaymentMethod> list(Boolean active) {
        return sql.sql(
                        "select * from payment_methods where (cast(:active as boolean) is null or is_active = :active) order by position, code")
                .param("active", active)
                .query(ROW)
                .list();
    }

    Optional<PaymentMethod> find(String code) {
        return sql.sql("select * from payment_methods where code = :code")
                .param("code", code)
                .query(ROW)
                .optional();
    }

    /** Whether a refund may pay money back by {@code code}: an enabled method that is not the buyer's account or points. */
    public boolean paysOut(String code) {
        return sql.sql(
                                "select count(*) from payment_methods where code = :code and is_active and code not in ('credit', 'bonus')")
                        .param("code", code)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    /** Adds one of the store's own methods after the others (a taken code fails as a duplicate key). */
    void create(String code, Fields f) {
        sql.sql(
                        """
                        insert into payment_methods (code, name, counted_in_drawer, is_active, position)
                        values (:code, :name, :counted, :active, (select coalesce(max(position), 0) + 1 from payment_methods))
                        """)
                .param("code", code)
                .param("name", f.name())
                .param("counted", f.countedInDrawer())
                .param("active", f.isActive())
                .update();
    }

    void update(String code, Fields f) {
        sql.sql(
                        """
                        update payment_methods set name = :name, counted_in_drawer = :counted, is_active = :active, updated_at = now()
                         where code = :code
                        """)
                .param("code", code)
                .param("name", f.name())
                .param("counted", f.countedInDrawer())
                .param("active", f.isActive())
                .update();
    }

    /** The stored name (null for a built-in method the owner never named). */
    Optional<String> storedName(String code) {
        return sql.sql("select name from payment_methods where code = :code")
                .param("code", code)
                .query((rs, i) -> Optional.ofNullable(rs.getString(1)))
                .optional()
                .flatMap(n -> n);
    }

    /** Whether a sale or a refund was ever paid with it (then it is only switched off). */
    boolean used(String code) {
        return sql.sql(
                        """
                        select exists (select 1 from payments where payment_method = :code)
                            or exists (select 1 from refunds where method = :code)
                        """)
                .param("code", code)
                .query(Boolean.class)
                .single();
    }

    void delete(String code) {
        sql.sql("delete from payment_methods where code = :code and not built_in")
                .param("code", code)
                .update();
    }
}
