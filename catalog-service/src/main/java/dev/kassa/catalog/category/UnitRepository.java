package dev.kassa.catalog.category;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.Optional;

public interface UnitRepository extends JpaRepository<Unit, Long> {
    Optional<Unit> findByCode(String code);

    Optional<Unit> findByShortName(String shortName);

    Optional<Unit> findByName(String name);
}
