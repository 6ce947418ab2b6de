package dev.kassa.auth.account;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.util.List;
import java.util.Optional;

public interface StoreRepository extends JpaRepository<Store, Long> {
    boolean existsBySchemaName(String schemaName);

    /**
     * The schema names a generated slug could collide with: {@code schema} itself and its numbered variants
     * ({@code schema_1}, {@code schema_2}, …; {@code variants} is {@code LikePatterns.startsWith(schema + "_")}).
     */
    @Query("select s.schemaName from Store s where s.schemaName = :schema or s.schemaName like :variants escape '\\'")
    List<String> schemaNamesLike(String schema, String variants);

    Optional<Store> findByTenantKey(String tenantKey);

    boolean existsByOwnerIdAndIsActiveTrue(Long ownerId);
}
