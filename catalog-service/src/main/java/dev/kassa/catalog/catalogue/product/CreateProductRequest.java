package dev.kassa.catalog.catalogue.product;

import dev.kassa.platform.validation.DomainValidated;
import dev.kassa.platform.validation.OneOf;
import dev.kassa.platform.validation.PrintableText;
import dev.kassa.platform.validation.Quantity;
import jakarta.validation.constraints.Size;
import org.springframework.modulith.NamedInterface;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One-form product creation (spec §3.2.5) in the seed API's shape: {@code unit} is a code ({@code "pcs"})
 * or an id, {@code category} and {@code initial_quantity} are optional; a supplied {@code sku} or
 * {@code barcode} is validated and kept. A PUT and a PATCH send the same fields. What needs the store's data (the unit,
 * the category, codes already taken), several fields (sale price against cost) or the operation (the name required on a
 * create and a PUT, stock only on a create) is checked by {@link ProductRules}, in the same answer. {@code made}: when
 * a product with a recipe is made ({@link Made}; {@code on_sale} unless given).
 */
@NamedInterface("products")
@DomainValidated
public record CreateProductRequest(
        @Size(max = 255) @PrintableText String name,
        String sku,
        String barcode,
        @PrintableText(multiline = true) String description,
        String unit,
        String category,
        @Price BigDecimal costPrice,
        @Price BigDecimal salePrice,
        @Price BigDecimal wholesalePrice,
        @TaxRate BigDecimal taxRate,
        BigDecimal initialQuantity,
        @Quantity BigDecimal minQuantity,
        @Quantity BigDecimal maxQuantity,
        Boolean trackInventory,
        @PrintableText String batchNumber,
        LocalDate expiryDate,
        Boolean isFeatured,
        Boolean isActive,
        Boolean hazardous,
        @OneOf(of = Made.class, message = "catalog.made_invalid") String made) {

    /** A form that changes nothing (what an imported row that differs in no cell gives). */
    static final CreateProductRequest UNCHANGED = new CreateProductRequest(
            null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
            null, null);
}
