package dev.kassa.customer.customer;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.stream.Stream;

/**
 * A store's customer (spec §6.1). Balance, points and purchase totals change only through the ledger and sales' events,
 * by their own statements ({@link Ledger#balance}, {@code LoyaltyRepository}, {@code PurchaseHistory}); this entity reads
 * them but never writes them, so saving an edited customer cannot put back a balance or points a sale has just changed.
 */
@Entity
@Table(name = "customers")
public class Customer {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    String firstName;
    String lastName = "";
    String middleName = "";
    String customerType = "individual";
    String companyName = "";
    String taxId = "";
    String phone;

    @Column(name = "phone_2")
    String phone2 = "";

    String email = "";
    String address = "";
    String city = "";
    String region = "";
    String postalCode = "";
    Long groupId;

    @Column(insertable = false, updatable = false)
    BigDecimal balance = BigDecimal.ZERO.setScale(2);

    BigDecimal creditLimit = BigDecimal.ZERO.setScale(2);

    @Column(insertable = false, updatable = false)
    int loyaltyPoints;

    @Column(insertable = false, updatable = false)
    BigDecimal totalPurchases = BigDecimal.ZERO.setScale(2);

    @Column(insertable = false, updatable = false)
    int totalPurchasesCount;

    LocalDate birthday;
    String notes = "";
    boolean isActive = true;
    boolean isBlocked;
    Instant createdAt = Instant.now();
    Instant updatedAt = Instant.now();

    @Column(insertable = false, updatable = false)
    Instant lastPurchaseAt;

    Instant deletedAt;

    public Long id() {
        return id;
    }

    public String phone() {
        return phone;
    }

    public Long groupId() {
        return groupId;
    }

    public int loyaltyPoints() {
        return loyaltyPoints;
    }

    public boolean isActive() {
        return isActive;
    }

    public boolean isBlocked() {
        return isBlocked;
    }

    protected Customer() {}

    Customer(CustomerForm form) {
        apply(form);
    }

    /** Takes every field of a validated form. */
    void apply(CustomerForm f) {
        firstName = f.firstName();
        lastName = f.lastName();
        middleName = f.middleName();
        customerType = f.customerType();
        companyName = f.companyName();
        taxId = f.taxId();
        phone = f.phone();
        phone2 = f.phone2();
        email = f.email();
        address = f.address();
        city = f.city();
        region = f.region();
        postalCode = f.postalCode();
        groupId = f.groupId();
        creditLimit = f.creditLimit();
        birthday = f.birthday();
        notes = f.notes();
        isActive = f.isActive();
        isBlocked = f.isBlocked();
        updatedAt = Instant.now();
    }

    void delete() {
        deletedAt = Instant.now();
        isActive = false;
        updatedAt = deletedAt;
    }

    /** "Last First Middle" without blank parts, or the phone. */
    public String fullName() {
        String full = String.join(
                " ",
                Stream.of(lastName, firstName, middleName)
                        .filter(s -> s != null && !s.isBlank())
                        .toList());
        return full.isBlank() ? phone : full;
    }

    /** What may still be bought on credit: nothing when blocked, else the limit less the debt. */
    public BigDecimal availableCredit() {
        if (isBlocked) {
            return BigDecimal.ZERO.setScale(2);
        }
        return creditLimit
                .subtract(balance.min(BigDecimal.ZERO).abs())
                .max(BigDecimal.ZERO)
                .setScale(2);
    }
}
