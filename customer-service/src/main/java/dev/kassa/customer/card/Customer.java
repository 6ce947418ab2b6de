package dev.kassa.customer.card;

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
 * A store's customer (spec §6.1). Balance, points and purchase totals change only by {@link CustomerCounters}' statements
 * (each reads and writes the row at once); this entity reads them but never writes them, so saving an edited customer
 * cannot put back a balance or points a sale has just changed. Its fields are its own: other classes read them through
 * the accessors and change them through {@link #apply} and {@link #delete}.
 */
@Entity
@Table(name = "customers")
public class Customer {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String firstName;
    private String lastName = "";
    private String middleName = "";
    private String customerType = "individual";
    private String companyName = "";
    private String taxId = "";
    private String phone;

    @Column(name = "phone_2")
    private String phone2 = "";

    private String email = "";
    private String address = "";
    private String city = "";
    private String region = "";
    private String postalCode = "";
    private Long groupId;

    @Column(insertable = false, updatable = false)
    private BigDecimal balance = BigDecimal.ZERO.setScale(2);

    private BigDecimal creditLimit = BigDecimal.ZERO.setScale(2);

    @Column(insertable = false, updatable = false)
    private int loyaltyPoints;

    @Column(insertable = false, updatable = false)
    private BigDecimal totalPurchases = BigDecimal.ZERO.setScale(2);

    @Column(insertable = false, updatable = false)
    private int totalPurchasesCount;

    private LocalDate birthday;
    private String notes = "";
    private boolean isActive = true;
    private boolean isBlocked;
    private Instant createdAt = Instant.now();
    private Instant updatedAt = Instant.now();

    @Column(insertable = false, updatable = false)
    private Instant lastPurchaseAt;

    private Instant deletedAt;

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

    public String firstName() {
        return firstName;
    }

    public String lastName() {
        return lastName;
    }

    public String middleName() {
        return middleName;
    }

    public String customerType() {
        return customerType;
    }

    public String companyName() {
        return companyName;
    }

    public String taxId() {
        return taxId;
    }

    public String phone2() {
        return phone2;
    }

    public String email() {
        return email;
    }

    public String address() {
        return address;
    }

    public String city() {
        return city;
    }

    public String region() {
        return region;
    }

    public String postalCode() {
        return postalCode;
    }

    public BigDecimal balance() {
        return balance;
    }

    public BigDecimal creditLimit() {
        return creditLimit;
    }

    public BigDecimal totalPurchases() {
        return totalPurchases;
    }

    public int totalPurchasesCount() {
        return totalPurchasesCount;
    }

    public LocalDate birthday() {
        return birthday;
    }

    public String notes() {
        return notes;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public Instant lastPurchaseAt() {
        return lastPurchaseAt;
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
