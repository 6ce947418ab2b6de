package dev.kassa.customer.customer;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface CustomerRepository extends JpaRepository<Customer, Long> {
    boolean existsByPhone(String phone);

    @Query("""
            select c from Customer c
             where (:search is null or lower(c.firstName) like lower(concat('%', cast(:search as string), '%'))
                    or lower(c.lastName) like lower(concat('%', cast(:search as string), '%'))
                    or c.phone like concat('%', cast(:search as string), '%')
                    or lower(c.email) like lower(concat('%', cast(:search as string), '%')))
               and (:active is null or c.isActive = :active)
            """)
    Page<Customer> search(String search, Boolean active, Pageable pageable);
}
