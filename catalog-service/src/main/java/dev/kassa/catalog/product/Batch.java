package dev.kassa.catalog.product;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** A batch of stock. Its quantity changes only together with a stock movement row. */
@Entity
@Table(name = "batches")
public class Batch {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long productId;
    private String batchNumber;
    private String barcode;
    private BigDecimal quantity;
    private BigDecimal purchasePrice;
    private LocalDate expiryDate;
    private String supplierName = "";
    private boolean isActive = true;
    private Instant receivedAt = Instant.now();

    protected Batch() { }

    Batch(Long productId, String batchNumber, String barcode, BigDecimal quantity, BigDecimal purchasePrice, LocalDate expiryDate) {
        this.productId = productId;
        this.batchNumber = batchNumber;
        this.barcode = barcode;
        this.quantity = quantity;
        this.purchasePrice = purchasePrice;
        this.expiryDate = expiryDate;
    }

    public Long id() { return id; }
    public Long productId() { return productId; }
    public String batchNumber() { return batchNumber; }
    public String barcode() { return barcode; }
    public BigDecimal quantity() { return quantity; }
    public BigDecimal purchasePrice() { return purchasePrice; }
    public LocalDate expiryDate() { return expiryDate; }
    public boolean isActive() { return isActive; }
    public Instant receivedAt() { return receivedAt; }
}
