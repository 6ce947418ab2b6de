package dev.kassa.customer.card;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.kassa.platform.error.Messages;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/** CustomerSerializer of spec §6.3: the record with its computed fields (full name, available credit, VIP, group discount). */
record CustomerResponse(
        Long id,
        String firstName,
        String lastName,
        String middleName,
        String fullName,
        String customerType,
        String customerTypeDisplay,
        String companyName,
        String taxId,
        String phone,
        @JsonProperty("phone_2") String phone2,
        String email,
        String address,
        String city,
        String region,
        String postalCode,
        Long group,
        String groupName,
        BigDecimal balance,
        BigDecimal creditLimit,
        BigDecimal availableCredit,
        int loyaltyPoints,
        BigDecimal totalPurchases,
        int totalPurchasesCount,
        BigDecimal defaultDiscount,
        Boolean isVip,
        LocalDate birthday,
        String notes,
        boolean isActive,
        boolean isBlocked,
        Instant createdAt,
        Instant updatedAt,
        Instant lastPurchaseAt) {

    /** The original web client's name for the net amount bought (its customer list and till search show it as money). */
    @JsonProperty("total_spent")
    public BigDecimal totalSpent() {
        return totalPurchases;
    }

    /** The original web client's name for the points balance. */
    @JsonProperty("bonus_balance")
    public int bonusBalance() {
        return loyaltyPoints;
    }

    /** The original web client's name for the time of the last purchase (ISO 8601, or null: it formats the date itself). */
    @JsonProperty("last_purchase_date")
    public Instant lastPurchaseDate() {
        return lastPurchaseAt;
    }

    /** The same customer with {@code held} (credit their sales in progress hold) taken off the available credit. */
    CustomerResponse lessHeld(BigDecimal held) {
        if (held.signum() == 0) {
            return this;
        }
        return new CustomerResponse(
                id,
                firstName,
                lastName,
                middleName,
                fullName,
                customerType,
                customerTypeDisplay,
                companyName,
                taxId,
                phone,
                phone2,
                email,
                address,
                city,
                region,
                postalCode,
                group,
                groupName,
                balance,
                creditLimit,
                availableCredit.subtract(held).max(BigDecimal.ZERO).setScale(2),
                loyaltyPoints,
                totalPurchases,
                totalPurchasesCount,
                defaultDiscount,
                isVip,
                birthday,
                notes,
                isActive,
                isBlocked,
                createdAt,
                updatedAt,
                lastPurchaseAt);
    }

    static CustomerResponse from(Customer c, Map<Long, CustomerGroupRepository.Group> groups) {
        CustomerGroupRepository.Group g = c.groupId() == null ? null : groups.get(c.groupId());
        return new CustomerResponse(
                c.id(),
                c.firstName(),
                c.lastName(),
                c.middleName(),
                c.fullName(),
                c.customerType(),
                Messages.get("customer.type." + c.customerType()),
                c.companyName(),
                c.taxId(),
                c.phone(),
                c.phone2(),
                c.email(),
                c.address(),
                c.city(),
                c.region(),
                c.postalCode(),
                c.groupId(),
                g == null ? null : g.name(),
                c.balance(),
                c.creditLimit(),
                c.availableCredit(),
                c.loyaltyPoints(),
                c.totalPurchases(),
                c.totalPurchasesCount(),
                g == null ? BigDecimal.ZERO.setScale(2) : g.discountPercent(),
                g == null ? null : g.isVip(),
                c.birthday(),
                c.notes(),
                c.isActive(),
                c.isBlocked(),
                c.createdAt(),
                c.updatedAt(),
                c.lastPurchaseAt());
    }
}
