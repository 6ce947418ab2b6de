package dev.kassa.analytics.customer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The customers analytics knows (names for RFM rows), from customer-service's events. */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
public class CustomerRepository {

    private final JdbcClient jdbc;

    CustomerRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void save(long customerId, String fullName, String phone, String type) {
        jdbc.sql(
                        """
                        insert into customers (customer_id, full_name, phone, customer_type) values (:id, :name, :phone, :type)
                        on conflict (customer_id) do update set full_name = excluded.full_name, phone = excluded.phone,
                            customer_type = excluded.customer_type, updated_at = now()
                        """)
                .param("id", customerId)
                .param("name", fullName == null ? "" : fullName)
                .param("phone", phone)
                .param("type", type)
                .update();
    }
}
