package dev.kassa.catalog.catalogue.product;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

public interface ProductRepository extends JpaRepository<Product, Long>, NewProducts, ProductChain {
    boolean existsBySku(String sku);

    boolean existsByBarcode(String barcode);

    boolean existsBySlug(String slug);

    Optional<Product> findBySku(String sku);

    Optional<Product> findByBarcode(String barcode);

    List<Product> findBySkuIn(Collection<String> skus);

    List<Product> findByBarcodeIn(Collection<String> barcodes);

    /** Up to two products of this name whatever its case: one is a match, two are ambiguous. */
    List<Product> findTop2ByNameIgnoreCaseOrderById(String name);

    /** Products per category: rows of {category id, count}. */
    @Query("select p.categoryId, count(p) from Product p where p.categoryId in :categories group by p.categoryId")
    List<Object[]> countByCategory(Collection<Long> categories);

    /** Locks the product's row until the transaction ends (its extra codes change one writer at a time); empty if there is none. */
    @Query(value = "select id from products where id = :id for no key update", nativeQuery = true)
    Optional<Long> lock(long id);

    /** The variants of a parent, in the order they were made. */
    List<Product> findByVariantOfOrderById(long parent);
}
