package dev.kassa.catalog.product;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One-form product creation (spec §3.2.5) in the seed API's shape: {@code unit} is a code ({@code "pcs"})
 * or an id, {@code category} and {@code initial_quantity} are optional; a supplied {@code sku} or
 * {@code barcode} is validated and kept.
 */
public record CreateProductRequest(
        String name,
        String sku,
        String barcode,
        String description,
        String unit,
        String category,
        BigDecimal costPrice,
        BigDecimal salePrice,
        BigDecimal wholesalePrice,
        BigDecimal taxRate,
        BigDecimal initialQuantity,
        BigDecimal minQuantity,
        BigDecimal maxQuantity,
        Boolean trackInventory,
        String batchNumber,
        LocalDate expiryDate,
        Boolean isFeatured,
        Boolean isActive) {}
