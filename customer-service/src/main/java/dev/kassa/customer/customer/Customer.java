package dev.kassa.customer.customer;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;

@Entity
@Table(name = "customers")
class Customer {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;
    String firstName;
    String lastName = "";
    String middleName = "";
    String customerType = "individual";
    String companyName = "";
    String phone;
    String email = "";
    String address = "";
    BigDecimal balance = BigDecimal.ZERO.setScale(2);
    int loyaltyPoints;
    BigDecimal totalPurchases = BigDecimal.ZERO.setScale(2);
    int totalPurchasesCount;
    boolean isActive = true;
    Instant createdAt = Instant.now();
    Instant updatedAt = Instant.now();
    Instant lastPurchaseAt;

    protected Customer() { }

    Customer(String firstName, String lastName, String middleName, String customerType, String companyName, String phone, String email, String address) {
        this.firstName = firstName;
        this.lastName = lastName;
        this.middleName = middleName;
        this.customerType = customerType;
        this.companyName = companyName;
        this.phone = phone;
        this.email = email;
        this.address = address;
    }

    /** "Last First Middle" without blank parts, or the phone. */
    String fullName() {
        String full = String.join(" ", java.util.stream.Stream.of(lastName, firstName, middleName).filter(s -> s != null && !s.isBlank()).toList());
        return full.isBlank() ? phone : full;
    }
}
