package dev.kassa.auth.account;

import dev.kassa.platform.error.PlatformErrors;
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

    /** The open store of this key; a closed or unknown one answers as for a stranger ({@code not_a_member}). */
    default Store activeOf(String tenantKey) {
        return findByTenantKey(tenantKey)
                .filter(Store::isActive)
                .orElseThrow(() -> PlatformErrors.NOT_A_MEMBER.exception());
    }

    boolean existsByOwnerIdAndIsActiveTrue(Long ownerId);
}
