package dev.kassa.catalog.product;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;

@Entity
@Table(name = "products")
public class Product {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String name;
    private String slug;
    private String description = "";
    private Long categoryId;
    private String sku;
    private String barcode;
    private Long unitId;
    private BigDecimal costPrice;
    private BigDecimal salePrice;
    private BigDecimal wholesalePrice;
    private BigDecimal taxRate;
    private BigDecimal minQuantity;
    private BigDecimal maxQuantity;
    private boolean trackInventory = true;
    private boolean isActive = true;
    private boolean isFeatured;
    private Instant createdAt = Instant.now();
    private Instant updatedAt = Instant.now();

    protected Product() {}

    Product(String name, String slug, String description, Long categoryId, String sku, String barcode, Long unitId) {
        this.name = name;
        this.slug = slug;
        this.description = description == null ? "" : description;
        this.categoryId = categoryId;
        this.sku = sku;
        this.barcode = barcode;
        this.unitId = unitId;
    }

    void pricing(BigDecimal cost, BigDecimal sale, BigDecimal wholesale, BigDecimal tax) {
        this.costPrice = cost;
        this.salePrice = sale;
        this.wholesalePrice = wholesale;
        this.taxRate = tax;
    }

    void inventory(BigDecimal min, BigDecimal max, boolean track, boolean featured, boolean active) {
        this.minQuantity = min;
        this.maxQuantity = max;
        this.trackInventory = track;
        this.isFeatured = featured;
        this.isActive = active;
    }

    /** Changes what a product update may change; stock changes only through batches and movements. */
    void describe(String name, String description, Long categoryId, String sku, String barcode, Long unitId) {
        this.name = name;
        this.description = description == null ? "" : description;
        this.categoryId = categoryId;
        this.sku = sku;
        this.barcode = barcode;
        this.unitId = unitId;
        this.updatedAt = Instant.now();
    }

    public Long id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String slug() {
        return slug;
    }

    public String description() {
        return description;
    }

    public Long categoryId() {
        return categoryId;
    }

    public String sku() {
        return sku;
    }

    public String barcode() {
        return barcode;
    }

    public Long unitId() {
        return unitId;
    }

    public BigDecimal costPrice() {
        return costPrice;
    }

    public BigDecimal salePrice() {
        return salePrice;
    }

    public BigDecimal wholesalePrice() {
        return wholesalePrice;
    }

    public BigDecimal taxRate() {
        return taxRate;
    }

    public BigDecimal minQuantity() {
        return minQuantity;
    }

    public BigDecimal maxQuantity() {
        return maxQuantity;
    }

    public boolean trackInventory() {
        return trackInventory;
    }

    public boolean isActive() {
        return isActive;
    }

    public boolean isFeatured() {
        return isFeatured;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    /** (sale − cost) / cost × 100, 0 when there is no cost. */
    public BigDecimal margin() {
        if (costPrice == null || costPrice.signum() == 0) {
            return BigDecimal.ZERO.setScale(2);
        }
        return salePrice
                .subtract(costPrice)
                .multiply(BigDecimal.valueOf(100))
                .divide(costPrice, 2, RoundingMode.HALF_UP);
    }
}
