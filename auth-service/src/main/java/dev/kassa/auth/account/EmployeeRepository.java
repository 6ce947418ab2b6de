package dev.kassa.auth.account;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.util.List;
import java.util.Optional;

public interface EmployeeRepository extends JpaRepository<Employee, Long> {

    /** The user's active memberships in active stores, newest store first. */
    @Query(
            """
            select new dev.kassa.auth.account.Membership(s, e) from Employee e, Store s
             where e.storeId = s.id and e.userId = :userId and e.isActive = true and s.isActive = true
             order by s.createdAt desc, s.id desc
            """)
    List<Membership> memberships(Long userId);

    /**
     * The user with their active membership in the active store of this tenant key, in one statement (nothing when
     * either is missing: who they are and what they may see of the store, as the profile shows it).
     */
    @Query(
            """
            select new dev.kassa.auth.account.Profile(u, s, e) from User u, Employee e, Store s
             where u.id = :userId and e.userId = u.id and e.storeId = s.id and s.tenantKey = :tenantKey
               and e.isActive = true and s.isActive = true
            """)
    Optional<Profile> profile(Long userId, String tenantKey);

    Optional<Employee> findByUserIdAndStoreId(Long userId, Long storeId);

    Optional<Employee> findByIdAndStoreId(Long id, Long storeId);

    Optional<Employee> findByStoreIdAndPinHash(Long storeId, String pinHash);

    /** Active employees with accounts, searched over username, names and email (lowercase LIKE pattern or null). */
    @Query(
            """
            select e from Employee e, User u
             where e.userId = u.id and e.storeId = :storeId and e.isActive = true
               and (:pattern is null or lower(u.username) like :pattern escape '\\' or lower(u.firstName) like :pattern escape '\\'
                    or lower(u.lastName) like :pattern escape '\\' or lower(u.email) like :pattern escape '\\')
            """)
    Page<Employee> withUsers(Long storeId, String pattern, Pageable pageable);

    @Query(
            """
            select e from Employee e
             where e.storeId = :storeId
               and (:role is null or e.role = :role)
               and (:active is null or e.isActive = :active)
            """)
    Page<Employee> search(Long storeId, String role, Boolean active, Pageable pageable);

    Page<Employee> findByStoreId(Long storeId, Pageable pageable);
}
