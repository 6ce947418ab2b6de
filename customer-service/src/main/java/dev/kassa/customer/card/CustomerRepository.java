package dev.kassa.customer.card;

import jakarta.persistence.LockModeType;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

import java.util.Collection;
import java.util.Optional;

/**
 * Customers, the one writer of their table: the entity for the card, {@link CustomerCounters} for the balance, points and
 * purchase totals. Deleted customers are never found here but by id.
 */
public interface CustomerRepository extends JpaRepository<Customer, Long>, CustomerCounters {

    @Query(
            "select count(c) > 0 from Customer c where c.phone = :phone and c.deletedAt is null and (:except is null or c.id <> :except)")
    boolean phoneTaken(String phone, Long except);

    @Query("select c from Customer c where c.id = :id and c.deletedAt is null")
    Optional<Customer> findLive(long id);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from Customer c where c.id = :id and c.deletedAt is null")
    Optional<Customer> lockLive(long id);

    /** The customer (active or not) with this phone; deleted ones are not. */
    @Query("select c from Customer c where c.phone = :phone and c.deletedAt is null")
    Optional<Customer> findLiveByPhone(String phone);

    @Query("select c from Customer c where c.phone = :phone and c.isActive and c.deletedAt is null")
    Optional<Customer> findByPhoneActive(String phone);

    @Query(
            """
            select c from Customer c
             where c.deletedAt is null
               and (:search is null or lower(c.firstName) like :search or lower(c.lastName) like :search or lower(c.middleName) like :search
                    or c.phone like :search or lower(c.email) like :search or lower(c.companyName) like :search)
               and (:active is null or c.isActive = :active)
               and (:blocked is null or c.isBlocked = :blocked)
               and (:type is null or c.customerType = :type)
               and (:groupId is null or c.groupId = :groupId)
            """)
    Page<Customer> search(String search, Boolean active, Boolean blocked, String type, Long groupId, Pageable pageable);

    @Query("select c from Customer c where c.deletedAt is null and c.isActive and c.groupId in :groups")
    Page<Customer> inGroups(Collection<Long> groups, Pageable pageable);

    @Query("select c from Customer c where c.deletedAt is null and c.balance < 0")
    Page<Customer> debtors(Pageable pageable);
}
