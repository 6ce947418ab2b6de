package dev.kassa.auth.account;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.Optional;

public interface UserRepository extends JpaRepository<User, Long> {
    Optional<User> findByUsername(String username);

    /** The employee's own login, if they have one (a PIN-only employee has none). */
    default Optional<User> accountOf(Employee employee) {
        return employee.userId() == null ? Optional.empty() : findById(employee.userId());
    }

    boolean existsByUsername(String username);
}
