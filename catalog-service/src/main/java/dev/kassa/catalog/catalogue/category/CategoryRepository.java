package dev.kassa.catalog.catalogue.category;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

public interface CategoryRepository extends JpaRepository<Category, Long> {
    boolean existsBySlug(String slug);

    /** {@code pattern} comes from {@code LikePatterns.contains}: what the user typed is matched literally, {@code _} and {@code %} too. */
    @Query(
            """
            select c from Category c
             where (:pattern is null or lower(c.name) like lower(cast(:pattern as string)) escape '\\')
               and (:active is null or c.isActive = :active)
               and (:parent is null or c.parentId = :parent)
               and (:rootOnly = false or c.parentId is null)
            """)
    Page<Category> search(String pattern, Boolean active, Long parent, boolean rootOnly, Pageable pageable);

    boolean existsByParentId(Long parentId);

    /** The first category of this name whatever its case (an import names categories by name). */
    Optional<Category> findFirstByNameIgnoreCaseOrderById(String name);

    List<Category> findByParentIdAndIsActiveTrueOrderBySortOrderAscNameAsc(Long parentId);

    /** Whether {@code candidate} is the category {@code id} or one of its descendants (moving a category there would make a cycle). */
    @Query(
            value =
                    """
            with recursive tree(id) as (select cast(:id as bigint) union select c.id from categories c join tree t on c.parent_id = t.id)
            select exists (select 1 from tree where id = :candidate)
            """,
            nativeQuery = true)
    boolean isSelfOrDescendant(long id, long candidate);

    /** Children per category: rows of {parent id, count}. */
    @Query("select c.parentId, count(c) from Category c where c.parentId in :parents group by c.parentId")
    List<Object[]> childCounts(Collection<Long> parents);
}
