package dev.kassa.catalog.product;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface ProductRepository extends JpaRepository<Product, Long> {
    boolean existsBySku(String sku);

    boolean existsByBarcode(String barcode);

    boolean existsBySlug(String slug);

    @Query("""
            select p from Product p
             where (:search is null or lower(p.name) like lower(concat('%', cast(:search as string), '%'))
                    or lower(p.sku) like lower(concat('%', cast(:search as string), '%'))
                    or p.barcode = :search)
               and (:category is null or p.categoryId = :category)
               and (:active is null or p.isActive = :active)
            """)
    Page<Product> search(String search, Long category, Boolean active, Pageable pageable);
}
