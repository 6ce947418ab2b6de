package dev.kassa.customer.card;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.kassa.platform.error.Messages;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/**
 * CustomerSerializer of spec §6.3: the record's stored fields as its form holds them, with its computed fields (full
 * name, available credit, VIP, group discount).
 */
record CustomerResponse(
        Long id,
        @JsonUnwrapped CustomerForm form,
        String fullName,
        String customerTypeDisplay,
        String groupName,
        BigDecimal balance,
        BigDecimal availableCredit,
        int loyaltyPoints,
        BigDecimal totalPurchases,
        int totalPurchasesCount,
        BigDecimal defaultDiscount,
        Boolean isVip,
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
                form,
                fullName,
                customerTypeDisplay,
                groupName,
                balance,
                availableCredit.subtract(held).max(BigDecimal.ZERO).setScale(2),
                loyaltyPoints,
                totalPurchases,
                totalPurchasesCount,
                defaultDiscount,
                isVip,
                createdAt,
                updatedAt,
                lastPurchaseAt);
    }

    static CustomerResponse from(Customer c, Map<Long, CustomerGroupRepository.Group> groups) {
        CustomerGroupRepository.Group g = c.groupId() == null ? null : groups.get(c.groupId());
        return new CustomerResponse(
                c.id(),
                CustomerForm.of(c),
                c.fullName(),
                Messages.get("customer.type." + c.customerType()),
                g == null ? null : g.name(),
                c.balance(),
                c.availableCredit(),
                c.loyaltyPoints(),
                c.totalPurchases(),
                c.totalPurchasesCount(),
                g == null ? BigDecimal.ZERO.setScale(2) : g.discountPercent(),
                g == null ? null : g.isVip(),
                c.createdAt(),
                c.updatedAt(),
                c.lastPurchaseAt());
    }
}
