package dev.kassa.catalog.catalogue.product;

import dev.kassa.catalog.catalogue.entry.CatalogEntry;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

@Entity
@Table(name = "products")
public class Product extends CatalogEntry implements ProductFields {
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
    private boolean isFeatured;
    /** Hazardous goods (ADR): only ever put at a location of type {@code hazardous}. */
    private boolean hazardous;
    /** When it is made if it has a recipe ({@link Made}): on sale of its components, or ahead into stock of its own. */
    private String made = Made.ON_SALE.code();
    /** The product this one is a variant of (null: a product of its own, or a parent of variants). */
    private Long variantOf;
    /** What sets a variant apart from its siblings ({@code {"size": "M"}}); null for a product that is not a variant. */
    @JdbcTypeCode(SqlTypes.JSON)
    private Map<String, String> variantOptions;

    protected Product() {}

    /** Makes this new product a variant of {@code parent}, set apart by {@code options}. */
    void variantOf(long parent, Map<String, String> options) {
        this.variantOf = parent;
        this.variantOptions = Map.copyOf(options);
        changed();
    }

    public Long variantOf() {
        return variantOf;
    }

    public Map<String, String> variantOptions() {
        return variantOptions;
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
        active(active);
    }

    /** Changes what a product update may change; stock changes only through batches and movements. */
    void describe(String name, String description, Long categoryId, String sku, String barcode, Long unitId) {
        describe(name, description);
        this.categoryId = categoryId;
        this.sku = sku;
        this.barcode = barcode;
        this.unitId = unitId;
        changed();
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

    public boolean isFeatured() {
        return isFeatured;
    }

    public boolean hazardous() {
        return hazardous;
    }

    public Made made() {
        return Made.of(made);
    }

    /** Flags or unflags the product as hazardous goods, and says when it is made if it has a recipe. */
    void handling(boolean hazardous, Made made) {
        this.hazardous = hazardous;
        this.made = made.code();
    }

    /** (sale − cost) / cost × 100, 0 when there is no cost. */
    public BigDecimal margin() {
        return margin(costPrice, salePrice);
    }

    /** The markup of a sale price over a cost, in percent (0 for no cost). */
    static BigDecimal margin(BigDecimal costPrice, BigDecimal salePrice) {
        if (costPrice == null || costPrice.signum() == 0) {
            return BigDecimal.ZERO.setScale(2);
        }
        return salePrice
                .subtract(costPrice)
                .multiply(BigDecimal.valueOf(100))
                .divide(costPrice, 2, RoundingMode.HALF_UP);
    }
}
