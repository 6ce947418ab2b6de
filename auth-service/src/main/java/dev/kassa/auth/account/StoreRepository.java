package dev.kassa.auth.account;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.Optional;

public interface StoreRepository extends JpaRepository<Store, Long> {
    boolean existsBySchemaName(String schemaName);

    Optional<Store> findByTenantKey(String tenantKey);

    boolean existsByOwnerIdAndIsActiveTrue(Long ownerId);
}
